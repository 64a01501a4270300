/**
 * Sends one message over SMTP with nodemailer's `SMTPConnection` (connect,
 * STARTTLS or implicit TLS, AUTH, MAIL/RCPT/DATA, QUIT) and returns what the
 * server did with it, the session log included. No `vscode` here.
 *
 * The envelope and the data come from `src/mail/envelope.ts`; nothing reaches
 * the connection before every address has been checked there.
 */
import { bundleFor } from '../mail/i18n';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from '../mail/transcript/messages';
import { SendSession } from './sendSession';
import type { SendRequest, SendResult, SmtpProfile } from './types';

/** The port a profile uses when it names none (RFC 8314 §3.3, RFC 6409 §3.1, RFC 5321 §4.5.4). */
export function defaultPort(profile: Pick<SmtpProfile, 'port' | 'security'>): number {
  if (profile.port) return profile.port;
  switch (profile.security ?? 'starttls') {
    case 'tls':
      return 465;
    case 'none':
      return 25;
    default:
      return 587;
  }
}

/** The queue id in a reply such as "250 2.0.0 Ok: queued as 4F2X1" or "250 OK id=1abc-2". */
export function findQueueId(reply: string | undefined): string | undefined {
  if (!reply) return undefined;
  const m = /queued as\s+([A-Za-z0-9._@:-]+)/i.exec(reply) ?? /\bid=([A-Za-z0-9._@:-]+)/i.exec(reply) ?? /\bqueued\s*\(?([A-Za-z0-9._-]{6,})/i.exec(reply);
  return m?.[1];
}

/**
 * Why the profile would send its password in the clear (AUTH on a connection
 * without TLS, RFC 4954 §4 / RFC 8314 §5.1), or undefined when it would not or
 * the profile says the user accepts that (`allowCleartextAuth`).
 */
export function cleartextAuthProblem(
  profile: Pick<SmtpProfile, 'security' | 'user' | 'allowCleartextAuth'>,
  messages: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES,
): string | undefined {
  if (profile.security !== 'none' || !profile.user || profile.allowCleartextAuth) return undefined;
  return messages.sendCleartextAuth();
}

/**
 * Sends `req.text` as described by `req.profile`. Never rejects: every failure
 * (refused connection, certificate, login, recipient, data, timeout, dropped
 * connection, cancel) comes back as `ok: false` with the stage and a message in
 * plain words. A refused recipient next to an accepted one is not a failure:
 * `ok` is true and `recipients` says who was refused and why.
 */
export async function sendMessage(req: SendRequest): Promise<SendResult> {
  try {
    return await runSession(req);
  } catch (e) {
    // Defence in depth: an unexpected throw still resolves (with no credentials in it).
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      stage: 'connecting',
      recipients: [],
      envelope: { from: '', to: [] },
      transcript: `# internal error: ${message}\n`,
      error: { stage: 'connecting', message: bundleFor(req.locale).transcriptMessages.sendInternalError(maskCredentials(message, req)) },
      elapsedMs: 0,
    };
  }
}

/** Removes the user name and password from a message meant for the user. */
function maskCredentials(text: string, req: SendRequest): string {
  let out = text;
  for (const secret of [req.password, req.profile.user]) {
    if (secret && secret.length >= 2) out = out.split(secret).join('<redacted>');
  }
  return out;
}

function runSession(req: SendRequest): Promise<SendResult> {
  return new SendSession(req, { defaultPort, findQueueId, cleartextAuthProblem, maskCredentials }).run();
}
