/**
 * Partial and one-sided transcripts: logs cut at an arbitrary point, and tools
 * that hide one side of the dialogue. A command sent while a reply is still
 * due is either pipelined (RFC 2920) or follows a reply the log lost; looking
 * ahead at the replies that do arrive tells the two apart, so one lost reply
 * gives one `missing-reply` and not a cascade of sequence errors.
 */
import { KIND_CODE, type LineTable } from './lines';

const CLIENT = KIND_CODE.client;
const SERVER = KIND_CODE.server;

/** Lines looked at past a command, at most: beyond that the command is taken as pipelined. */
const MAX_LOOKAHEAD = 2000;

/** What follows client line `k`: the client lines right after it, and the complete replies after those. */
export interface Lookahead {
  /** Client lines directly after `k` (before the next server line). */
  readonly commands: number;
  /** Complete replies (last lines: `code SP` or a bare code) before the client speaks again. */
  readonly replies: number;
  /** Line number where the look ended; the answer holds for every client line before it. */
  readonly until: number;
}

/** Looks past client line `k` (annotations and blank lines skipped). Bounded by MAX_LOOKAHEAD lines. */
export function lookAhead(table: LineTable, k: number): Lookahead {
  const limit = Math.min(table.count, k + 1 + MAX_LOOKAHEAD);
  let i = k + 1;
  let commands = 0;
  for (; i < limit; i++) {
    const kind = table.kindCode(i);
    if (kind === SERVER) break;
    if (kind === CLIENT) commands++;
  }
  const serverStart = i;
  let replies = 0;
  for (; i < limit; i++) {
    const kind = table.kindCode(i);
    if (kind === CLIENT) break;
    if (kind !== SERVER) continue;
    const at = table.contentOffsets[i];
    if (table.text.charCodeAt(at + 3) !== 45 /* - */) replies++;
  }
  // Cut short by the bound: as if every reply came (no lost reply is assumed).
  if (i >= limit && limit < table.count) replies = Number.MAX_SAFE_INTEGER;
  return { commands, replies, until: serverStart };
}

/** Client and server lines of the whole table, to tell a one-sided log. */
export function countSides(table: LineTable): { client: number; server: number } {
  let client = 0;
  let server = 0;
  for (let k = 0; k < table.count; k++) {
    const kind = table.kindCode(k);
    if (kind === CLIENT) client++;
    else if (kind === SERVER) server++;
  }
  return { client, server };
}
