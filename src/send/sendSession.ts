/**
 * One SMTP session of a send: checks what can be checked before connecting,
 * then drives nodemailer's `SMTPConnection` through connect, STARTTLS or
 * implicit TLS, AUTH, MAIL/RCPT/DATA and QUIT, keeping the session log and the
 * per-recipient outcome, and resolves with the `SendResult`.
 *
 * What the server says is read from nodemailer's transaction log (the
 * `logger` option): every command and reply, in order, which also gives the
 * stage and the extensions of the last EHLO reply.
 */
import { readFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { prepareSend } from '../mail/envelope';
import { bundleFor } from '../mail/i18n';
import { toSevenBit } from '../mail/sevenBit';
import type { TranscriptMessageTable } from '../mail/transcript/messages';
import { VERSION } from '../version';
import { prepareSigner } from './dkim';
import { DEFAULT_STAGE_TIMEOUT_MS, ReplyMeter, stageDeadline } from './limits';
import { checkInternals, currentSocket, disableNagle, filterIncoming } from './nodemailerInternals';
import { describeOAuth2Failure, xoauth2Response } from './oauth2';
import { describeSendError, oneLine, replyCode, type SendFailure, type SmtpError } from './sendErrors';
import { SessionLog } from './transcript';
import type { RecipientResult, SendRequest, SendResult, SendStage, SmtpProfile } from './types';

/** What the session needs from ./send.ts (kept there: they are part of its public API). */
export interface SessionHelpers {
  defaultPort(profile: SmtpProfile): number;
  findQueueId(reply: string | undefined): string | undefined;
  cleartextAuthProblem(profile: SmtpProfile, messages: TranscriptMessageTable): string | undefined;
  maskCredentials(text: string, req: SendRequest): string;
}

/** RFC 5321 §4.1.1.1: the EHLO name is a domain or an address literal. */
const EHLO_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[A-Za-z0-9.:-]+\])$/;

/** The keywords of an EHLO reply (RFC 5321 §4.1.1.1): the first word of each line after the first. */
function extensionsOf(reply: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of reply.split(/\r?\n/).slice(1)) {
    const m = /^\d{3}[ -]([A-Za-z0-9][A-Za-z0-9-]*)(?:[ =](.*))?$/.exec(line.trim());
    if (m) out.set(m[1]!.toUpperCase(), (m[2] ?? '').trim());
  }
  return out;
}

/** A DKIM signer whose key could be read. */
type Signer = Exclude<ReturnType<typeof prepareSigner>, { error: string }> | undefined;

/** One send, from the first check to the result. */
export class SendSession {
  private readonly started = Date.now();
  private readonly profile: SmtpProfile;
  private readonly security: 'starttls' | 'tls' | 'none';
  private readonly port: number;
  private readonly user: string | undefined;
  private readonly log: SessionLog;
  private readonly envelope: { from: string; to: string[] };
  private readonly recipients: RecipientResult[];
  private readonly encoding: 'utf8' | 'latin1';
  private readonly prepared: ReturnType<typeof prepareSend>;

  private stage: SendStage = 'connecting';
  private failure: SendFailure | undefined;
  private response: string | undefined;
  private ok = false;
  /** The whole message went to the server, the final dot too, and no reply to it came. */
  private deliveryUnknown = false;
  private cancelled = false;

  /** What goes after DATA: the prepared data, or its 7-bit form for a server without 8BITMIME. */
  private data: string;
  private payload: Buffer;

