/**
 * The decisions behind the Send command, free of `vscode` so node:test can
 * check them: reading server profiles from settings, whether diagnostics or
 * envelope problems stop a send, and the words shown for a result.
 * `sendCommands.ts` wires these to the VS Code UI.
 */
import { readDkimProfile } from './dkimProfile';
import type { Security, SendResult, SendStage, SmtpProfile } from '../send/types';
import { MAX_TIMER_MS } from '../send/limits';
import { messageAt, unquoteFromLines, type MboxMessage } from '../mail/mbox/split';
import { t } from './l10n';

/** Name under which the built-in local test inbox appears in pickers and messages. */
export const LOCAL_INBOX_PROFILE_NAME = 'Local test inbox';

/** SecretStorage key of a profile's password (never a setting, never logged). */
export function secretKeyFor(profileName: string): string {
  return `smtpEml.password/${profileName}`;
}

const SECURITIES: readonly Security[] = ['starttls', 'tls', 'none'];

/** Result of reading `smtpEml.servers`: the usable profiles and what was wrong with the rest. */
export interface ProfileReading {
  profiles: SmtpProfile[];
  problems: string[];
}

/**
 * Reads the `smtpEml.servers` setting (any JSON a user may have typed) into
 * profiles. Entries without a name or host are skipped with a problem; unknown
 * keys are ignored; a `password` key is refused (passwords live only in
 * SecretStorage) and reported.
 */
export function readProfiles(raw: unknown): ProfileReading {
  const profiles: SmtpProfile[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { profiles, problems };
  if (!Array.isArray(raw)) return { profiles, problems: ['smtpEml.servers must be an array of server profiles.'] };
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const where = `smtpEml.servers[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where} is not an object.`);
      return;
    }
    const e = entry as Record<string, unknown>;
    const name = typeof e.name === 'string' ? e.name.trim() : '';
    const host = typeof e.host === 'string' ? e.host.trim() : '';
    if (!name) return void problems.push(`${where} has no "name".`);
    if (!host) return void problems.push(`${where} ("${name}") has no "host".`);
    if (seen.has(name)) return void problems.push(`${where}: a second profile named "${name}" is ignored.`);
    if ('password' in e) problems.push(`${where} ("${name}") has a "password" key; it is ignored. Use the command "SMTP & EML: Set Server Password" (stored in SecretStorage).`);
    seen.add(name);
    const profile: SmtpProfile = { name, host };
    if (e.port !== undefined) {
      if (typeof e.port === 'number' && Number.isInteger(e.port) && e.port > 0 && e.port < 65536) profile.port = e.port;
      else problems.push(`${where} ("${name}"): port must be a number from 1 to 65535.`);
    }
    if (e.security !== undefined) {
      if (typeof e.security === 'string' && (SECURITIES as readonly string[]).includes(e.security)) profile.security = e.security as Security;
      else problems.push(`${where} ("${name}"): security must be one of ${SECURITIES.join(', ')}.`);
    }
    if (typeof e.user === 'string' && e.user) profile.user = e.user;
    if (e.auth !== undefined && e.auth !== 'password') {
      if (e.auth !== 'oauth2') problems.push(`${where} ("${name}"): auth must be "password" or "oauth2".`);
      else if (typeof e.tokenCommand !== 'string' || !e.tokenCommand.trim()) problems.push(`${where} ("${name}"): auth "oauth2" needs a "tokenCommand" that prints an access token.`);
      else if (!profile.user) problems.push(`${where} ("${name}"): auth "oauth2" needs a "user" (the account the token is for).`);
      else {
        profile.auth = 'oauth2';
        profile.tokenCommand = e.tokenCommand;
      }
    }
    // TLS certificates are verified unless a profile turns it off explicitly.
    profile.rejectUnauthorized = e.rejectUnauthorized !== false;
    // A password in the clear only when a profile asks for it explicitly.
    if (e.allowCleartextAuth === true) profile.allowCleartextAuth = true;
    for (const key of ['caFile', 'clientName', 'from'] as const) {
      if (typeof e[key] === 'string' && e[key]) profile[key] = e[key] as string;
    }
    for (const key of ['connectionTimeout', 'greetingTimeout', 'socketTimeout'] as const) {
      const v = e[key];
      if (v === undefined) continue;
      // Node's timers hold at most 2^31-1 ms; a longer one would fire at once.
      if (typeof v === 'number' && v > 0 && v <= MAX_TIMER_MS) profile[key] = v;
      else problems.push(`${where} ("${name}"): ${key} must be a number of milliseconds from 1 to ${MAX_TIMER_MS}.`);
    }
    const dkim = readDkimProfile(e, where, problems);
    if (dkim) profile.dkim = dkim;
    profiles.push(profile);
  });
  return { profiles, problems };
}

/** Which server a Send goes to. */
export type ProfileChoice =
  | { kind: 'profile'; profile: SmtpProfile }
  | { kind: 'local-inbox' }
  | { kind: 'ask'; profiles: SmtpProfile[] }
  | { kind: 'unknown-default'; name: string; profiles: SmtpProfile[] };

