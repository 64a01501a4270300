/**
 * Semantic tokens for transcripts: verbs, EHLO keywords, addresses and annotations.
 *
 * Reply codes and the message inside DATA are deliberately left to the TextMate
 * grammar. With semantic highlighting on (VS Code's default) a semantic token
 * replaces the grammar's colour, and the legend's standard types have one colour
 * per type: a `number` token made 220, 452 and 550 look alike, and one `string`
 * token per DATA line flattened the embedded message's field names and values.
 * The grammar colours each reply class apart (2xx `markup.inserted`, 3xx
 * `markup.changed`, 4xx `entity.name.function`, 5xx `markup.deleted`) and highlights the
 * message with the eml rules, so semantic tokens only add what it cannot know.
 */
import type { FeatureContext } from '../features';
import type { SemanticTokenSpan } from '../semanticTokens';
import { sessionOf } from './session';

/** Token spans of the document. */
export function smtpSemanticTokens(ctx: FeatureContext): SemanticTokenSpan[] {
  const { session } = sessionOf(ctx);
  const out: SemanticTokenSpan[] = [];
  for (const l of session.lines) {
    if (l.kind === 'annotation' && !l.maybeData) out.push({ offset: l.offset, length: l.end - l.offset, type: 'comment' });
  }
  for (const c of session.commands) {
    if (c.kind === 'command' && c.verbLength > 0) out.push({ offset: c.verbOffset, length: c.verbLength, type: 'keyword', ...(c.known ? { modifiers: ['defaultLibrary'] } : {}) });
    if (c.address && c.addressOffset !== undefined) out.push({ offset: c.addressOffset, length: c.address.length, type: 'variable' });
  }
  for (const h of session.hellos) for (const e of h.extensions) out.push({ offset: e.offset, length: e.length, type: 'property', modifiers: ['defaultLibrary'] });
  return out;
}
