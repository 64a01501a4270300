/**
 * What the local inbox's folder holds, read back for a list: sessions (one
 * `.smtp` transcript each, see inbox.ts) with the messages they stored, each
 * with its Subject, From and To (encoded words decoded, RFC 2047) and the time
 * it was received; newest first. Only the header of each message is read.
 * Also deletes entries, touching only the files the inbox writes.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { decodeEncodedWords } from '../mail/message/encodings';
import type { StoredEnvelope } from './inbox';

/** One stored message. */
export interface InboxMessageEntry {
  /** Path of the `.eml` file. */
  file: string;
  subject: string;
  from: string;
  to: string;
  /** When the inbox received it (the envelope's time, else the file's). */
  received: Date;
  size: number;
}

/** One session: its transcript (when there is one) and the messages it stored, in order. */
export interface InboxSessionEntry {
  /** The name every file of the session starts with. */
  stem: string;
  /** Path of the `.smtp` transcript, if it exists. */
  transcript?: string;
  /** When the session began (from the stem), else its first message's time. */
  started: Date;
  /** Who connected: the EHLO/HELO name and the address, as the transcript's start says. */
  client?: string;
  messages: InboxMessageEntry[];
}

/** Bytes read from the start of a message to find its header fields. */
const HEADER_BYTES = 64 * 1024;

/** `2026-12-03T08-10-07.670Z-<id>` (the inbox's stem) and an optional `-N` of a later message. */
const STEM = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(?:\.\d+)?Z-[0-9a-f]{6,})(?:-(\d+))?$/;

/** The time a stem was made, or undefined for other names. */
function timeOfStem(stem: string): Date | undefined {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d(?:\.\d+)?)Z/.exec(stem);
  if (!m) return undefined;
  const t = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

/** The header fields a list shows, read from the first bytes of a message (unfolded, decoded). */
export function readListFields(head: string): { subject: string; from: string; to: string } {
  // The header ends at the first empty line (RFC 5322 §2.1), which may be the very first.
  const end = head.search(/(?:^|\r?\n)\r?\n/);
  const header = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n(?=[ \t])/g, '');
  const field = (name: string): string => {
    const m = new RegExp(`^${name}[ \\t]*:(.*)$`, 'im').exec(header);
    if (!m) return '';
    return decodeEncodedWords(m[1]!.trim()).text.replace(/\s+/g, ' ');
  };
  return { subject: field('Subject'), from: field('From'), to: field('To') };
}

async function readHead(file: string, bytes = HEADER_BYTES): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function readEnvelope(file: string): Promise<Partial<StoredEnvelope> | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Partial<StoredEnvelope>;
  } catch {
    return undefined;
  }
}

/**
 * Lists the inbox folder: sessions newest first, each with its messages in
 * the order received. `limit` bounds the sessions read (newest kept).
 * A folder that does not exist is an empty inbox.
 */
export async function listInbox(dir: string, limit = 500): Promise<InboxSessionEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const sessions = new Map<string, InboxSessionEntry>();
  const sessionOf = (stem: string): InboxSessionEntry => {
    let s = sessions.get(stem);
    if (!s) {
      s = { stem, started: timeOfStem(stem) ?? new Date(0), messages: [] };
      sessions.set(stem, s);
    }
    return s;
  };
  const emls: string[] = [];
  for (const name of names) {
    if (name.endsWith('.smtp')) sessionOf(name.slice(0, -5)).transcript = join(dir, name);
    else if (name.toLowerCase().endsWith('.eml')) emls.push(name);
  }
  // Messages go to their session by the envelope's transcript name, else by the name's stem.
  const placed = await Promise.all(
    emls.map(async (name) => {
      const file = join(dir, name);
      const stemOfName = name.slice(0, -4);
      const envelope = await readEnvelope(join(dir, `${stemOfName}.envelope.json`));
      const m = STEM.exec(stemOfName);
      const session = envelope?.transcript ? envelope.transcript.replace(/\.smtp$/, '') : m ? m[1]! : stemOfName;
      return { file, session, order: m?.[2] ? Number(m[2]) : 1, envelope };
    }),
  );
  for (const p of placed) sessionOf(p.session);
  const newest = [...sessions.values()];
  // Sessions without a time in their name sort by their messages' times, read below.
  const entries = await Promise.all(
    placed.map(async (p): Promise<[string, number, InboxMessageEntry] | undefined> => {
      try {
        const [head, stat] = await Promise.all([readHead(p.file), fs.stat(p.file)]);
        const t = p.envelope?.time ? new Date(p.envelope.time) : stat.mtime;
        return [p.session, p.order, { file: p.file, ...readListFields(head), received: Number.isNaN(t.getTime()) ? stat.mtime : t, size: stat.size }];
      } catch {
        return undefined; // deleted while listing
      }
    }),
  );
  const orders = new Map<InboxMessageEntry, number>();
  for (const e of entries) {
    if (!e) continue;
    const s = sessions.get(e[0])!;
    s.messages.push(e[2]);
    orders.set(e[2], e[1]);
  }
  for (const s of newest) {
    s.messages.sort((a, b) => orders.get(a)! - orders.get(b)! || a.received.getTime() - b.received.getTime());
    if (s.started.getTime() === 0 && s.messages.length) s.started = s.messages[0]!.received;
  }
  const shown = newest.filter((s) => s.transcript || s.messages.length);
  shown.sort((a, b) => b.started.getTime() - a.started.getTime() || b.stem.localeCompare(a.stem));
  const kept = shown.slice(0, limit);
  await Promise.all(
    kept.map(async (s) => {
      if (!s.transcript) return;
      try {
        s.client = clientOfTranscript(await readHead(s.transcript, 4096));
      } catch {
        // deleted while listing
      }
    }),
  );
  return kept;
}

/** "client.example.org (127.0.0.1)" from the first lines of an inbox transcript. */
export function clientOfTranscript(head: string): string | undefined {
  const address = /^# connection from (\S+?)(?::\d+)? to /m.exec(head)?.[1];
  const name = /^C: (?:EHLO|HELO|LHLO) +(\S+)/im.exec(head)?.[1];
  // An address literal that is the address itself says nothing more.
  if (name && address) return name === `[${address}]` ? name : `${name} (${address})`;
  return name ?? address;
}

/** Deletes a message's `.eml` and `.envelope.json`. */
export async function deleteInboxMessage(file: string): Promise<void> {
  await fs.rm(file, { force: true });
  await fs.rm(file.replace(/\.eml$/i, '.envelope.json'), { force: true });
}

/** Deletes a session: its transcript and every message it stored. */
export async function deleteInboxSession(session: InboxSessionEntry): Promise<void> {
  for (const m of session.messages) await deleteInboxMessage(m.file);
  if (session.transcript) await fs.rm(session.transcript, { force: true });
}

/**
 * Deletes every file the inbox wrote in `dir` (names the inbox makes only:
 * other files in a shared folder stay); returns how many messages went.
 */
export async function clearInbox(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let messages = 0;
  for (const name of names) {
    const m = /^(.*)\.(eml|envelope\.json|smtp|eml\.tmp)$/.exec(name);
    if (!m || !STEM.test(m[1]!)) continue;
    await fs.rm(join(dir, name), { force: true });
    if (m[2] === 'eml') messages++;
  }
  return messages;
}
