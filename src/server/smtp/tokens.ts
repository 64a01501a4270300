/** Semantic tokens for transcripts: verbs, reply codes, enhanced codes, EHLO keywords, addresses, annotations, message lines. */
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
  for (const r of session.replies) {
    for (const l of r.lines) {
      out.push({ offset: l.codeOffset, length: 3, type: 'number' });
      if (l.enhanced) out.push({ offset: l.enhanced.offset, length: l.enhanced.length, type: 'number', modifiers: ['documentation'] });
    }
  }
  for (const h of session.hellos) for (const e of h.extensions) out.push({ offset: e.offset, length: e.length, type: 'property', modifiers: ['defaultLibrary'] });
  for (const b of session.dataBlocks) for (const l of b.lines) if (l.end > l.contentOffset) out.push({ offset: l.contentOffset, length: l.end - l.contentOffset, type: 'string' });
  return out;
}
