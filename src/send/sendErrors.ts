/**
 * Turns a nodemailer `SMTPConnection` error into plain words in the caller's
 * language (the transcript message table of its locale bundle).
 *
 * The decision is made on nodemailer's documented error fields, not on its
 * English message: `code` (ETIMEDOUT, ETLS, EAUTH, EENVELOPE, EMESSAGE,
 * ESOCKET, EPROTOCOL, ECONNECTION, EDNS...), `command` (the SMTP command or
 * `CONN` / `API`), `response` and `responseCode` (the server's reply), and for
 * socket errors the system error number Node keeps in `errno` (nodemailer
 * overwrites the socket error's own `code` with ESOCKET). What the session knew
 * when the error came (connected yet, greeting received, extensions offered)
 * tells apart the errors nodemailer gives one code, such as its three timeouts.
 */
import { getSystemErrorName } from 'node:util';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from '../mail/transcript/messages';
import type { RecipientResult, SendResult, SendStage, SmtpProfile } from './types';

/** The fields nodemailer puts on the errors of `SMTPConnection`. */
export interface SmtpError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  /** A socket error's system error number (negative on Linux and macOS). */
  errno?: number;
}

/** A failure of a send as `SendResult.error` carries it. */
export type SendFailure = NonNullable<SendResult['error']>;

/** What the session knew when the error came. */
export interface ErrorContext {
  stage: SendStage;
  profile: SmtpProfile;
  port: number;
  /** The TCP (or TLS) connection was established. */
  connected: boolean;
  /** Replies the server had sent so far (the greeting is the first). */
  replies: number;
  /** The SIZE limit the server announced in its EHLO reply (RFC 1870), if any. */
  sizeLimit?: number;
  /** The octets of the message as sent. */
  messageSize: number;
  recipients?: readonly RecipientResult[];
}

/**
 * Node's certificate verification errors as OpenSSL words them. A refused
 * certificate reaches us only as text: nodemailer wraps a STARTTLS failure in
 * a new Error ("Error initiating TLS - ...") and overwrites the `code` of an
 * implicit-TLS socket error with ESOCKET, so the verifier's own code
 * (DEPTH_ZERO_SELF_SIGNED_CERT...) is gone by the time the error reaches us.
 */
const CERTIFICATE_ERROR = /certificate|self[- ]signed|altname|issuer|CERT_|unable to verify/i;

/** The reply code at the start of a server reply, if any. */
export function replyCode(reply: string | undefined): number | undefined {
  const m = reply ? /^([2-5]\d\d)/.exec(reply) : null;
  return m ? Number(m[1]) : undefined;
}

/** A reply as one line ("250-a\n250 b" becomes "250-a / 250 b"), for messages. */
export function oneLine(reply: string): string {
  return reply.trim().split(/\r?\n/).join(' / ');
}

/** nodemailer's own prefix on a TLS error; the rest is Node's (OpenSSL's) reason. */
const TLS_PREFIX = 'Error initiating TLS - ';

/** The system error name of a socket error (ECONNREFUSED, ECONNRESET...), if it is one. */
function systemError(err: SmtpError): string | undefined {
  if (typeof err.errno !== 'number') return undefined;
  try {
    return getSystemErrorName(err.errno);
  } catch {
    return undefined;
  }
}

/**
 * Describes `err` for the user: the stage it belongs to, the message, and the
 * server's reply and its code when a reply caused it, in the words of `t`.
 */