/**
 * Picks the server: the named default if set, the only profile if there is
 * one, the local test inbox if there are none, otherwise ask.
 */
export function chooseProfile(profiles: readonly SmtpProfile[], defaultServer: string | undefined): ProfileChoice {
  const wanted = defaultServer?.trim();
  if (wanted) {
    if (wanted === LOCAL_INBOX_PROFILE_NAME) return { kind: 'local-inbox' };
    const found = profiles.find((p) => p.name === wanted);
    if (found) return { kind: 'profile', profile: found };
    return { kind: 'unknown-default', name: wanted, profiles: [...profiles] };
  }
  if (profiles.length === 0) return { kind: 'local-inbox' };
  if (profiles.length === 1) return { kind: 'profile', profile: profiles[0]! };
  return { kind: 'ask', profiles: [...profiles] };
}

/** A diagnostic as the client sees it, reduced to what the decision needs. */
export interface DiagnosticSummary {
  severity: 'error' | 'warning' | 'information' | 'hint';
  code?: string;
  message: string;
  /** Zero-based line. */
  line: number;
}

/** What to do before sending. */
export type SendGate =
  | { kind: 'go' }
  | { kind: 'stop'; message: string }
  | {
      kind: 'confirm';
      /** The whole decision in one line (for results and logs). */
      message: string;
      /** The short question of the modal dialog, and its list of errors (one per line). */
      question: string;
      detail: string;
      errors: DiagnosticSummary[];
      /** Codes of missing fields a mail client fills in on send (Date, Message-ID) found in the message. */
      fillable: string[];
    };

/**
 * Missing fields a mail client adds when it sends (RFC 5322 §3.6: Date is
 * required, Message-ID recommended): Send offers to add them instead of failing.
 */
export const FILLABLE_CODES: readonly string[] = ['missing-date', 'missing-message-id'];

/**
 * Decides whether a message may be sent. Envelope problems (no From, no
 * recipient) always stop it: there is nothing to put in MAIL FROM / RCPT TO.
 * Error diagnostics ask the user (Show Problems / Send Anyway); warnings do not.
 */
