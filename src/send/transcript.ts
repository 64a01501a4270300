/**
 * The session log: what the client and server said, written as an `.smtp`
 * transcript (`C:`/`S:` lines as in RFC 5321's examples, `#` annotations), so
 * the editor highlights and validates it like any other transcript.
 *
 * Credentials never reach the log (RFC 4954 §4 data is base64, not secret):
 * everything the client sends inside an AUTH exchange becomes `<redacted>`,
 * and the user name, the password, their base64 forms and the AUTH PLAIN blob
 * are masked in every line outside the message data (a server may echo them
 * in any reply). One exception keeps the log true: a user name that is also
 * the envelope address stays readable in the client's own MAIL FROM/RCPT TO
 * paths and the envelope note, since masking there would misstate the command.
 * Secrets shorter than 3 characters are not masked (they would mangle the text), and a
 * user name that short is masked only where it stands as a word of its own.
 *
 * Lines are bounded: a line longer than MAX_LOGGED_LINE characters (a server
 * answering with megabytes) is cut, with a note of how much was left out.
 *
 * Lines are one line each: every control character in what either side sent
 * (a bare CR, which every reader of the log takes as a line end, a LF inside
 * a reply line, NUL, ESC, DEL, C1 controls, U+2028/U+2029) is written as
 * `\xHH` / `\uHHHH`, so a server cannot make the log show a `C:` line the
 * client never sent, nor send a terminal command to whoever reads it.
 */

/** What masked credentials look like in the log. */
export const REDACTED = '<redacted>';

/** Longest C:/S:/# line kept in the log; longer ones are cut (RFC 5321 §4.5.3.1.5 replies are 512 octets). */
export const MAX_LOGGED_LINE = 4096;

/** Default bound on the message data shown in the log (64 KiB). */
export const DEFAULT_MAX_LOGGED_DATA_BYTES = 64 * 1024;

/** Options of a session log. */
export interface SessionLogOptions {
  /** Called with each line as soon as it is written. */
  onLog?(line: string): void;
  /** The user name and password to keep out of the log. */
  user?: string;
  password?: string;
  /** DATA is shown in full up to this many bytes (UTF-8) and summarised beyond. */
  maxLoggedDataBytes?: number;
}

/**
 * Characters that a reader could take as a line end or a terminal as a command:
 * C0 controls but TAB, DEL, C1 controls, LINE and PARAGRAPH SEPARATOR.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with every control character (see CONTROL_CHARACTERS) written as `\xHH` or `\uHHHH`. */
export function escapeControls(text: string): string {
  CONTROL_CHARACTERS.lastIndex = 0;
  if (!CONTROL_CHARACTERS.test(text)) return text;
  return text.replace(CONTROL_CHARACTERS, (c) => {
    const n = c.charCodeAt(0);
    return n > 0xff ? `\\u${n.toString(16).padStart(4, '0')}` : `\\x${n.toString(16).padStart(2, '0')}`;
  });
}

/** "812 bytes", "10.2 KB", "10.2 MB" (decimal units, as file managers show). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1000 * 1000) return `${(bytes / 1000).toFixed(1)} KB`;
  if (bytes < 1000 * 1000 * 1000) return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
  return `${(bytes / 1000 / 1000 / 1000).toFixed(1)} GB`;
}

const AUTH_COMMAND = /^AUTH[ \t]+(\S+)(?:[ \t]+(\S.*))?$/i;

/**
 * Collects the transcript line by line, masking credentials on the way in:
 * a line is masked before `onLog` sees it, so no unmasked copy exists.
 */
export class SessionLog {
  private readonly out: string[] = [];
  private secrets: string[] = [];
  private readonly user: string | undefined;
  private readonly maxDataBytes: number;
  /** True from `AUTH` until the server answers with something other than 334. */
  private inAuth = false;
  /** After `seal()`, late events (a close reported after the result) are dropped. */
  private sealed = false;

