/**
 * DKIM public keys for the server's validation: the keys file named by the
 * `smtpEml.dkim.keys` setting (or given inline), and DNS only when
 * `smtpEml.dkim.dnsLookups` is on. Lookups answer at once from what is at
 * hand; a DNS query runs in the background and, when it answers, asks the
 * server to validate again (a linter must not wait on, or phone home at,
 * every keystroke).
 */
import { promises as dns } from 'node:dns';
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeKeyName, readKeysJson, type KeyAnswer, type KeyLookup } from '../mail/auth/keys';
import type { FeatureContext } from './features';

/** The keys file looked for beside a document when the setting names none. */
export const DEFAULT_KEYS_FILE = 'dkim-keys.json';

/** DNS answers kept (oldest dropped first), and for how long. */
const DNS_CACHE_SIZE = 1000;
const DNS_TTL_MS = 60 * 60 * 1000;
const DNS_TIMEOUT_MS = 5000;

type DnsEntry = { at: number; answer: KeyAnswer };

/** How TXT records are fetched: Node's resolver, or a stand-in (tests; a server embedding its own resolver). */
let resolveTxt: (name: string) => Promise<string[][]> = (name) => dns.resolveTxt(name);

/** Replaces the TXT resolver and forgets every cached answer; returns the previous resolver. */
export function setTxtResolver(resolver: (name: string) => Promise<string[][]>): (name: string) => Promise<string[][]> {
  const previous = resolveTxt;
  resolveTxt = resolver;
  dnsCache.clear();
  return previous;
}
const dnsCache = new Map<string, DnsEntry>();
/** How many DNS answers have arrived (part of the lookup's version). */
let dnsAnswers = 0;
/** Called when a pending DNS answer arrives. */
const dnsListeners = new Set<() => void>();

/** Resolves `name`'s TXT record in the background; `refresh` runs when it answers. */
function dnsLookup(name: string, refresh: () => void): KeyAnswer {
  const key = normalizeKeyName(name);
  const hit = dnsCache.get(key);
  if (hit && (hit.answer as { missing?: string }).missing === 'pending') {
    dnsListeners.add(refresh);
    return hit.answer;
  }
  if (hit && Date.now() - hit.at < DNS_TTL_MS) return hit.answer;
  dnsCache.delete(key);
  if (dnsCache.size >= DNS_CACHE_SIZE) dnsCache.delete(dnsCache.keys().next().value as string);
  const pending: KeyAnswer = { missing: 'pending' };
  dnsCache.set(key, { at: Date.now(), answer: pending });
  dnsListeners.add(refresh);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), DNS_TIMEOUT_MS).unref());
  void Promise.race([resolveTxt(key), timeout])
    .then((records): KeyAnswer => {
      const texts = records.map((r) => r.join(''));
      const record = texts.find((t) => /(^|;)\s*p=/.test(t)) ?? texts[0];
      return record !== undefined ? { record } : { missing: 'not-found' };
    })
    .catch((err: NodeJS.ErrnoException): KeyAnswer => (err.code === 'ENOTFOUND' || err.code === 'ENODATA' ? { missing: 'not-found' } : { missing: 'failed', error: err.code ?? err.message }))
    .then((answer) => {
      dnsCache.set(key, { at: Date.now(), answer });
      dnsAnswers++;
      const listeners = [...dnsListeners];
      dnsListeners.clear();
      for (const l of listeners) l();
    });
  return pending;
}

/** A keys file read once per change on disk. */
const fileCache = new Map<string, { mtimeMs: number; size: number; records: Map<string, string>; error?: string }>();

function readKeysFile(path: string): { records: Map<string, string>; error?: string } {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { records: new Map(), error: 'not found' };
  }
  const hit = fileCache.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
  let entry: { mtimeMs: number; size: number; records: Map<string, string>; error?: string };
  try {
    if (stat.size > 16 * 1024 * 1024) throw new Error('larger than 16 MB');
    entry = { mtimeMs: stat.mtimeMs, size: stat.size, records: readKeysJson(JSON.parse(readFileSync(path, 'utf8'))).records };
  } catch (e) {
    entry = { mtimeMs: stat.mtimeMs, size: stat.size, records: new Map<string, string>(), error: (e as Error).message };
  }
  if (fileCache.size >= 64) fileCache.delete(fileCache.keys().next().value as string);
  fileCache.set(path, entry);
  return entry;
}

/** Finds a relative keys path from the document's folder upwards (so a workspace-relative path works anywhere in it). */
function findUpwards(start: string, relative: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 32; i++) {
    const candidate = join(dir, relative);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The folder of a `file:` document, else undefined (an unsaved or remote document). */
function documentFolder(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * The key lookup for a document, and a version string that changes whenever
 * its answers may. One per document version and DKIM settings, so validation,
 * hover, outline and lenses share one verification.
 */
export function keyLookupOf(ctx: FeatureContext): { keys: KeyLookup; version: string } {
  const settings = JSON.stringify(ctx.settings.dkim);
  return ctx.memo(`auth.keys:${settings}`, () => makeKeyLookup(ctx, settings));
}

function makeKeyLookup(ctx: FeatureContext, settings: string): { keys: KeyLookup; version: string } {
  const { keys: setting, dnsLookups } = ctx.settings.dkim;
  // Read on the first lookup: a document without signatures never touches the disk.
  let records: Map<string, string> | undefined;
  const recordsOf = (): Map<string, string> => {
    if (records) return records;
    if (setting && typeof setting === 'object') return (records = readKeysJson(setting).records);
    const folder = documentFolder(ctx.document.uri);
    let path: string | undefined;
    if (typeof setting === 'string' && setting.trim()) {
      const p = setting.trim().replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
      path = isAbsolute(p) ? p : folder ? (findUpwards(folder, p) ?? resolve(folder, p)) : undefined;
    } else if (folder) path = findUpwards(folder, DEFAULT_KEYS_FILE);
    return (records = path ? readKeysFile(path).records : new Map());
  };
  const refresh = ctx.refresh ?? ((): void => undefined);
  const keys: KeyLookup = {
    lookup(name: string): KeyAnswer {
      const record = recordsOf().get(normalizeKeyName(name));
      if (record !== undefined) return { record };
      return dnsLookups ? dnsLookup(name, refresh) : { missing: 'unknown' };
    },
  };
  // DNS answers change what a lookup says: count them into the version.
  return { keys, version: `${settings}${dnsLookups ? `|dns:${dnsAnswers}` : ''}` };
}
