/**
 * Sends one message over SMTP with nodemailer's `SMTPConnection` (connect,
 * STARTTLS or implicit TLS, AUTH, MAIL/RCPT/DATA, QUIT) and returns what the
 * server did with it, the session log included. No `vscode` here.
 *
 * The envelope and the data come from `src/mail/envelope.ts`; nothing reaches
 * the connection before every address has been checked there.
 */
import { readFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { prepareSend } from '../mail/envelope';
import { toSevenBit } from '../mail/sevenBit';
import { VERSION } from '../version';
import { prepareSigner } from './dkim';
import { DEFAULT_STAGE_TIMEOUT_MS, ReplyMeter, stageDeadline } from './limits';
import { describeOAuth2Failure, xoauth2Response } from './oauth2';
import { SessionLog } from './transcript';
import type { RecipientResult, SendRequest, SendResult, SendStage, SmtpProfile } from './types';

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
export function cleartextAuthProblem(profile: Pick<SmtpProfile, 'security' | 'user' | 'allowCleartextAuth'>): string | undefined {
  if (profile.security !== 'none' || !profile.user || profile.allowCleartextAuth) return undefined;
  return 'Security "none" with a user name would send the password in the clear (AUTH without TLS). Use STARTTLS or TLS, or allow it explicitly for this profile (allowCleartextAuth: true; --allow-cleartext-auth on the command line).';
}

/** Errors whose text shows that a certificate was refused (Node's OpenSSL messages). */
const CERTIFICATE_ERROR = /certificate|self[- ]signed|altname|issuer|CERT_|unable to verify/i;

/** The reply code at the start of a server reply, if any. */
function replyCode(reply: string | undefined): number | undefined {
  const m = reply ? /^([2-5]\d\d)/.exec(reply) : null;
  return m ? Number(m[1]) : undefined;
}

/** A reply as one line ("250-a\n250 b" becomes "250-a / 250 b"), for messages. */
function oneLine(reply: string): string {
  return reply.trim().split(/\r?\n/).join(' / ');
}

interface SmtpError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
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
      error: { stage: 'connecting', message: `Internal error: ${maskCredentials(message, req)}` },
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
  const started = Date.now();
  const profile = req.profile;
  const security = profile.security ?? 'starttls';
  const port = defaultPort(profile);
  const user = profile.user || undefined;
  const log = new SessionLog({ onLog: req.onLog, user, password: req.password, maxLoggedDataBytes: req.maxLoggedDataBytes });

  log.note(`smtp-eml ${VERSION} session log`);
  log.note(`time: ${new Date(started).toISOString()}`);
  log.note(`profile: ${profile.name}`);
  log.note(`server: ${profile.host}:${port} (${security === 'tls' ? 'implicit TLS' : security === 'starttls' ? 'STARTTLS required' : 'no TLS'}${profile.rejectUnauthorized === false ? ', certificate not verified' : ''})`);

  const envelopeOverrides = { from: req.envelope?.from || profile.from, to: req.envelope?.to };
  // One pass over the text for both: line ends normalised once, the header parsed once.
  const prepared = prepareSend(req.text, envelopeOverrides);
  const env = prepared.envelope;
  const envelope = { from: env.from ?? '', to: env.to };
  log.note(`envelope: MAIL FROM:<${envelope.from}> RCPT TO: ${envelope.to.map((a) => `<${a}>`).join(' ') || '(none)'}`, true);

  const recipients: RecipientResult[] = envelope.to.map((address) => ({ address, accepted: false, reply: '' }));
  let stage: SendStage = 'connecting';
  let failure: SendResult['error'];
  let response: string | undefined;
  let ok = false;
  /** The whole message went to the server, the final dot too, and no reply to it came. */
  let deliveryUnknown = false;

  const finishNow = (): SendResult => {
    const elapsedMs = Date.now() - started;
    log.note(`result: ${ok ? (recipients.every((r) => r.accepted) ? 'sent' : 'sent to some recipients') : `${deliveryUnknown ? 'delivery unknown' : 'not sent'}: ${failure?.message ?? 'unknown error'}`}`);
    log.note(`elapsed: ${elapsedMs} ms`);
    log.seal();
    // A server may echo credentials in any reply: mask them in everything the result carries.
    const mask = (text: string): string => maskCredentials(log.maskSecrets(text), req);
    const result: SendResult = {
      ok,
      stage: failure ? failure.stage : stage,
      recipients: recipients.map((r) => ({ ...r, reply: mask(r.reply) })),
      envelope,
      transcript: log.toString(),
      elapsedMs,
    };
    if (response !== undefined) result.response = mask(response);
    const queueId = findQueueId(result.response);
    if (queueId) result.queueId = queueId;
    if (failure) {
      result.error = { ...failure, message: mask(failure.message) };
      if (deliveryUnknown) result.deliveryUnknown = true;
      if (failure.reply !== undefined) result.error.reply = mask(failure.reply);
    }
    return result;
  };

  /** Set once the connection exists: restarts the stage's deadline. */
  let armDeadline = (): void => undefined;
  const setStage = (next: SendStage): void => {
    if (next === stage) return;
    stage = next;
    armDeadline();
    try {
      req.onStage?.(next);
    } catch {
      // A failing listener must not break the session.
    }
  };

  // Nothing leaves the machine for a message that cannot be addressed safely.
  if (env.problems.length) {
    failure = { stage: env.from === undefined ? 'sender' : 'recipients', message: env.problems.join(' ') };
    for (const p of env.problems) log.note(`refused before connecting: ${p}`);
    return Promise.resolve(finishNow());
  }
  // The EHLO name goes into a command line as is (RFC 5321 §4.1.1.1: a domain or an address literal).
  if (profile.clientName !== undefined && !/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[A-Za-z0-9.:-]+\])$/.test(profile.clientName)) {
    failure = { stage: 'connecting', message: `The EHLO name ${JSON.stringify(profile.clientName)} cannot be used: give a domain name (like client.example.com) or an address literal (like [192.0.2.1]).` };
    log.note(`refused before connecting: ${failure.message}`);
    return Promise.resolve(finishNow());
  }
  const cleartext = cleartextAuthProblem(profile);
  if (cleartext) {
    failure = { stage: 'auth', message: cleartext };
    log.note(`refused before connecting: ${cleartext}`);
    return Promise.resolve(finishNow());
  }
  if (user && security === 'none') log.note('warning: AUTH without TLS: the password crosses the network in the clear (allowed for this profile)');
  if (req.signal?.aborted) {
    failure = { stage, message: 'Cancelled' };
    return Promise.resolve(finishNow());
  }

  let ca: Buffer | undefined;
  if (profile.caFile) {
    try {
      ca = readFileSync(profile.caFile);
    } catch (e) {
      failure = { stage: 'tls', message: `Cannot read the CA file ${profile.caFile}: ${(e as Error).message}` };
      return Promise.resolve(finishNow());
    }
  }

  /** What goes after DATA: the prepared data, or its 7-bit form for a server without 8BITMIME. */
  let data = prepared.data;
  const encoding = req.encoding ?? 'utf8';
  let payload = Buffer.from(data, encoding);
  // DKIM: the key is read before connecting, so a wrong passphrase never reaches a server.
  const signer = req.dkim ? prepareSigner(req.dkim, payload) : undefined;
  if (signer && 'error' in signer) {
    failure = { stage: 'connecting', message: signer.error };
    log.note(`refused before connecting: ${signer.error}`);
    return Promise.resolve(finishNow());
  }

  return new Promise<SendResult>((resolve) => {
    /** Commands waiting for their reply, oldest first (pipelining keeps the order, RFC 2920 §3.1). */
    const pending: string[] = ['<greeting>'];
    let ended = false;
    let settled = false;
    let quitTimer: NodeJS.Timeout | undefined;
    /** nodemailer has handed the whole message and its final dot to the socket. */
    let dataWritten = false;
    /** The deadline of the current stage (see ./limits.ts): set on each stage, cleared at the end. */
    let stageTimer: NodeJS.Timeout | undefined;

    const settle = (): void => {
      if (settled) return;
      settled = true;
      // nodemailer reports no error when the server hangs up while the greeting is awaited.
      if (!ok && !failure) {
        const last = typeof conn.lastServerResponse === 'string' && conn.lastServerResponse ? oneLine(conn.lastServerResponse) : undefined;
        failure = { stage, message: `The server closed the connection during ${stage}${last ? ` (last reply: ${last})` : ''}.` };
      }
      if (quitTimer) clearTimeout(quitTimer);
      if (stageTimer) clearTimeout(stageTimer);
      // Sent in full, then the connection failed before the server's answer to it: it may have been delivered.
      if (!ok && failure && dataWritten && failure.code === undefined && failure.message !== 'Cancelled') {
        deliveryUnknown = true;
        failure = { ...failure, message: `${failure.message.replace(/\.?$/, '.')} The whole message had been sent and no answer to it came: it may have been delivered; check before sending again.` };
      } else if (!ok && failure && dataWritten && failure.message === 'Cancelled') {
        deliveryUnknown = true;
        failure = { ...failure, message: 'Cancelled after the whole message had been sent: it may have been delivered; check before sending again.' };
      }
      req.signal?.removeEventListener('abort', onAbort);
      resolve(finishNow());
    };

    const fail = (error: NonNullable<SendResult['error']>): void => {
      if (!failure) failure = error;
    };

    const describeTls = (socket: TLSSocket | undefined, how: string): void => {
      if (!socket || typeof socket.getProtocol !== 'function') return;
      const cipher = socket.getCipher?.();
      log.note(`TLS: ${how}, ${socket.getProtocol() ?? 'unknown protocol'}, cipher ${cipher?.name ?? 'unknown'}`);
      const cert = socket.getPeerCertificate?.();
      if (cert && Object.keys(cert).length) {
        const name = (o: Record<string, unknown> | undefined): string =>
          o ? Object.entries(o).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`).join(', ') : '?';
        log.note(`certificate: subject ${name(cert.subject as unknown as Record<string, unknown>)}; issuer ${name(cert.issuer as unknown as Record<string, unknown>)}; valid until ${cert.valid_to}${socket.authorized ? '' : ` (not verified: ${String(socket.authorizationError ?? 'unknown reason')})`}`);
      }
    };

    const tlsOptions: Record<string, unknown> = { rejectUnauthorized: profile.rejectUnauthorized !== false };
    if (ca) tlsOptions.ca = ca;

    const logger = {
      level() {},
      trace() {},
      debug(entry: { tnx?: string }, message: unknown) {
        const text = typeof message === 'string' ? message : String(message ?? '');
        if (entry?.tnx === 'client') onClientLine(text);
        else if (entry?.tnx === 'server') onServerReply(text);
      },
      info(entry: { tnx?: string }, message: unknown, ...args: unknown[]) {
        if (entry?.tnx === 'network' && typeof message === 'string' && message.includes('established')) {
          // Cancelled while the host name was being resolved: nodemailer would keep this late socket open.
          if (settled) return void conn._socket?.destroy();
          log.note(`connected to ${String(args[1])}:${String(args[2])}`);
          if (security === 'tls') describeTls(conn._socket as TLSSocket, 'implicit');
        } else if (entry?.tnx === 'smtp' && message === 'Connection upgraded with STARTTLS') {
          describeTls(conn._socket as TLSSocket, 'STARTTLS');
        } else if (entry?.tnx === 'network' && message === 'Connection closed') {
          log.note('connection closed');
        } else if (entry?.tnx === 'message') {
          // Logged by nodemailer when the data stream, final dot included, has ended.
          dataWritten = true;
        }
      },
      warn() {},
      error() {},
      fatal() {},
    };

    const onClientLine = (line: string): void => {
      const verb = /^\s*([A-Za-z]+)/.exec(line)?.[1]?.toUpperCase();
      if (verb === 'STARTTLS') setStage('tls');
      else if (verb === 'AUTH') setStage('auth');
      else if (verb === 'MAIL') setStage('sender');
      else if (verb === 'RCPT') setStage('recipients');
      else if (verb === 'DATA') setStage('data');
      else if (verb === 'QUIT') setStage('quit');
      pending.push(line);
      log.client(line);
    };

    const onServerReply = (reply: string): void => {
      // nodemailer reads replies as latin1; show UTF-8 text (RFC 6531) as such when it is valid.
      const bytes = Buffer.from(reply, 'latin1');
      const utf8 = bytes.toString('utf8');
      const text = Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : reply;
      log.server(text);
      const command = pending.shift() ?? '';
      // `[^]` and not `.`: an address may hold U+2028, which `.` does not match.
      const rcpt = /^RCPT TO:<([^]*)>/i.exec(command);
      if (rcpt) {
        const r = recipients.find((x) => x.address === rcpt[1]);
        if (r) {
          r.reply = oneLine(text);
          r.accepted = /^2/.test(text);
        }
      } else if (/^DATA$/i.test(command) && /^[23]/.test(text)) {
        // nodemailer streams the message right after this reply.
        pending.push('<message>');
        log.data(data);
      }
    };

    const conn = new SMTPConnection({
      host: profile.host,
      port,
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      name: profile.clientName,
      tls: tlsOptions,
      connectionTimeout: profile.connectionTimeout,
      greetingTimeout: profile.greetingTimeout,
      socketTimeout: profile.socketTimeout,
      allowInternalNetworkInterfaces: true,
      logger: logger as never,
      transactionLog: true,
    } as SMTPConnection.Options);

    const onAbort = (): void => {
      failure = { stage, message: 'Cancelled' };
      log.note('cancelled by the user');
      conn.close();
      // close() emits 'end' unless the connection had already ended.
      if (ended) settle();
    };
    req.signal?.addEventListener('abort', onAbort, { once: true });

    // A reply too big to be a reply ends the session before nodemailer works on it (./limits.ts).
    const meter = new ReplyMeter();
    const connection = conn as unknown as { _onData(chunk: Buffer): void };
    const readReply = connection._onData.bind(conn);
    let overLimit = false;
    connection._onData = (chunk: Buffer): void => {
      if (overLimit || settled) return;
      const why = Buffer.isBuffer(chunk) ? meter.feed(chunk) : undefined;
      if (!why) return readReply(chunk);
      overLimit = true;
      fail({ stage, message: `The server at ${profile.host}:${port} sent ${why} during ${stage} (RFC 5321 §4.5.3.1.5 allows 512 octets a line); the session was ended.` });
      log.note(`ended: the server sent ${why}`);
      conn.close();
    };

    // Each stage has a deadline however the server trickles its bytes; the idle timeouts never fire then.
    const baseDeadline = profile.stageTimeout ?? DEFAULT_STAGE_TIMEOUT_MS;
    armDeadline = (): void => {
      if (stageTimer) clearTimeout(stageTimer);
      if (settled) return;
      const current = stage;
      const ms = stageDeadline(baseDeadline, current, payload.length);
      stageTimer = setTimeout(() => {
        fail({ stage: current, message: `The server at ${profile.host}:${port} did not complete ${current} within ${ms} ms (the deadline of a stage); the session was ended.` });
        log.note(`ended: ${current} took longer than ${ms} ms`);
        conn.close();
      }, ms);
    };
    armDeadline();

    conn.on('error', (err: SmtpError) => fail(describeError(err, stage, profile, port, security)));
    conn.on('end', () => {
      ended = true;
      settle();
    });

    /** Ends the session politely (QUIT, wait for 221) when the connection is still usable. */
    const quit = (): void => {
      if (ended) return settle();
      setStage('quit');
      conn.quit();
      const limit = Math.min(profile.socketTimeout ?? 10_000, 10_000);
      quitTimer = setTimeout(() => {
        log.note(`no reply to QUIT within ${limit} ms; closing`);
        conn.close();
      }, limit);
    };

    try {
      req.onStage?.('connecting');
    } catch {
      // A failing listener must not break the session.
    }
    if (security === 'tls') setStage('tls');
    conn.connect(() => {
      if (security !== 'none' && !conn.secure) {
        // requireTLS makes nodemailer insist; this is a second lock on the door.
        fail({ stage: 'tls', message: 'The connection is not encrypted although the profile requires TLS.' });
        return quit();
      }
      const afterLogin = (): void => {
        setStage('sender');
        // In UTF-8, more bytes than characters means a non-ASCII character: no second scan of the data.
        const use8BitMime = encoding === 'utf8' ? payload.length !== data.length : /[^\x00-\x7f]/.test(data);
        const offered = (conn as unknown as { _supportedExtensions?: string[] })._supportedExtensions ?? [];
        // RFC 6531 §3.4: a non-ASCII address only with SMTPUTF8 (nodemailer would send it raw).
        const international = [envelope.from, ...envelope.to].find((a) => /[^\x00-\x7f]/.test(a));
        if (international !== undefined && !offered.includes('SMTPUTF8')) {
          fail({ stage: international === envelope.from ? 'sender' : 'recipients', message: `The server does not offer SMTPUTF8 (RFC 6531), so the address ${international} (not ASCII) cannot be sent; use an ASCII address (a domain in its xn-- form).` });
          return quit();
        }
        // RFC 6152 §3: 8-bit data with BODY=8BITMIME when offered (nodemailer adds it), else converted to 7 bit.
        if (use8BitMime && !offered.includes('8BITMIME')) {
          const seven = toSevenBit(data, encoding);
          if (!seven.ok) {
            fail({ stage: 'sender', message: seven.reason });
            return quit();
          }
          log.note(`the server does not offer 8BITMIME (RFC 6152): ${seven.reencoded} 8-bit part${seven.reencoded === 1 ? '' : 's'} re-encoded as quoted-printable or base64`);
          data = seven.data;
          payload = Buffer.from(data, 'latin1');
        }
        // Signed last (after any 7-bit re-encoding), over the exact octets that go out.
        let wire: Buffer = payload;
        if (signer) {
          const signed = signer.sign(payload);
          wire = signed.payload;
          log.note(signed.note);
        }
        conn.send({ from: envelope.from, to: envelope.to, size: wire.length, use8BitMime }, wire, (err, info) => {
          if (err) {
            fail(describeError(err as SmtpError, stage, profile, port, security, recipients));
          } else {
            ok = true;
            response = info.response;
            const rejected = recipients.filter((r) => !r.accepted);
            if (rejected.length) log.note(`refused: ${rejected.map((r) => `${r.address} (${r.reply || 'no reply'})`).join('; ')}`);
          }
          quit();
        });
      };
      if (user && profile.auth === 'oauth2') {
        setStage('auth');
        const getAccessToken = req.getAccessToken;
        if (!getAccessToken) {
          fail({ stage: 'auth', message: 'No OAuth2 access token: the profile has no token command.' });
          return quit();
        }
        // SASL XOAUTH2: nodemailer asks for a token, and for a fresh one (renew) after the server refused it.
        let fetched = 0;
        const oauth2 = {
          getToken: (renew: boolean, done: (err: Error | null, token?: string) => void): void => {
            fetched++;
            getAccessToken(renew).then(
              (token) => {
                log.addSecret(token, xoauth2Response(user, token));
                done(null, token);
              },
              (e: Error) => done(e),
            );
          },
          buildXOAuth2Token: (token: string): string => xoauth2Response(user, token),
        };
        conn.login({ user, oauth2 } as unknown as SMTPConnection.AuthenticationCredentials, (err) => {
          if (err) {
            const e = err as SmtpError;
            fail({ stage: 'auth', ...describeOAuth2Failure(e.message ?? String(e), e.response ? oneLine(e.response) : undefined, e.responseCode ?? replyCode(e.response), fetched) });
            return quit();
          }
          log.note('authenticated (XOAUTH2)');
          afterLogin();
        });
      } else if (user) {
        setStage('auth');
        if (!req.password) {
          fail({ stage: 'auth', message: 'No password given for the login.' });
          return quit();
        }
        conn.login({ user, pass: req.password }, (err) => {
          if (err) {
            fail(describeError(err as SmtpError, 'auth', profile, port, security));
            return quit();
          }
          log.note('authenticated');
          afterLogin();
        });
      } else {
        afterLogin();
      }
    });
  });
}

/**
 * Turns a nodemailer error into plain words, with the stage it belongs to and
 * the server's reply when a reply caused it.
 */
function describeError(
  err: SmtpError,
  stage: SendStage,
  profile: SmtpProfile,
  port: number,
  security: string,
  recipients: RecipientResult[] = [],
): NonNullable<SendResult['error']> {
  const where = `${profile.host}:${port}`;
  const reply = err.response ? oneLine(err.response) : undefined;
  const code = err.responseCode ?? replyCode(err.response);
  const withReply = (stage: SendStage, message: string): NonNullable<SendResult['error']> => {
    const out: NonNullable<SendResult['error']> = { stage, message };
    if (code !== undefined) out.code = code;
    if (reply !== undefined) out.reply = reply;
    return out;
  };
  const raw = err.message ?? String(err);
  const command = (err.command ?? '').toUpperCase();

  if (command === 'MAIL FROM') return withReply('sender', reply ? `Server refused the sender: ${reply}` : `The sender was refused: ${raw}`);
  if (command === 'RCPT TO') {
    const refused = recipients.filter((r) => !r.accepted);
    if (refused.length === 1) return withReply('recipients', `Server refused recipient ${refused[0]!.address}: ${refused[0]!.reply}`);
    return withReply('recipients', `Server refused every recipient: ${refused.map((r) => `${r.address}: ${r.reply}`).join('; ')}`);
  }
  if (command === 'DATA') {
    if (/^Data command failed/.test(raw)) return withReply('data', `Server refused to take the message data: ${reply ?? raw}`);
    return withReply('data', `Server refused the message: ${reply ?? raw}`);
  }
  if (command.startsWith('AUTH')) {
    if (reply) return withReply('auth', `Server refused the login: ${reply}`);
    return withReply('auth', `Login failed: ${raw.replace(/ for "[^"]*"/, '')}`);
  }
  if (command === 'STARTTLS') {
    if (reply) return withReply('tls', `Server does not support STARTTLS, which the profile requires: ${reply}`);
  }
  if (command === 'API' && err.code === 'EENVELOPE') return withReply(stage, `The envelope was refused before sending: ${raw}`);

  if (CERTIFICATE_ERROR.test(raw) && (stage === 'tls' || security !== 'none')) {
    const reason = raw.replace(/^Error initiating TLS - /, '');
    return {
      stage: 'tls',
      message: `The server's TLS certificate was refused: ${reason}. Trust it with the profile's CA file, or turn off certificate checking for this profile (rejectUnauthorized: false / --insecure) if you know the server.`,
    };
  }
  if (err.code === 'ETLS' || /^Error initiating TLS/.test(raw) || /SSL|TLS|wrong version number|handshake/i.test(raw)) {
    return { stage: 'tls', message: `TLS failed with ${where}: ${raw.replace(/^Error initiating TLS - /, '')}` };
  }
  if (/Invalid greeting/.test(raw) || /Server terminates connection/.test(raw)) {
    return withReply(stage === 'tls' ? 'tls' : 'connecting', `Server refused the connection: ${reply ?? raw}`);
  }
  if (/Greeting never received/.test(raw)) {
    return { stage: 'connecting', message: `The server at ${where} did not send its greeting within ${profile.greetingTimeout ?? 30000} ms.` };
  }
  if (/Connection timeout/.test(raw)) {
    return { stage: 'connecting', message: `Could not connect to ${where} within ${profile.connectionTimeout ?? 120000} ms.` };
  }
  if (err.code === 'ETIMEDOUT' || /^Timeout/.test(raw)) {
    return { stage, message: `The server at ${where} stopped answering (no reply within ${profile.socketTimeout ?? 600000} ms) during ${stage}.` };
  }
  if (/ECONNREFUSED/.test(raw)) return { stage: 'connecting', message: `Could not connect to ${where}: connection refused.` };
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|EDNS/.test(raw) || err.code === 'EDNS') {
    return { stage: 'connecting', message: `Could not find the server ${profile.host}: ${raw}` };
  }
  if (/Connection closed unexpectedly/.test(raw) || /ECONNRESET|EPIPE|socket hang up/.test(raw)) {
    return withReply(stage, `The server closed the connection during ${stage}${reply ? ` (last reply: ${reply})` : ''}.`);
  }
  if (/Unexpected Response|Invalid/.test(raw) && reply) return withReply(stage, `Unexpected reply from the server during ${stage}: ${reply}`);
  return withReply(stage, `${raw}`);
}
