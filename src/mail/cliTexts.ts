/**
 * The command line's own words (its help and the lines it writes besides the
 * diagnostics), in English: the `cli` table of every locale bundle (./i18n.ts).
 * Command names, options, placeholders (FILE, HOST) and file paths stay as
 * written in every language; the synopsis lines of the help are not texts but
 * syntax, kept once in src/cli/usage.ts. File names, server replies and the
 * system's own reasons are arguments, never translated.
 */
import { plural } from './plural';

/** The commands whose help has a description. */
export type CliCommand = 'check' | 'send' | 'inbox' | 'render' | 'replay' | 'split' | 'join';

/** The CLI's texts in one language. */
export interface CliTexts {
  /** The first line of the help. */
  readonly usageTitle: string;
  /** What each command does, the lines under its synopsis (indented, each ending in a line break). */
  readonly usage: Readonly<Record<CliCommand, string>>;
  /** The first line of `split --help` and `join --help`: `Usage: SYNOPSIS`. */
  readonly usageOf: (synopsis: string) => string;
  /** `split --help` and `join --help`: the command's own fuller help under `Usage: SYNOPSIS`. */
  readonly usageDetails: Readonly<Record<'split' | 'join', string>>;
  /** The help's note on input limits and escaping, shared by every command. */
  readonly usageLimits: string;
  /** The line after a usage error. */
  readonly seeHelp: string;
  readonly unknownCommand: (command: string) => string;
  /** An option that does not parse, from Node's `parseArgs` error code and its own (English) message. */
  readonly argumentError: (code: string, message: string) => string;
  /** `smtp-eml: cannot read FILE: REASON`, without the prefix. */
  readonly cannotRead: (file: string, reason: string) => string;
  /** Why a file cannot be read, from the system's error code and its own (English) message. */
  readonly systemReason: (code: string, message: string) => string;
  readonly isDirectory: (file: string) => string;
  readonly isFifo: (file: string) => string;
  readonly isDevice: (file: string) => string;
  readonly isSocket: (file: string) => string;
  readonly notRegularFile: (file: string) => string;
  readonly tooLarge: (file: string, megabytes: number) => string;
  readonly formatInvalid: (value: string) => string;
  readonly checkNeedsFile: string;
  readonly mailboxSummary: (file: string, messages: number, withErrors: number) => string;
  readonly maxSizeInvalid: (value: string) => string;
  /** A port outside `lowest`-65535. */
  readonly portInvalid: (option: string, value: string, lowest: number) => string;
  readonly needsOneFile: (command: string) => string;
  readonly needsHost: (command: string) => string;
  readonly matchInvalid: (value: string) => string;
  readonly messageNumberInvalid: (value: string) => string;
  readonly tokenCommandNeedsUser: string;
  readonly tokenCommandEmpty: string;
  readonly securityInvalid: (value: string) => string;
  readonly timeoutInvalid: (max: number, value: string) => string;
  readonly passwordPrompt: (user: string, host: string, port: number) => string;
  readonly notSent: (reason: string) => string;
  readonly deliveryUnknown: (reason: string) => string;
  readonly noPassword: string;
  readonly unknownError: string;
  readonly cannotWriteLog: (file: string, reason: string) => string;
  readonly refused: (address: string, reply: string) => string;
  readonly sentTo: (accepted: number, recipients: number, response: string) => string;
  readonly scriptProblems: (file: string, problems: number) => string;
  readonly inboxCannotStart: (port: number, reason: string) => string;
  readonly inboxListening: (port: number, dir: string, script: string | undefined) => string;
  readonly inboxReceived: (file: string) => string;
  readonly inboxSession: (file: string) => string;
  readonly inboxStopped: string;
  readonly needsOut: (command: string, what: string) => string;
  readonly joinNeedsInput: string;
  readonly cannotCreate: (dir: string, reason: string) => string;
  readonly cannotWrite: (file: string, reason: string) => string;
  readonly anInput: string;
  readonly notMailbox: (file: string) => string;
  readonly splitWouldOverwrite: (name: string) => string;
  readonly stoppedAfter: (messages: number, reason: string) => string;
  readonly wroteMessages: (messages: number, target: string) => string;
  readonly noEmlToJoin: string;
  readonly outExists: (file: string) => string;
  readonly joinFailed: (reason: string) => string;
  readonly noMessageN: (file: string, n: number) => string;
  readonly noMessageNInTranscript: (file: string, n: number) => string;
  readonly replayPasswordPrompt: (user: string, host: string) => string;
  readonly replayNoPassword: string;
  readonly replayMismatch: (command: string, expected: string, actual: string) => string;
  readonly replayCouldNotRun: (reason: string) => string;
  readonly replayStopped: (reason: string) => string;
  readonly replayAllMatch: string;
  readonly htmlClientsEmpty: string;
  readonly htmlClientsUnknown: (unknown: readonly string[], families: string) => string;
  readonly dkimKeysUnreadable: (file: string, reason: string) => string;
  readonly dkimKeysEmpty: (file: string) => string;
  readonly dkimNeedsKey: string;
  readonly dkimNeedsSelector: string;
  readonly dkimKeyUnreadable: (file: string, reason: string) => string;
}