  constructor(private readonly options: SessionLogOptions = {}) {
    this.maxDataBytes = Math.max(0, options.maxLoggedDataBytes ?? DEFAULT_MAX_LOGGED_DATA_BYTES);
    const { user, password } = options;
    this.user = user || undefined;
    // Longest first so a PLAIN blob is masked whole, not after its parts.
    const secrets = new Set<string>();
    if (password) {
      secrets.add(Buffer.from(`\u0000${user ?? ''}\u0000${password}`, 'utf8').toString('base64'));
      secrets.add(Buffer.from(`${user ?? ''}\u0000${user ?? ''}\u0000${password}`, 'utf8').toString('base64'));
      secrets.add(Buffer.from(password, 'utf8').toString('base64'));
      secrets.add(password);
    }
    if (user) secrets.add(Buffer.from(user, 'utf8').toString('base64'));
    this.secrets = [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
    // A user name of 3 or more characters is masked wherever it occurs; a shorter one only
    // where it stands as a word of its own (masking every "ti" would turn "Authentication"
    // into "Authentica<redacted>on").
    if (user && user.length < 3) {
      const escaped = user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      this.shortUser = new RegExp(`(?<![\\w.%+@-])${escaped}(?![\\w.%+@-])`, 'g');
    }
  }

  /**
   * Masks `secret` from now on, with its base64 form and any `forms` given: an
   * OAuth2 access token known only once the session fetched it (and its XOAUTH2 response).
   */
  addSecret(secret: string, ...forms: string[]): void {
    const added = [secret, Buffer.from(secret, 'utf8').toString('base64'), ...forms].filter((s) => s.length >= 3 && !this.secrets.includes(s));
    this.secrets = [...this.secrets, ...added].sort((a, b) => b.length - a.length);
  }

  /** The short (1-2 character) user name as a whole-word pattern; undefined otherwise. */
  private readonly shortUser: RegExp | undefined;

  /** `text` with the user name masked (see the constructor). */
  private maskUser(text: string): string {
    if (!this.user) return text;
    if (this.shortUser) return text.replace(this.shortUser, REDACTED);
    return text.includes(this.user) ? text.split(this.user).join(REDACTED) : text;
  }

  /**
   * A `#` annotation line (or several, one per line of `text`). `keepUser`
   * leaves a user name that is an envelope address readable (the envelope note).
   */
  note(text: string, keepUser = false): void {
    for (const line of text.split(/\r\n|\r|\n/)) this.push(`# ${this.maskSecrets(line, keepUser)}`);
  }

  /** A command line the client sent (without CRLF). */
  client(command: string): void {
    let line = command.replace(/\r?\n$/, '');
    const auth = AUTH_COMMAND.exec(line);
    if (auth) {
      // RFC 4954 §4: the initial response carries the credentials.
      this.inAuth = true;
      line = auth[2] === undefined ? line : `AUTH ${auth[1]} ${REDACTED}`;
    } else if (this.inAuth && line !== '' && line !== '*') {
      // A response to a 334 challenge: user name, password, HMAC or token.
      line = REDACTED;
    }
    // The client's own paths state the envelope; see the module comment.
    const isPath = /^(MAIL FROM|RCPT TO):/i.test(line);
    this.push(line === '' ? 'C:' : `C: ${this.maskSecrets(line, isPath)}`);
  }

  /** A server reply (one or more lines, joined by LF or CRLF). */
  server(reply: string): void {
    const lines = reply.replace(/\r?\n$/, '').split(/\r?\n/);
    const last = lines[lines.length - 1] ?? '';
    for (let line of lines) {
      if (this.inAuth) line = this.maskUser(line);
      this.push(line === '' ? 'S:' : `S: ${this.maskSecrets(line)}`);
    }
    if (this.inAuth && !/^334[ -]?/.test(last)) this.inAuth = false;
  }

  /**
   * The message data as sent after `354`: dot-stuffed (RFC 5321 §4.5.2) exactly
   * as nodemailer transmits it, ending with `C: .`.
   *
   * Data larger than the bound is summarised instead: its header lines (as far
   * as they fit in the bound) become `# | ` annotations, then a `# ...` line
   * says how much is not shown, then `C: .`. A DATA block of annotations only
   * is an elided message to the transcript validator, so the summarised log
   * still validates; a block cut in the middle would not (a missing Date or
   * close delimiter beyond the cut would be reported as errors).
   * `data` must already have CRLF line ends (see `prepareData`).
   */
  data(data: string): void {
    const total = Buffer.byteLength(data, 'utf8') + (data.endsWith('\r\n') || data === '' ? 0 : 2);
    if (total <= this.maxDataBytes) {
      const lines = data.split('\r\n');
      if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) {
        const stuffed = line.startsWith('.') ? `.${line}` : line;
        this.push(stuffed === '' ? 'C:' : `C: ${stuffed}`);
      }
      this.push('C: .');
      return;
    }
    // Too big to show: count the lines without splitting them (a 10 MB message
    // would become 100,000 strings), then read only the header lines shown.
    let count = 0;
    for (let at = data.indexOf('\r\n'); at >= 0; at = data.indexOf('\r\n', at + 2)) count++;
    if (!data.endsWith('\r\n') && data !== '') count++;
    this.note(`message data: ${formatByteSize(total)} in ${count} line${count === 1 ? '' : 's'}, over the ${formatByteSize(this.maxDataBytes)} shown in full; its header:`);
    let shown = 0;
    let start = 0;
    let headerCut = false;
    while (start < data.length) {
      const next = data.indexOf('\r\n', start);
      const line = data.slice(start, next < 0 ? data.length : next);
      if (line === '') break;
      const size = Buffer.byteLength(line, 'utf8') + 2;
      if (shown + size > this.maxDataBytes) {
        headerCut = true;
        break;
      }
      shown += size;
      this.push(`# | ${this.maskSecrets(line)}`);
      if (next < 0) break;
      start = next + 2;
    }
    this.push(`# ... ${formatByteSize(total - shown)} of message data not shown${headerCut ? ' (the header goes on)' : ''} ...`);
    this.push('C: .');
  }

  /** Ends the log: later lines are dropped, so the streamed log equals `toString()`. */
  seal(): void {
    if (this.escapedLines) {
      this.push(`# ${this.escapedLines} line${this.escapedLines === 1 ? '' : 's'} held control characters, shown as \\xHH or \\uHHHH (a CR is \\x0d)`);
    }
    this.sealed = true;
  }

  /** Lines in which control characters were escaped. */
  private escapedLines = 0;

  /** Every line so far. */
  lines(): readonly string[] {
    return this.out;
  }

  /** The transcript text: the lines joined by LF, with a final LF. */
  toString(): string {
    return this.out.length ? `${this.out.join('\n')}\n` : '';
  }

  /**
   * Masks the password and user name (plain or base64) and the AUTH PLAIN blob
   * in `text`; `keepUser` leaves the plain user name (see the module comment).
   * Also for texts outside the log: error messages and replies in the result.
   */
  maskSecrets(text: string, keepUser = false): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    if (!keepUser) out = this.maskUser(out);
    return out;
  }

  private push(raw: string): void {
    if (this.sealed) return;
    const full = escapeControls(raw);
    if (full !== raw) this.escapedLines++;
    const line = full.length > MAX_LOGGED_LINE ? `${full.slice(0, MAX_LOGGED_LINE)}... [${full.length - MAX_LOGGED_LINE} more characters not shown]` : full;
    this.out.push(line);
    try {
      this.options.onLog?.(line);
    } catch {
      // A failing listener must not break the session.
    }
  }
}
