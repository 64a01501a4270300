/**
 * The replay's own words (src/send/replay.ts: the `#` notes of the live
 * transcript it writes and the reasons it stopped), in English: the `replay`
 * table of every locale bundle (./i18n.ts). The caller picks the bundle (the
 * CLI's `--locale`, the editor's language) and passes the table in, since the
 * send engine knows no editor.
 *
 * Not texts, so the same in every language: what the replay sends to the
 * server (it is the transcript's), the `# bare LF` mark after a data line
 * (syntax the transcript reader and the validator read back), server replies,
 * host names and the system's own messages, which are arguments.
 */
import { plural } from './plural';

/** How replies are compared (the `--match` values). */
export type ReplayMatchMode = 'code' | 'class' | 'text';

/** The replay's texts in one language. */
export interface ReplayTexts {
  /** The first note: what is replayed against where (`host:port`), before anything is sent. */
  readonly against: (server: string) => string;
  /** The first note once the replay runs: the server, whether TLS is implicit, and how replies are compared. */
  readonly againstDetails: (server: string, implicitTls: boolean, match: ReplayMatchMode) => string;
  readonly connected: (server: string) => string;
  /** A STARTTLS upgrade done: the TLS protocol and cipher, each undefined when the TLS stack does not say. */
  readonly startTls: (protocol: string | undefined, cipher: string | undefined) => string;
  /** The summarised message of a transcript: its header lines go out with a stand-in body. */
  readonly elidedMessage: string;
  /** An AUTH of the transcript not replayed, by its 1-based transcript line. */
  readonly authSkipped: (line: number) => string;
  /** A command of the transcript with masked data, by its 1-based transcript line. */
  readonly maskedNotSent: (line: number) => string;
  /** A reply that differs from the transcript's at that line. */
  readonly differs: (line: number, expected: string) => string;
  readonly couldNotRun: (reason: string) => string;
  readonly stopped: (reason: string) => string;
  /** The last note: the outcome. */
  readonly resultNotRun: string;
  readonly resultDifferences: (count: number) => string;
  readonly resultStoppedEarly: string;
  readonly resultAllMatch: string;
  /** Reasons the replay could not run or stopped. */
  readonly noCommand: string;
  readonly cannotConnect: (server: string, reason: string) => string;
  readonly noConnectionWithin: (ms: number) => string;
  readonly noReplyWithin: (ms: number) => string;
  readonly serverClosed: string;
  /** The server's reply went over the send path's limit (src/send/limits.ts). */
  readonly replyTooBig: (limit: number, unit: 'bytes' | 'lines') => string;
  /** A network or TLS failure, from the system's error code (if any) and its own (English) message. */
  readonly systemReason: (code: string | undefined, message: string) => string;
}

/** The replay's texts in English. */
export const ENGLISH_REPLAY_TEXTS: ReplayTexts = {
  against: (server) => `smtp-eml replay against ${server}`,
  againstDetails: (server, implicitTls, match) => `smtp-eml replay against ${server} (${implicitTls ? 'implicit TLS' : 'no TLS until STARTTLS'}; replies compared by ${match})`,
  connected: (server) => `connected to ${server}`,
  startTls: (protocol, cipher) => `TLS: STARTTLS, ${protocol ?? 'unknown protocol'}, cipher ${cipher ?? 'unknown'}`,
  elidedMessage: 'the transcript shows only the header of this message; its header lines are sent, with a one-line body',
  authSkipped: (line) => `AUTH (transcript line ${line}) skipped: the transcript's credentials are masked; give a user and password to authenticate`,
  maskedNotSent: (line) => `line ${line} holds masked data and is not sent`,
  differs: (line, expected) => `differs from the transcript (line ${line}): expected ${expected}`,
  couldNotRun: (reason) => `replay could not run: ${reason}`,
  stopped: (reason) => `replay stopped: ${reason}`,
  resultNotRun: 'result: not run',
  resultDifferences: (count) => `result: ${count} ${plural('en', count, { one: 'difference', other: 'differences' })} from the transcript`,
  resultStoppedEarly: 'result: stopped early',
  resultAllMatch: 'result: every reply as in the transcript',
  noCommand: 'the transcript has no C: command to send',
  cannotConnect: (server, reason) => `cannot connect to ${server}: ${reason}`,
  noConnectionWithin: (ms) => `no connection within ${ms} ms`,
  noReplyWithin: (ms) => `no reply within ${ms} ms`,
  serverClosed: 'the server closed the connection',
  replyTooBig: (limit, unit) => `the server sent a reply of more than ${limit} ${unit}`,
  systemReason: (_code, message) => message,
};
