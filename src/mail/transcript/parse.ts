/**
 * Reads a transcript into a session model and checks it against the SMTP state
 * machine of RFC 5321 §4.1.4 and the replies of §4.3.2, with RFC 3207 STARTTLS,
 * RFC 4954 AUTH, RFC 1870 SIZE, RFC 6152 8BITMIME, RFC 3030 BDAT and RFC 2920
 * pipelining.
 *
 * The work is in three layers: ./lines.ts splits and classifies the lines
 * (each log format a reader in ./dialects/), ./session.ts runs the state
 * machine over them, with one handler per verb in ./verbs.ts, and ./model.ts
 * holds what it builds. This module is their public face and summarises
 * transactions.
 */
import type { Dialect } from './lines';
import type { CoreBundle } from '../i18n';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from './messages';
import type { Command, Reply, Transaction, TranscriptSession } from './model';
import { TranscriptParser } from './session';

export { Block, MAX_PROBLEMS_PER_CODE, type AuthExchange, type Command, type DataBlock, type EnhancedCode, type Extension, type HelloInfo, type Reply, type ReplyLine, type Transaction, type TranscriptSession } from './model';

/**
 * Parses `text` (any dialect) and checks the protocol, writing the problems
 * with `l10n` (English when absent). Never throws on any input.
 */
export function parseTranscript(text: string, dialect?: Dialect, l10n?: CoreBundle): TranscriptSession {
  return new TranscriptParser(text, dialect, true, l10n?.transcriptMessages ?? ENGLISH_TRANSCRIPT_MESSAGES).run();
}

/** The result of a transaction, for outline, code lens and inlay hints. */
export interface TransactionOutcome {
  readonly kind: 'delivered' | 'rejected' | 'reset' | 'unfinished' | 'no-reply';
  readonly text: string;
  /** Where to show it: the end of the transaction's last line. */
  readonly offset: number;
  readonly accepted: number;
  readonly total: number;
}

const replyText = (r: Reply): string => {
  const t = `${r.code} ${r.lines[r.lines.length - 1].text}`.trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
};

/** One line per PRDR recipient: "PRDR: <a@example.com> answered 550 5.7.1 ...", at the RCPT line. */
export function recipientOutcomes(t: Transaction, M: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES): Array<{ rcpt: Command; text: string; accepted: boolean }> {
  return (t.prdr ?? []).map((o) => ({
    rcpt: o.rcpt,
    text: M.outcomeRecipient(o.rcpt.address !== undefined ? `<${o.rcpt.address}>` : (o.rcpt.argument?.text ?? ''), replyText(o.reply)),
    accepted: Math.floor(o.reply.code / 100) === 2,
  }));
}

/** Summarises a transaction: "delivered to 2 of 3 recipients", "rejected at DATA: 552 ...". */
export function transactionOutcome(t: Transaction, M: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES): TransactionOutcome {
  const total = t.rcpts.length;
  // With PRDR a recipient accepted at RCPT may still refuse the message: its own reply decides.
  const prdr = t.prdr && t.prdr.length > 0 && t.end?.reply ? new Map(t.prdr.map((o) => [o.rcpt, o.reply])) : undefined;
  const accepted = t.rcpts.filter((r) => {
    const reply = prdr?.get(r) ?? r.reply;
    return reply && Math.floor(reply.code / 100) === 2;
  }).length;
  const base = { offset: t.end_, accepted, total };
  if (t.mail?.reply && Math.floor(t.mail.reply.code / 100) !== 2) return { ...base, kind: 'rejected', text: M.outcomeRejectedAt('MAIL', replyText(t.mail.reply)) };
  if (t.data?.reply && t.data.verb === 'DATA' && Math.floor(t.data.reply.code / 100) !== 2) {
    return { ...base, kind: 'rejected', text: M.outcomeRejectedAt('DATA', replyText(t.data.reply)) };
  }
  if (t.end?.reply) {
    if (Math.floor(t.end.reply.code / 100) === 2) return { ...base, kind: 'delivered', text: M.outcomeDelivered(accepted, total, replyText(t.end.reply)) };
    return { ...base, kind: 'rejected', text: M.outcomeRejectedAt('.', replyText(t.end.reply)) };
  }
  if (t.end) return { ...base, kind: 'no-reply', text: M.outcomeNoReply() };
  if (total > 0 && t.rcpts.every((r) => r.reply) && accepted === 0) return { ...base, kind: 'rejected', text: M.outcomeNoRecipients(total) };
  if (t.reset) return { ...base, kind: 'reset', text: M.outcomeReset() };
  return { ...base, kind: 'unfinished', text: M.outcomeUnfinished() };
}