  // Connection state (set once `connect` runs).
  private conn: SMTPConnection | undefined;
  private resolve: ((result: SendResult) => void) | undefined;
  /** Commands waiting for their reply, oldest first (pipelining keeps the order, RFC 2920 §3.1). */
  private readonly pending: string[] = ['<greeting>'];
  private connected = false;
  private replies = 0;
  /** The extensions of the last EHLO reply (after STARTTLS, the second one). */
  private extensions = new Map<string, string>();
  private ended = false;
  private settled = false;
  private quitTimer: NodeJS.Timeout | undefined;
  /** nodemailer has handed the whole message and its final dot to the socket. */
  private dataWritten = false;
  /** The deadline of the current stage (see ./limits.ts). */
  private stageTimer: NodeJS.Timeout | undefined;
  private overLimit = false;
  private readonly meter = new ReplyMeter();
  private readonly onAbort = (): void => this.cancel();
  /** The failure texts, in the request's language (chosen once, for the whole session). */
  private readonly t: TranscriptMessageTable;

  constructor(
    private readonly req: SendRequest,
    private readonly helpers: SessionHelpers,
  ) {
    this.profile = req.profile;
    const l10n = bundleFor(req.locale);
    this.t = l10n.transcriptMessages;
    this.security = this.profile.security ?? 'starttls';
    this.port = helpers.defaultPort(this.profile);
    this.user = this.profile.user || undefined;
    this.log = new SessionLog({ onLog: req.onLog, user: this.user, password: req.password, maxLoggedDataBytes: req.maxLoggedDataBytes });
    // One pass over the text for both: line ends normalised once, the header parsed once.
    this.prepared = prepareSend(req.text, { from: req.envelope?.from || this.profile.from, to: req.envelope?.to }, l10n);
    const env = this.prepared.envelope;
    this.envelope = { from: env.from ?? '', to: env.to };
    this.recipients = this.envelope.to.map((address) => ({ address, accepted: false, reply: '' }));
    this.encoding = req.encoding ?? 'utf8';
    this.data = this.prepared.data;
    this.payload = Buffer.from(this.data, this.encoding);
  }

  /** Runs the session; never rejects. */
  run(): Promise<SendResult> {
    const { profile, log, security, port } = this;
    log.note(`smtp-eml ${VERSION} session log`);
    log.note(`time: ${new Date(this.started).toISOString()}`);
    log.note(`profile: ${profile.name}`);
    log.note(`server: ${profile.host}:${port} (${security === 'tls' ? 'implicit TLS' : security === 'starttls' ? 'STARTTLS required' : 'no TLS'}${profile.rejectUnauthorized === false ? ', certificate not verified' : ''})`);
    log.note(`envelope: MAIL FROM:<${this.envelope.from}> RCPT TO: ${this.envelope.to.map((a) => `<${a}>`).join(' ') || '(none)'}`, true);
    if (this.prepared.bomRemoved) log.note('removed the byte order mark (U+FEFF) at the start of the message: it belongs to the file, not to the first header field');

    const refusal = this.refusalBeforeConnecting();
    if (refusal) {
      this.failure = refusal;
      return Promise.resolve(this.result());
    }
    let ca: Buffer | undefined;
    if (profile.caFile) {
      try {
        ca = readFileSync(profile.caFile);
      } catch (e) {
        this.failure = { stage: 'tls', message: this.t.sendCaFileUnreadable(profile.caFile, (e as Error).message) };
        return Promise.resolve(this.result());
      }
    }
    // DKIM: the key is read before connecting, so a wrong passphrase never reaches a server.
    const signer = this.req.dkim ? prepareSigner(this.req.dkim, this.payload) : undefined;
    if (signer && 'error' in signer) {
      this.failure = { stage: 'connecting', message: signer.error };
      log.note(`refused before connecting: ${signer.error}`);
      return Promise.resolve(this.result());
    }
    return new Promise<SendResult>((resolve) => {
      this.resolve = resolve;
      this.connect(ca, signer as Signer);
    });
  }

