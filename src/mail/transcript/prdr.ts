/**
 * PRDR, per-recipient data responses (draft-hall-prdr, used by Exim and
 * swaks): when EHLO advertises PRDR and MAIL FROM carries the `PRDR`
 * parameter, the server answers the end of the data with 353, then one reply
 * per accepted recipient (in RCPT order), then the final reply.
 */
import type { Command, Reply, Transaction } from './model';

/** One recipient's own answer to the message. */
export interface RecipientOutcome {
  readonly rcpt: Command;
  readonly reply: Reply;
}

/** The PRDR intermediate reply to the end of the data (draft-hall-prdr §4). */
export const PRDR_INTERMEDIATE = 353;

/** True when MAIL FROM carries the PRDR parameter (after the path). */
export function requestsPrdr(mail: Command | undefined): boolean {
  const arg = mail?.argument?.text;
  if (!arg) return false;
  const close = arg.indexOf('>');
  return close >= 0 && /(?:^|\s)PRDR(?:\s|$)/i.test(arg.slice(close + 1));
}

const accepted = (c: Command): boolean => !c.reply || Math.floor(c.reply.code / 100) === 2;

/**
 * Follows the PRDR replies of one session: `take` is given each reply to the
 * end of a message and keeps the ones that belong to the PRDR sequence.
 */
export class PrdrReplies {
  private end: Command | undefined;
  private waiting: Command[] = [];

  /**
   * True when the reply of code `code` (`replies.currentReply()`) is the 353
   * or a per-recipient reply to `end` (recorded in `t.prdr`): the end of the
   * data keeps waiting for its final reply.
   */
  take(t: Transaction, end: Command, code: number, replies: { currentReply(): Reply }): boolean {
    if (this.end === end) {
      const rcpt = this.waiting.shift();
      if (!rcpt) return false;
      (t.prdr ??= []).push({ rcpt, reply: replies.currentReply() });
      return true;
    }
    if (code !== PRDR_INTERMEDIATE || !requestsPrdr(t.mail)) return false;
    this.end = end;
    this.waiting = t.rcpts.filter(accepted);
    t.prdr = [];
    return true;
  }
}
