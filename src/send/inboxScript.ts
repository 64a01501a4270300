/**
 * A scripted inbox: a `.smtp` transcript read as the server's part to play.
 * Each `C:` line with the `S:` reply that follows it is a rule; a command the
 * client sends takes the first unused rule with its verb and, where the rule
 * gives one, its argument (compared without case and extra spaces); commands
 * no rule matches get the inbox's normal answer. `S:` lines before the first
 * `C:` are the greeting; `C: .` with its reply answers the end of a message.
 * Annotations act on the rule they follow (or the greeting):
 *   `# wait 30s` (or `500ms`)  stall that long before answering;
 *   `# close`                  drop the connection: right away when the rule
 *                              has no reply, after the reply otherwise.
 * A DATA body in the script (between `S: 354` and `C: .`) is ignored.
 *
 * A script is validated as a transcript before use: a line that is not
 * `C:`/`S:`/`#`, a malformed reply, or a reply RFC 5321 §4.3.2 does not allow
 * after its command makes it unusable, with those problems as the reason.
 */
import type { Problem } from '../mail/codes';
import type { CoreBundle } from '../mail/i18n';
import { ENGLISH_TRANSCRIPT_MESSAGES } from '../mail/transcript/messages';
import { validateTranscript } from '../mail/transcript/validate';

/** One scripted answer. */
export interface ScriptRule {
  /** Upper-case verb, `.` for the end of a message, `` for the greeting. */
  verb: string;
  /** The argument to match (normalised), when the script gives one. */
  argument?: string;
  /** Reply code and the text of each reply line; none when the rule only waits or closes. */
  code?: number;
  texts: string[];
  /** Stall before answering. */
  waitMs: number;
  /** Drop the connection (after the reply, if any). */
  close: boolean;
  /** 1-based line of the script where the rule starts. */
  line: number;
}

/** A validated script. */
export interface InboxScript {
  greeting?: ScriptRule;
  rules: ScriptRule[];
}

/** Problems that make a script unusable: it could not be read as the server's part. */
const REFUSING = new Set(['line-prefix', 'reply-code-invalid', 'multiline-reply', 'reply-unexpected']);

/** Longest stall a script may ask for (1 hour): longer is surely a typo. */
const MAX_WAIT_MS = 60 * 60 * 1000;

/** An argument as rules compare it: without case and extra spaces. */
export const normalise = (argument: string): string => argument.trim().replace(/\s+/g, ' ').toUpperCase();

/**
 * Reads and validates a script. `problems` are those that refuse it (empty
 * when `script` is given); positions are offsets into `text` as everywhere.
 * The problems are written with `l10n` (English when absent).
 */
export function loadInboxScript(text: string, l10n?: CoreBundle): { script?: InboxScript; problems: Problem[] } {
  const problems = validateTranscript(text, { skipMessages: true, l10n }).filter((p) => REFUSING.has(p.code));
  const messages = l10n?.transcriptMessages ?? ENGLISH_TRANSCRIPT_MESSAGES;
  const own: Problem[] = [];
  const rules: ScriptRule[] = [];
  let greeting: ScriptRule | undefined;
  let current: ScriptRule | undefined;
  let inBody = false;
  let offset = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const at = offset;
    offset += raw.length + (text.startsWith('\r\n', at + raw.length) ? 2 : 1);
    const m = /^([CS]):(?: (.*))?$/.exec(raw);
    if (m) {
      const content = m[2] ?? '';
      if (m[1] === 'C') {
        if (inBody) {
          if (content !== '.') continue;
          inBody = false;
        }
        const verb = content === '.' ? '.' : (/^\S+/.exec(content)?.[0] ?? '').toUpperCase();
        const argument = content === '.' ? undefined : content.slice(verb.length).trim();
        current = { verb, texts: [], waitMs: 0, close: false, line: i + 1, ...(argument ? { argument: normalise(argument) } : {}) };
        rules.push(current);
      } else {
        const target = current ?? (greeting ??= { verb: '', texts: [], waitMs: 0, close: false, line: i + 1 });
        const reply = /^(\d{3})(?:[ -](.*))?$/.exec(content);
        if (!reply) continue; // reported by the validator
        target.code ??= Number(reply[1]);
        target.texts.push(reply[2] ?? '');
        if (target.verb === 'DATA' && target.code === 354) inBody = true;
      }
      continue;
    }
    const note = /^#\s*(.*?)\s*$/.exec(raw)?.[1];
    if (note === undefined) continue;
    const target = current ?? (greeting ??= { verb: '', texts: [], waitMs: 0, close: false, line: i + 1 });
    const wait = /^wait\s+(\d+(?:\.\d+)?)\s*(ms|s|m)$/i.exec(note);
    if (wait) {
      const ms = Number(wait[1]) * (wait[2]!.toLowerCase() === 'ms' ? 1 : wait[2]!.toLowerCase() === 's' ? 1000 : 60_000);
      if (ms > MAX_WAIT_MS) own.push({ code: 'command-syntax', severity: 'error', offset: at, length: raw.length, message: messages.scriptWaitTooLong(`${wait[1]}${wait[2]}`) });
      else target.waitMs = ms;
    } else if (/^close$/i.test(note)) {
      target.close = true;
    }
  }
  const all = [...problems, ...own].sort((a, b) => a.offset - b.offset);
  if (all.length) return { problems: all };
  return { script: { ...(greeting ? { greeting } : {}), rules }, problems: [] };
}