export function gateSend(
  envelope: { from?: string; to: readonly string[]; problems: readonly string[] },
  diagnostics: readonly DiagnosticSummary[],
): SendGate {
  if (envelope.problems.length > 0 || !envelope.from || envelope.to.length === 0) {
    const reasons = [...envelope.problems];
    // The envelope names every reason it has, in the user's language (a missing sender or recipient included);
    // these two cover an envelope that came without reasons.
    if (!envelope.problems.length && !envelope.from) reasons.push(t('The message has no From address.'));
    if (!envelope.problems.length && envelope.to.length === 0) reasons.push(t('The message has no recipient (To, Cc or Bcc).'));
    return { kind: 'stop', message: t('Nothing was sent. {0}', reasons.join(' ')) };
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return { kind: 'go' };
  const first = errors
    .slice(0, 3)
    .map((d) => `${t('line {0}', d.line + 1)}${d.code ? ` [${d.code}]` : ''}: ${d.message}`)
    .join('; ');
  const more = errors.length > 3 ? t(' and {0} more', errors.length - 3) : '';
  // The modal dialog asks a short question and lists the errors under it, one per line.
  const listed = errors.slice(0, 5).map((d) => (d.code ? t('Line {0} [{1}]: {2}', d.line + 1, d.code, d.message) : t('Line {0}: {1}', d.line + 1, d.message)));
  if (errors.length > 5) listed.push(t('… and {0} more', errors.length - 5));
  return {
    kind: 'confirm',
    errors,
    fillable: FILLABLE_CODES.filter((code) => diagnostics.some((d) => d.code === code)),
    message:
      errors.length === 1
        ? t('The message has 1 error ({0}). Send it anyway?', `${first}${more}`)
        : t('The message has {0} errors ({1}). Send it anyway?', errors.length, `${first}${more}`),
    question: errors.length === 1 ? t('The message has 1 error. Send it anyway?') : t('The message has {0} errors. Send it anyway?', errors.length),
    detail: listed.join('\n'),
  };
}

// Functions, so the text is looked up in the active language when shown.
const STAGE_LABELS: Record<SendStage, () => string> = {
  connecting: () => t('Connecting'),
  tls: () => t('Starting TLS'),
  auth: () => t('Authenticating (AUTH)'),
  sender: () => t('Sending MAIL FROM'),
  recipients: () => t('Sending recipients (RCPT TO)'),
  data: () => t('Transmitting the message (DATA)'),
  quit: () => t('Closing (QUIT)'),
};

/** Progress text for a send stage. */
export function describeStage(stage: SendStage): string {
  return STAGE_LABELS[stage]?.() ?? stage;
}

/** The words shown when a send ends. */
export interface ResultSummary {
  ok: boolean;
  /** One line for the notification. */
  message: string;
  /** Lines for the log (per-recipient results). */
  details: string[];
}

function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * Formats a send result for a person: on success the server's final reply,
 * the queue id and who was accepted or refused; on failure the stage, the
 * refused recipients with their replies, and the error in plain words.
 */
export function summarizeResult(result: SendResult, serverName: string): ResultSummary {
  const details = result.recipients.map((r) => `${r.accepted ? 'accepted' : 'refused'} ${r.address}: ${oneLine(r.reply)}`);
  const refused = result.recipients.filter((r) => !r.accepted);
  const accepted = result.recipients.filter((r) => r.accepted);
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  if (result.ok) {
    const parts = [t('Sent via {0} to {1}', serverName, accepted.map((r) => r.address).join(', ') || result.envelope.to.join(', '))];
    if (result.queueId) parts.push(t('queue id {0}', result.queueId));
    if (result.response) parts.push(t('server: "{0}"', oneLine(result.response)));
    let message = parts.join('; ');
    if (refused.length) message += t('. Refused: {0}', refused.map((r) => `${r.address} (${oneLine(r.reply)})`).join(', '));
    return { ok: true, message: `${message} (${seconds} s).`, details };
  }
  const error = result.error;
  const stage = describeStage(error?.stage ?? result.stage).toLowerCase();
  let message = t('Sending via {0} failed while {1}', serverName, stage.replace(/^sending /, 'sending '));
  if (refused.length) {
    message += `: ${refused.map((r) => t('{0} was refused ({1})', r.address, oneLine(r.reply))).join(', ')}`;
    if (error?.message && !refused.some((r) => error.message.includes(r.address))) message += `. ${oneLine(error.message)}`;
  } else if (error) {
    message += `: ${oneLine(error.message)}`;
    if (error.reply && !error.message.includes(oneLine(error.reply))) message += ` (${t('server: "{0}"', oneLine(error.reply))})`;
  }
  return { ok: false, message: `${message}.`.replace(/\.\.$/, '.'), details };
}

/** VS Code's limits for a file opened in an editor (above them it refuses or stops syncing the document). */
export const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;
export const TOKENIZATION_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * Why a large `.eml`/`.smtp` file shows no diagnostics or no colours, or
 * undefined when it is small enough for both.
 */
export function largeFileNotice(sizeBytes: number): { text: string; tooltip: string; diagnostics: boolean } | undefined {
  const mb = (sizeBytes / (1024 * 1024)).toFixed(1);
  if (sizeBytes > SYNC_LIMIT_BYTES) {
    return {
      text: `$(warning) ${t('No diagnostics: {0} MB file', mb)}`,
      tooltip: t('VS Code does not give files over 50 MB to extensions, so this {0} MB file is not validated. Use the CLI instead: npx smtp-eml check <file>.', mb),
      diagnostics: false,
    };
  }
  if (sizeBytes > TOKENIZATION_LIMIT_BYTES) {
    return {
      text: `$(info) ${t('No highlighting: {0} MB file', mb)}`,
      tooltip: t('VS Code turns off syntax highlighting for files over 20 MB (editor.largeFileOptimizations); diagnostics still arrive.'),
      diagnostics: true,
    };
  }
  return undefined;
}

/** Which message of a mailbox document Send acts on. */
export type MailboxChoice =
  /** The document is one message: send it as it is. */
  | { kind: 'whole' }
  /** One message of the mailbox (0-based index). */
  | { kind: 'message'; index: number }
  /** The cursors and selections do not name one message: ask, offering `preselect` first. */
  | { kind: 'ask'; preselect?: number };

/**
 * Decides which message of a mailbox Send acts on: the one every selection
 * lies in; `wanted` (1-based, from a caller) wins; anything else asks.
 * `selections` are offset spans (a cursor is an empty span).
 */
export function chooseMailboxMessage(
  messages: readonly MboxMessage[],
  selections: ReadonlyArray<{ start: number; end: number }>,
  wanted?: number,
): MailboxChoice {
  if (messages.length < 2) return { kind: 'whole' };
  if (wanted !== undefined) return wanted >= 1 && wanted <= messages.length ? { kind: 'message', index: wanted - 1 } : { kind: 'ask' };
  const hit = new Set<number | undefined>();
  for (const s of selections) {
    hit.add(messageAt(messages, s.start)?.index);
    hit.add(messageAt(messages, s.end)?.index);
  }
  const only = hit.size === 1 ? [...hit][0] : undefined;
  if (only !== undefined) return { kind: 'message', index: only };
  const first = selections.length ? messageAt(messages, selections[0].start)?.index : undefined;
  return first === undefined ? { kind: 'ask' } : { kind: 'ask', preselect: first };
}

/** The message as it is sent: without its "From " separator line, mboxrd quoting undone. */
export function mailboxMessageText(text: string, message: MboxMessage): string {
  return unquoteFromLines(text.slice(message.headerOffset, message.end));
}
