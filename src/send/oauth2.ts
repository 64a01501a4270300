/**
 * OAuth2 logins (SASL XOAUTH2, as Gmail and Microsoft 365 define it): the
 * access token comes from a command the user configures, which prints a fresh
 * token on stdout (like msmtp's `passwordeval`). The token is held only for
 * the session and masked in every log line and error (see ./transcript.ts).
 */
import { spawn } from 'node:child_process';
import type { TranscriptMessageTable } from '../mail/transcript/messages';

/** Longest a token command may run. */
export const TOKEN_COMMAND_TIMEOUT_MS = 30_000;

/** Most output read from a token command (a token is a few KB at most). */
const MAX_OUTPUT = 64 * 1024;

/** The XOAUTH2 initial response: base64 of `user=U ^A auth=Bearer T ^A ^A`. */
export function xoauth2Response(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}

/** A token command that did not give a token, in plain words. */
export class TokenCommandError extends Error {}

/**
 * Runs `command` through the shell and resolves to the token it printed (the
 * first non-empty line of stdout, trimmed). Rejects with a TokenCommandError
 * that says why (exit status, first line of stderr, no output, timeout); the
 * messages never hold stdout, which may hold a token.
 */
export function runTokenCommand(command: string, options: { timeoutMs?: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? TOKEN_COMMAND_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, windowsHide: true });
    } catch (e) {
      return reject(new TokenCommandError(`The OAuth2 token command could not start: ${(e as Error).message}`));
    }
    let out = '';
    let err = '';
    let done = false;
    const finish = (error: Error | undefined, token?: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(token!);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new TokenCommandError(`The OAuth2 token command did not finish within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    const onAbort = (): void => {
      child.kill('SIGKILL');
      finish(new TokenCommandError('Cancelled'));
    };
    options.signal?.addEventListener('abort', onAbort);
    child.stdout.on('data', (d: Buffer) => {
      if (out.length < MAX_OUTPUT) out += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < MAX_OUTPUT) err += d.toString('utf8');
    });
    child.on('error', (e) => finish(new TokenCommandError(`The OAuth2 token command could not start: ${e.message}`)));
    child.on('close', (code, signal) => {
      const token = out.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
      const why = err.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
      const said = why ? `: ${why.slice(0, 200).replace(/[\x00-\x1f\x7f]/g, '?')}` : '';
      if (code !== 0) return finish(new TokenCommandError(`The OAuth2 token command failed (${signal ? `killed by ${signal}` : `exit status ${code}`})${said}`));
      if (!token) return finish(new TokenCommandError(`The OAuth2 token command printed no token${said}`));
      // RFC 6750 §2.1 b64token characters; anything else is not a bearer token (a prompt, an error page).
      if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) return finish(new TokenCommandError('The OAuth2 token command printed something that is not an access token (RFC 6750 allows letters, digits and -._~+/ only).'));
      finish(undefined, token);
    });
  });
}

/** What a failed XOAUTH2 login comes back as (nodemailer's error, reduced). */
export interface OAuth2Failure {
  message: string;
  /** The server's last reply, on one line. */
  reply?: string;
  code?: number;
}

/**
 * Plain words for a failed XOAUTH2 login. RFC 7628 §3.2.2 / Google's XOAUTH2:
 * a refused token gets a 334 challenge (base64 JSON with the status), the
 * client answers with an empty line, and the server ends with 535.
 */
export function describeOAuth2Failure(
  raw: string,
  reply: string | undefined,
  code: number | undefined,
  tokensFetched: number,
  t: TranscriptMessageTable,
): OAuth2Failure {
  const out = (message: string): OAuth2Failure => {
    const f: OAuth2Failure = { message };
    if (reply !== undefined) f.reply = reply;
    if (code !== undefined) f.code = code;
    return f;
  };
  if (!reply) return out(raw.startsWith('The OAuth2 token command') || raw === 'Cancelled' ? raw : t.oauth2LoginFailed(raw));
  if (code === 504 || code === 502) return out(t.oauth2NotOffered(reply));
  if (code === 535 || code === 334) return out(t.oauth2TokenRefused(reply, tokensFetched));
  return out(t.oauth2Refused(reply));
}