/** The CLI's texts in English. */
export const ENGLISH_CLI_TEXTS: CliTexts = {
  usageTitle: 'Usage:',
  usage: {
    check: `      Validate .eml messages and .smtp transcripts. Prints
      file:line:col: severity code message (1-based) or JSON. Exit 1 on any error.
      HTML parts are checked against the email clients in LIST, caniemail.com
      family.platform names with * (default apple-mail.*,gmail.*,outlook.*,yahoo.*;
      e.g. outlook.windows,gmail.*); --html-clients none skips the HTML checks.
      Messages are in Persian for --locale fa (default: LC_ALL, LC_MESSAGES or
      LANG, e.g. fa_IR.UTF-8), else English; codes are the same in every language.
      DKIM/ARC body hashes are always checked; signatures with the public keys in
      --dkim-keys FILE (JSON: {"selector._domainkey.domain": "v=DKIM1; k=rsa; p=..."}).
      No DNS lookups.
      A mailbox (a file starting with an mbox "From " line) is read as a stream
      and each message is checked alone; positions are in the mailbox file,
      JSON entries name the message, and a summary goes to stderr.
`,
    send: `      Send the message in FILE over SMTP and print the session log (an .smtp
      transcript, credentials masked) to stdout or to --log FILE.
      Envelope: MAIL FROM is Sender, else the first From; RCPT TO is every To,
      Cc and Bcc address (Bcc fields are removed from the data); --from and
      --to replace them. --security defaults to starttls (port 587; tls: 465;
      none: 25). --insecure accepts any certificate; --ca trusts a CA file.
      Password: the SMTP_PASSWORD environment variable, else a prompt (no echo)
      when --user is given; without a terminal, the first line of stdin.
      --timeout gives up a connection idle that long, and any one stage
      (connect, TLS, AUTH, MAIL, RCPT, DATA, QUIT) that takes twice as long
      however the server trickles its bytes (DATA gets 1 ms more per KB);
      default: 10 minutes a stage. AUTH with --security none
      is refused unless --allow-cleartext-auth is given. A header that cannot
      be read with certainty is refused (no Bcc can leak through it).
      --oauth2-token-command CMD logs in with SASL XOAUTH2 instead (Gmail,
      Microsoft 365): CMD is run by the shell and prints a fresh access token;
      it runs again if the server refuses the token. Tokens are masked in the log.
      Exit 0 when the server accepted the message for at least one recipient
      (each refused recipient is reported on stderr), 1 when it was not sent
      or when delivery is unknown (the connection was lost after the whole
      message went out: check before sending again).
      --dkim-key signs with DKIM (relaxed/relaxed; rsa-sha256, or ed25519-sha256
      for an Ed25519 key) over the bytes sent; d= defaults to the From domain;
      an encrypted key's passphrase comes from DKIM_KEY_PASSPHRASE.
`,
    inbox: `      Run a local test inbox on 127.0.0.1: accepts every message for every
      recipient, stores it in DIR (default ./inbox) as <time>-<id>.eml plus
      .envelope.json, writes each session's transcript as <time>-<id>.smtp,
      and never relays. Ctrl+C stops it.
      --script answers as the script's S: lines say for the matching C:
      commands (by verb and, where given, argument; each rule once per
      session; others get the normal answer); "# wait 30s" stalls, "# close"
      drops the connection. A script with problems is refused (exit 1).
`,
    render: `      Write the message as a recipient would see it: one self-contained,
      sanitized HTML page (decoded headers, the HTML body else the text,
      cid: images inline as data: URIs, attachments listed, attached messages
      nested; no script from the message). Remote images and styles are left
      out unless --allow-remote (tracking pixels always are). Writes to stdout
      without --out. .mbox and .smtp files: the Nth message (default 1).
`,
    replay: `      Send the transcript's C: lines to a live server (the DATA as written; AUTH
      only with --user, as AUTH PLAIN, never the transcript's masked data;
      STARTTLS where the transcript has it) and compare each reply with the
      transcript's S: lines: by reply code (default), by class (first digit)
      or by code and text. Prints the live session as a transcript with each
      difference marked; the differences also go to stderr as FILE:LINE.
      Exit 0 when all match, 1 when any differs, 2 when it could not run.
`,
    split: `      Write each message of an mbox to DIR/0001.eml, ... (mboxrd quoting undone).
`,
    join: `      Write .eml messages to an mboxrd mailbox; join of split gives the same bytes.
`,
  },
  usageOf: (synopsis) => `Usage: ${synopsis}`,
  usageDetails: {
    split: `  Writes each message of the mailbox to DIR/0001.eml, DIR/0002.eml, ... with
  mboxrd quoting undone (">From " lines lose one ">"). Each file starts with
  its "From " separator line, so join gives back the mailbox byte for byte;
  --strip-envelope leaves it out. Existing files are never overwritten.
`,
    join: `  Writes the messages (each FILE, and the .eml files of each DIR in name
  order) to an mboxrd mailbox: "From " lines of the bodies are quoted, and a
  message without a separator line gets one from its Return-Path or From and
  its Date. Refuses to overwrite FILE.mbox unless --force.
`,
  },
  usageLimits: `  Every command reads regular files of at most 200 MB (--max-size MB changes
  it) and shows control characters from files or servers escaped (\x1b).
`,
  seeHelp: 'Run smtp-eml --help for usage.',
  unknownCommand: (command) => `unknown command ${JSON.stringify(command)}`,
  argumentError: (_code, message) => message,
  cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
  systemReason: (_code, message) => message,
  isDirectory: (file) => `${file} is a directory`,
  isFifo: (file) => `${file} is a named pipe (FIFO), not a regular file; save the input to a file first`,
  isDevice: (file) => `${file} is a device, not a regular file; save the input to a file first`,
  isSocket: (file) => `${file} is a socket, not a regular file; save the input to a file first`,
  notRegularFile: (file) => `${file} is not a regular file`,
  tooLarge: (file, megabytes) => `${file} is larger than the ${megabytes} MB limit (--max-size MB raises it)`,
  formatInvalid: (value) => `--format must be text or json, not ${JSON.stringify(value)}`,
  checkNeedsFile: 'check needs at least one FILE',
  mailboxSummary: (file, messages, withErrors) => `${file}: ${messages} ${plural('en', messages, { one: 'message', other: 'messages' })}, ${withErrors} with errors`,
  maxSizeInvalid: (value) => `--max-size must be a number of megabytes from 1 to 512, not ${JSON.stringify(value)}`,
  portInvalid: (option, value, lowest) => `${option} must be a port number ${lowest}-65535, not ${JSON.stringify(value)}`,
  needsOneFile: (command) => `${command} needs exactly one FILE`,
  needsHost: (command) => `${command} needs --host`,
  matchInvalid: (value) => `--match must be code, class or text, not ${JSON.stringify(value)}`,
  messageNumberInvalid: (value) => `--message must be a number from 1, not ${JSON.stringify(value)}`,
  tokenCommandNeedsUser: '--oauth2-token-command needs --user (the account the token is for)',
  tokenCommandEmpty: '--oauth2-token-command must not be empty',
  securityInvalid: (value) => `--security must be starttls, tls or none, not ${JSON.stringify(value)}`,
  timeoutInvalid: (max, value) => `--timeout must be a number of milliseconds from 1 to ${max}, not ${JSON.stringify(value)}`,
  passwordPrompt: (user, host, port) => `Password for ${user} at ${host}:${port}: `,
  notSent: (reason) => `not sent: ${reason}`,
  deliveryUnknown: (reason) => `delivery unknown: ${reason}`,
  noPassword: 'not sent: no password (set SMTP_PASSWORD or type it at the prompt)',
  unknownError: 'unknown error',
  cannotWriteLog: (file, reason) => `cannot write the log ${file}: ${reason}`,
  refused: (address, reply) => `refused ${address}: ${reply}`,
  sentTo: (accepted, recipients, response) => `sent to ${accepted} of ${recipients} ${plural('en', recipients, { one: 'recipient', other: 'recipients' })}: ${response}`,
  scriptProblems: (file, problems) => `the script ${file} has ${problems} ${plural('en', problems, { one: 'problem', other: 'problems' })}; the inbox did not start`,
  inboxCannotStart: (port, reason) => `cannot start the inbox on 127.0.0.1:${port}: ${reason}`,
  inboxListening: (port, dir, script) => `smtp-eml inbox listening on 127.0.0.1:${port}, storing messages in ${dir}${script ? `, answering as ${script} says` : ''} (Ctrl+C stops)`,
  inboxReceived: (file) => `received ${file}`,
  inboxSession: (file) => `session ${file}`,
  inboxStopped: 'smtp-eml inbox stopped',
  needsOut: (command, what) => `${command} needs --out ${what}`,
  joinNeedsInput: 'join needs at least one DIR or FILE',
  cannotCreate: (dir, reason) => `cannot create ${dir}: ${reason}`,
  cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
  anInput: 'an input',
  notMailbox: (file) => `${file} is not a mailbox: its first line is not a "From " separator line (RFC 4155)`,
  splitWouldOverwrite: (name) => `${name} exists; split writes into an empty directory and overwrites nothing`,
  stoppedAfter: (messages, reason) => `stopped after ${messages} ${plural('en', messages, { one: 'message', other: 'messages' })}: ${reason}`,
  wroteMessages: (messages, target) => `wrote ${messages} ${plural('en', messages, { one: 'message', other: 'messages' })} to ${target}`,
  noEmlToJoin: 'no .eml files to join',
  outExists: (file) => `${file} exists (use --force to replace it)`,
  joinFailed: (reason) => `join failed: ${reason}`,
  noMessageN: (file, n) => `${file} has no message ${n}`,
  noMessageNInTranscript: (file, n) => `${file} has no message ${n} (no DATA with a recorded body)`,
  replayPasswordPrompt: (user, host) => `Password for ${user} at ${host}: `,
  replayNoPassword: 'no password (set SMTP_PASSWORD or type it at the prompt)',
  replayMismatch: (command, expected, actual) => `${command}: expected ${expected}, got ${actual}`,
  replayCouldNotRun: (reason) => `replay could not run: ${reason}`,
  replayStopped: (reason) => `replay stopped: ${reason}`,
  replayAllMatch: 'every reply as in the transcript',
  htmlClientsEmpty: '--html-clients needs a comma-separated list of clients, e.g. outlook.windows,gmail.*, or none',
  htmlClientsUnknown: (unknown, families) =>
    `--html-clients: ${unknown.map((u) => JSON.stringify(u)).join(', ')} matches no client; use family.platform names with * (families: ${families})`,
  dkimKeysUnreadable: (file, reason) => `cannot read the DKIM keys file ${file}: ${reason}`,
  dkimKeysEmpty: (file) => `the DKIM keys file ${file} holds no key records (expected {"selector._domainkey.domain": "v=DKIM1; k=rsa; p=..."})`,
  dkimNeedsKey: '--dkim-selector and --dkim-domain need --dkim-key FILE',
  dkimNeedsSelector: '--dkim-key needs --dkim-selector S',
  dkimKeyUnreadable: (file, reason) => `cannot read the DKIM key ${file}: ${reason}`,
};