  /** Why nothing may leave the machine for this request, if so (logged). */
  private refusalBeforeConnecting(): SendFailure | undefined {
    const { profile, log } = this;
    const env = this.prepared.envelope;
    // Nothing leaves the machine for a message that cannot be addressed safely.
    if (env.problems.length) {
      for (const p of env.problems) log.note(`refused before connecting: ${p}`);
      return { stage: env.from === undefined ? 'sender' : 'recipients', message: env.problems.join(' ') };
    }
    // The EHLO name goes into a command line as is.
    if (profile.clientName !== undefined && !EHLO_NAME.test(profile.clientName)) {
      const message = this.t.sendEhloNameInvalid(profile.clientName);
      log.note(`refused before connecting: ${message}`);
      return { stage: 'connecting', message };
    }
    const cleartext = this.helpers.cleartextAuthProblem(profile, this.t);
    if (cleartext) {
      log.note(`refused before connecting: ${cleartext}`);
      return { stage: 'auth', message: cleartext };
    }
    if (this.user && this.security === 'none') log.note('warning: AUTH without TLS: the password crosses the network in the clear (allowed for this profile)');
    if (this.req.signal?.aborted) return { stage: this.stage, message: this.t.sendCancelled() };
    return undefined;
  }

  private connect(ca: Buffer | undefined, signer: Signer): void {
    const { profile, security } = this;
    const tls: Record<string, unknown> = { rejectUnauthorized: profile.rejectUnauthorized !== false };
    if (ca) tls.ca = ca;
    const conn = new SMTPConnection({
      host: profile.host,
      port: this.port,
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      name: profile.clientName,
      tls,
      connectionTimeout: profile.connectionTimeout,
      greetingTimeout: profile.greetingTimeout,
      socketTimeout: profile.socketTimeout,
      allowInternalNetworkInterfaces: true,
      logger: this.logger() as never,
      transactionLog: true,
    } as SMTPConnection.Options);
    this.conn = conn;
    checkInternals(conn);
    this.req.signal?.addEventListener('abort', this.onAbort, { once: true });
    // A reply too big to be a reply ends the session before nodemailer works on it (./limits.ts).
    filterIncoming(conn, (chunk) => this.meterReply(chunk));
    this.armDeadline();
    conn.on('error', (err: SmtpError) => this.fail(this.describe(err)));
    conn.on('end', () => {
      this.ended = true;
      this.settle();
    });
    this.notifyStage('connecting');
    if (security === 'tls') this.setStage('tls');
    conn.connect(() => this.onConnected(signer));
  }

  /** The nodemailer logger: the transaction log, and the network events worth a note. */
  private logger(): Record<string, (...args: never[]) => void> {
    const onDebug = (entry: { tnx?: string }, message: unknown): void => {
      const text = typeof message === 'string' ? message : String(message ?? '');
      if (entry?.tnx === 'client') this.onClientLine(text);
      else if (entry?.tnx === 'server') this.onServerReply(text);
    };
    const onInfo = (entry: { tnx?: string }, message: unknown, ...args: unknown[]): void => {
      if (entry?.tnx === 'network' && typeof message === 'string' && message.includes('established')) {
        // Cancelled while the host name was being resolved: nodemailer would keep this late socket open.
        if (this.settled) return void currentSocket(this.conn!)?.destroy();
        this.connected = true;
        // Before the greeting is read: every write of the session goes out at once.
        disableNagle(this.conn!);
        this.log.note(`connected to ${String(args[1])}:${String(args[2])}`);
        if (this.security === 'tls') this.describeTls('implicit');
      } else if (entry?.tnx === 'smtp' && message === 'Connection upgraded with STARTTLS') {
        this.describeTls('STARTTLS');
      } else if (entry?.tnx === 'network' && message === 'Connection closed') {
        this.log.note('connection closed');
      } else if (entry?.tnx === 'message') {
        // Logged by nodemailer when the data stream, final dot included, has ended.
        this.dataWritten = true;
      }
    };
    const nothing = (): void => undefined;
    return { level: nothing, trace: nothing, debug: onDebug as never, info: onInfo as never, warn: nothing, error: nothing, fatal: nothing };
  }

