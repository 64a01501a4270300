/**
 * One parse per document version, shared by validation and every feature, and
 * an index from transcript lines to what they are (command, reply line, data).
 */
import type { Problem } from '../../mail/codes';
import type { TranscriptLine } from '../../mail/transcript/lines';
import { parseTranscript, type Command, type Reply, type ReplyLine, type TranscriptSession } from '../../mail/transcript/parse';
import { capProblems, validateSessionMessages } from '../../mail/transcript/validate';
import { keyLookupOf } from '../authKeys';
import type { FeatureContext } from '../features';

/** What a line is, for hover and completion. */
export type LineRole =
  | { kind: 'command'; command: Command }
  | { kind: 'reply'; reply: Reply; replyLine: ReplyLine; index: number }
  | { kind: 'data' }
  | { kind: 'auth-response' };

/** The parsed session with its line index. */
export interface IndexedSession {
  readonly session: TranscriptSession;
  readonly roles: Map<number, LineRole>;
}

/** The memoised session of the document. */
export function sessionOf(ctx: FeatureContext): IndexedSession {
  return ctx.memo('smtp.session', () => {
    const session = parseTranscript(ctx.document.getText(), undefined, ctx.l10n);
    const roles = new Map<number, LineRole>();
    for (const command of session.commands) roles.set(command.line.index, { kind: 'command', command });
    for (const reply of session.replies) {
      reply.lines.forEach((replyLine, index) => roles.set(replyLine.line.index, { kind: 'reply', reply, replyLine, index }));
    }
    for (const block of session.dataBlocks) for (const l of block.lines) roles.set(l.index, { kind: 'data' });
    for (const a of session.auths) for (const l of a.responses) roles.set(l.index, { kind: 'auth-response' });
    return { session, roles };
  });
}

/** Protocol and message problems of the document (memoised). */
export function transcriptProblems(ctx: FeatureContext): Problem[] {
  const { maxFullSize, maxDepth } = ctx.settings.limits;
  // The limits are part of the key: changing them re-validates the messages.
  const { html } = ctx.settings;
  const { keys, version } = keyLookupOf(ctx);
  return ctx.memo(`smtp.problems:${maxFullSize}:${maxDepth}:${html.enabled ? html.clients.join(',') : 'no-html'}:${version}`, () => {
    const { session } = sessionOf(ctx);
    const options = { ...ctx.settings.limits, html: html.enabled ? { clients: html.clients } : (false as const), keys, l10n: ctx.l10n };
    return capProblems([...session.problems, ...validateSessionMessages(session, options)], session.leftOut, ctx.l10n.transcriptMessages);
  });
}

/** The transcript line holding `offset` (binary search). */
export function lineAt(session: TranscriptSession, offset: number): TranscriptLine | undefined {
  const lines = session.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lines[mid];
    if (offset < l.offset) hi = mid - 1;
    else if (offset > l.end) lo = mid + 1;
    else return l;
  }
  return undefined;
}