export function describeSendError(err: SmtpError, ctx: ErrorContext, t: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES): SendFailure {
  const { stage, profile } = ctx;
  const where = `${profile.host}:${ctx.port}`;
  const reply = err.response ? oneLine(err.response) : undefined;
  const code = err.responseCode ?? replyCode(err.response);
  const withReply = (at: SendStage, message: string): SendFailure => {
    const out: SendFailure = { stage: at, message };
    if (code !== undefined) out.code = code;
    if (reply !== undefined) out.reply = reply;
    return out;
  };
  const raw = err.message ?? String(err);
  const command = (err.command ?? '').toUpperCase();
  const tlsReason = raw.startsWith(TLS_PREFIX) ? raw.slice(TLS_PREFIX.length) : raw;
  const certificate = (): SendFailure | undefined =>
    CERTIFICATE_ERROR.test(tlsReason) && (stage === 'tls' || profile.security !== 'none') ? { stage: 'tls', message: t.sendCertificateRefused(tlsReason) } : undefined;

  switch (err.code) {
    case 'EENVELOPE':
      // The server refused MAIL, every RCPT or DATA, or nodemailer refused the envelope itself (API).
      if (command === 'MAIL FROM') return withReply('sender', reply ? t.sendSenderRefused(reply) : t.sendSenderFailed(raw));
      if (command === 'RCPT TO') {
        const refused = (ctx.recipients ?? []).filter((r) => !r.accepted);
        if (refused.length === 1) return withReply('recipients', t.sendRecipientRefused(refused[0]!.address, refused[0]!.reply));
        return withReply('recipients', t.sendEveryRecipientRefused(refused.map((r) => `${r.address}: ${r.reply}`).join('; ')));
      }
      if (command === 'DATA') return withReply('data', t.sendDataRefused(reply ?? raw));
      return withReply(stage, t.sendEnvelopeRefused(raw));
    case 'EMESSAGE':
      // MAIL FROM: the message is larger than the SIZE the server announced (nodemailer checks before sending).
      if (command === 'MAIL FROM') return withReply('sender', ctx.sizeLimit !== undefined ? t.sendTooBig(ctx.messageSize, ctx.sizeLimit) : t.sendSenderFailed(raw));
      if (command === 'DATA') return withReply('data', t.sendMessageRefused(reply ?? raw));
      break;
    case 'EAUTH':
      if (reply) return withReply('auth', t.sendLoginRefused(reply));
      // nodemailer names the mechanism ("for \"PLAIN\""): not the user's concern.
      return withReply('auth', t.sendLoginFailed(raw.replace(/ for "[^"]*"/, '')));
    case 'ETLS':
      // STARTTLS answered with an error: the server cannot do what the profile requires.
      if (command === 'STARTTLS' && reply) return withReply('tls', t.sendNoStartTls(reply));
      return certificate() ?? { stage: 'tls', message: t.sendTlsFailed(where, tlsReason) };
    case 'ETIMEDOUT':
      // Three timers give this code: before the connection, before the greeting, and idle after it.
      if (!ctx.connected) return { stage: 'connecting', message: t.sendConnectTimeout(where, profile.connectionTimeout ?? 120000) };
      if (ctx.replies === 0) return { stage: 'connecting', message: t.sendNoGreeting(where, Math.min(profile.greetingTimeout ?? 30000, profile.socketTimeout ?? 600000)) };
      return { stage, message: t.sendStoppedAnswering(where, profile.socketTimeout ?? 600000, stage) };
    case 'EDNS':
      return { stage: 'connecting', message: t.sendHostNotFound(profile.host, raw) };
    case 'EPROTOCOL':
      // The first reply was not 220 (RFC 5321 §4.3.1: a 554 greeting refuses the session).
      if (command === 'CONN' && ctx.replies <= 1) return withReply(stage === 'tls' ? 'tls' : 'connecting', t.sendConnectionRefusedByServer(reply ?? raw));
      if (reply) return withReply(stage, t.sendUnexpectedReply(stage, reply));
      break;
    case 'ECONNECTION':
      // 421 to EHLO: the server is closing the session (RFC 5321 §3.8).
      if (command === 'EHLO' && code === 421) return withReply(stage === 'tls' ? 'tls' : 'connecting', t.sendConnectionRefusedByServer(reply ?? raw));
      if (command === 'CONN') return withReply(stage, t.sendClosed(stage, reply ?? ''));
      break;
    case 'ESOCKET': {
      const name = systemError(err);
      if (name === 'ECONNREFUSED') return { stage: 'connecting', message: t.sendConnectionRefused(where) };
      if (name === 'ENOTFOUND' || name === 'EAI_AGAIN') return { stage: 'connecting', message: t.sendHostNotFound(profile.host, raw) };
      if (name === 'ECONNRESET' || name === 'EPIPE') return withReply(stage, t.sendClosed(stage, reply ?? ''));
      if (name === 'ETIMEDOUT') return { stage: 'connecting', message: t.sendConnectTimeout(where, profile.connectionTimeout ?? 120000) };
      // Not a system error: the TLS layer refused (implicit TLS fails on the socket itself).
      if (name === undefined && (stage === 'tls' || (profile.security ?? 'starttls') !== 'none')) return certificate() ?? { stage: 'tls', message: t.sendTlsFailed(where, tlsReason) };
      if (name === undefined) return withReply(stage, t.sendClosed(stage, reply ?? ''));
      break;
    }
  }
  return withReply(stage, raw);
}