  private describeTls(how: string): void {
    const socket = currentSocket(this.conn!) as TLSSocket | undefined;
    if (!socket || typeof socket.getProtocol !== 'function') return;
    const cipher = socket.getCipher?.();
    this.log.note(`TLS: ${how}, ${socket.getProtocol() ?? 'unknown protocol'}, cipher ${cipher?.name ?? 'unknown'}`);
    const cert = socket.getPeerCertificate?.();
    if (cert && Object.keys(cert).length) {
      const name = (o: Record<string, unknown> | undefined): string =>
        o ? Object.entries(o).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`).join(', ') : '?';
      this.log.note(`certificate: subject ${name(cert.subject as unknown as Record<string, unknown>)}; issuer ${name(cert.issuer as unknown as Record<string, unknown>)}; valid until ${cert.valid_to}${socket.authorized ? '' : ` (not verified: ${String(socket.authorizationError ?? 'unknown reason')})`}`);
    }
  }

  private onClientLine(line: string): void {
    const verb = /^\s*([A-Za-z]+)/.exec(line)?.[1]?.toUpperCase();
    if (verb === 'STARTTLS') this.setStage('tls');
    else if (verb === 'AUTH') this.setStage('auth');
    else if (verb === 'MAIL') this.setStage('sender');
    else if (verb === 'RCPT') this.setStage('recipients');
    else if (verb === 'DATA') this.setStage('data');
    else if (verb === 'QUIT') this.setStage('quit');
    this.pending.push(line);
    this.log.client(line);
  }

  private onServerReply(reply: string): void {
    this.replies++;
    // nodemailer reads replies as latin1; show UTF-8 text (RFC 6531) as such when it is valid.
    const bytes = Buffer.from(reply, 'latin1');
    const utf8 = bytes.toString('utf8');
    const text = Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : reply;
    this.log.server(text);
    const command = this.pending.shift() ?? '';
    // `[^]` and not `.`: an address may hold U+2028, which `.` does not match.
    const rcpt = /^RCPT TO:<([^]*)>/i.exec(command);
    if (rcpt) {
      const r = this.recipients.find((x) => x.address === rcpt[1]);
      if (r) {
        r.reply = oneLine(text);
        r.accepted = /^2/.test(text);
      }
    } else if (/^DATA$/i.test(command) && /^[23]/.test(text)) {
      // nodemailer streams the message right after this reply.
      this.pending.push('<message>');
      this.log.data(this.data);
    } else if (/^(?:EHLO|LHLO|HELO)\b/i.test(command)) {
      // The extensions in force are those of the last EHLO (RFC 3207 §4.2: forget them after STARTTLS); HELO has none.
      this.extensions = /^2/.test(text) && !/^HELO\b/i.test(command) ? extensionsOf(text) : new Map();
    }
  }

  /** Passes a chunk of the server's bytes on unless it makes a reply too big (then ends the session). */
  private meterReply(chunk: Buffer): boolean {
    if (this.overLimit || this.settled) return false;
    const why = Buffer.isBuffer(chunk) ? this.meter.feed(chunk) : undefined;
    if (!why) return true;
    this.overLimit = true;
    const stage = this.stage;
    this.fail({ stage, message: this.t.sendReplyTooBig(`${this.profile.host}:${this.port}`, this.t.sendReplyOverflow(why.unit, why.limit), stage) });
    this.log.note(`ended: the server sent a reply of more than ${why.limit} ${why.unit}`);
    this.conn!.close();
    return false;
  }

  private describe(err: SmtpError, stage: SendStage = this.stage): SendFailure {
    const size = this.extensions.get('SIZE');
    return describeSendError(
      err,
      {
        stage,
        profile: this.profile,
        port: this.port,
        connected: this.connected,
        replies: this.replies,
        sizeLimit: size && /^\d+$/.test(size) && size !== '0' ? Number(size) : undefined,
        messageSize: this.payload.length,
        recipients: this.recipients,
      },
      this.t,
    );
  }

  private notifyStage(stage: SendStage): void {
    try {
      this.req.onStage?.(stage);
    } catch {
      // A failing listener must not break the session.
    }
  }

  private setStage(next: SendStage): void {
    if (next === this.stage) return;
    this.stage = next;
    this.armDeadline();
    this.notifyStage(next);
  }

  /** Each stage has a deadline however the server trickles its bytes; the idle timeouts never fire then. */
  private armDeadline(): void {
    if (!this.conn) return;
    if (this.stageTimer) clearTimeout(this.stageTimer);
    if (this.settled) return;
    const current = this.stage;
    const ms = stageDeadline(this.profile.stageTimeout ?? DEFAULT_STAGE_TIMEOUT_MS, current, this.payload.length);
    this.stageTimer = setTimeout(() => {
      this.fail({ stage: current, message: this.t.sendStageDeadline(`${this.profile.host}:${this.port}`, current, ms) });
      this.log.note(`ended: ${current} took longer than ${ms} ms`);
      this.conn!.close();
    }, ms);
  }

  private fail(error: SendFailure): void {
    if (!this.failure) this.failure = error;
  }

  private cancel(): void {
    this.cancelled = true;
    this.failure = { stage: this.stage, message: this.t.sendCancelled() };
    this.log.note('cancelled by the user');
    this.conn!.close();
    // close() emits 'end' unless the connection had already ended.
    if (this.ended) this.settle();
  }

  /** Ends the session politely (QUIT, wait for 221) when the connection is still usable. */
  private quit(): void {
    if (this.ended) return this.settle();
    this.setStage('quit');
    this.conn!.quit();
    const limit = Math.min(this.profile.socketTimeout ?? 10_000, 10_000);
    this.quitTimer = setTimeout(() => {
      this.log.note(`no reply to QUIT within ${limit} ms; closing`);
      this.conn!.close();
    }, limit);
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const conn = this.conn!;
    // nodemailer reports no error when the server hangs up while the greeting is awaited.
    if (!this.ok && !this.failure) {
      const last = typeof conn.lastServerResponse === 'string' && conn.lastServerResponse ? oneLine(conn.lastServerResponse) : '';
      const stage = this.stage;
      this.failure = { stage, message: this.t.sendClosed(stage, last) };
    }
    if (this.quitTimer) clearTimeout(this.quitTimer);
    if (this.stageTimer) clearTimeout(this.stageTimer);
    const failure = this.failure;
    // Sent in full, then the connection failed before the server's answer to it: it may have been delivered.
    if (!this.ok && failure && this.dataWritten) {
      if (this.cancelled) {
        this.deliveryUnknown = true;
        this.failure = { ...failure, message: this.t.sendCancelledAfterData() };
      } else if (failure.code === undefined) {
        this.deliveryUnknown = true;
        this.failure = { ...failure, message: this.t.sendMaybeDelivered(failure.message) };
      }
    }
    this.req.signal?.removeEventListener('abort', this.onAbort);
    this.resolve!(this.result());
  }

  private onConnected(signer: Signer): void {
    const { profile, user, log } = this;
    const conn = this.conn!;
    if (this.security !== 'none' && !conn.secure) {
      // requireTLS makes nodemailer insist; this is a second lock on the door.
      this.fail({ stage: 'tls', message: this.t.sendNotEncrypted() });
      return this.quit();
    }
    if (user && profile.auth === 'oauth2') {
      this.setStage('auth');
      const getAccessToken = this.req.getAccessToken;
      if (!getAccessToken) {
        this.fail({ stage: 'auth', message: this.t.sendNoOAuth2Token() });
        return this.quit();
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
          this.fail({ stage: 'auth', ...describeOAuth2Failure(e.message ?? String(e), e.response ? oneLine(e.response) : undefined, e.responseCode ?? replyCode(e.response), fetched, this.t) });
          return this.quit();
        }
        log.note('authenticated (XOAUTH2)');
        this.sendTransaction(signer);
      });
    } else if (user) {
      this.setStage('auth');
      if (!this.req.password) {
        this.fail({ stage: 'auth', message: this.t.sendNoPassword() });
        return this.quit();
      }
      conn.login({ user, pass: this.req.password }, (err) => {
        if (err) {
          this.fail(this.describe(err as SmtpError, 'auth'));
          return this.quit();
        }
        log.note('authenticated');
        this.sendTransaction(signer);
      });
    } else {
      this.sendTransaction(signer);
    }
  }

  /** MAIL, RCPT, DATA: after the checks the server's extensions call for. */
  private sendTransaction(signer: Signer): void {
    const { envelope, encoding, log } = this;
    this.setStage('sender');
    // In UTF-8, more bytes than characters means a non-ASCII character: no second scan of the data.
    const use8BitMime = encoding === 'utf8' ? this.payload.length !== this.data.length : /[^\x00-\x7f]/.test(this.data);
    // RFC 6531 §3.4: a non-ASCII address only with SMTPUTF8 (nodemailer would send it raw).
    const international = [envelope.from, ...envelope.to].find((a) => /[^\x00-\x7f]/.test(a));
    if (international !== undefined && !this.extensions.has('SMTPUTF8')) {
      this.fail({ stage: international === envelope.from ? 'sender' : 'recipients', message: this.t.sendNeedsSmtputf8(international) });
      return this.quit();
    }
    // RFC 6152 §3: 8-bit data with BODY=8BITMIME when offered (nodemailer adds it), else converted to 7 bit.
    if (use8BitMime && !this.extensions.has('8BITMIME')) {
      const seven = toSevenBit(this.data, encoding);
      if (!seven.ok) {
        this.fail({ stage: 'sender', message: seven.reason });
        return this.quit();
      }
      log.note(`the server does not offer 8BITMIME (RFC 6152): ${seven.reencoded} 8-bit part${seven.reencoded === 1 ? '' : 's'} re-encoded as quoted-printable or base64`);
      this.data = seven.data;
      this.payload = Buffer.from(this.data, 'latin1');
    }
    // Signed last (after any 7-bit re-encoding), over the exact octets that go out.
    let wire: Buffer = this.payload;
    if (signer) {
      const signed = signer.sign(this.payload);
      wire = signed.payload;
      log.note(signed.note);
    }
    this.conn!.send({ from: envelope.from, to: envelope.to, size: wire.length, use8BitMime }, wire, (err, info) => {
      if (err) {
        this.fail(this.describe(err as SmtpError));
      } else {
        this.ok = true;
        this.response = info.response;
        const rejected = this.recipients.filter((r) => !r.accepted);
        if (rejected.length) log.note(`refused: ${rejected.map((r) => `${r.address} (${r.reply || 'no reply'})`).join('; ')}`);
      }
      this.quit();
    });
  }

  /** The result, with the last notes written and every credential masked. */
  private result(): SendResult {
    const { log, recipients, failure, ok } = this;
    const elapsedMs = Date.now() - this.started;
    log.note(`result: ${ok ? (recipients.every((r) => r.accepted) ? 'sent' : 'sent to some recipients') : `${this.deliveryUnknown ? 'delivery unknown' : 'not sent'}: ${failure?.message ?? 'unknown error'}`}`);
    log.note(`elapsed: ${elapsedMs} ms`);
    log.seal();
    // A server may echo credentials in any reply: mask them in everything the result carries.
    const mask = (text: string): string => this.helpers.maskCredentials(log.maskSecrets(text), this.req);
    const result: SendResult = {
      ok,
      stage: failure ? failure.stage : this.stage,
      recipients: recipients.map((r) => ({ ...r, reply: mask(r.reply) })),
      envelope: this.envelope,
      transcript: log.toString(),
      elapsedMs,
    };
    if (this.response !== undefined) result.response = mask(this.response);
    const queueId = this.helpers.findQueueId(result.response);
    if (queueId) result.queueId = queueId;
    if (failure) {
      result.error = { ...failure, message: mask(failure.message) };
      if (this.deliveryUnknown) result.deliveryUnknown = true;
      if (failure.reply !== undefined) result.error.reply = mask(failure.reply);
    }
    return result;
  }
}
