/**
 * DKIM (RFC 6376) and ARC (RFC 8617) verification of a parsed message, offline
 * and synchronous: body hashes need no key; signatures are checked with keys a
 * `KeyLookup` has at hand. Gives the catalogue's codes `dkim-signature-syntax`,
 * `dkim-body-hash-mismatch`, `dkim-signature-invalid`, `dkim-key-unavailable`
 * and `arc-chain-invalid`, and a report per signature for hovers, the outline
 * and code lenses.
 */
import { constants, createHash, publicDecrypt, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { problem, type Problem } from '../codes';
import type { HeaderField, MimePart, ParsedMessage } from '../message/model';
import { walkParts } from '../message/model';
import { canonicalizeField, hashBody, type BodyHash, type Canonicalization, type TextEncoding } from './canonical';
import { parseKeyRecord, type KeyAnswer, type KeyLookup, type ParsedKey } from './keys';
import { ENGLISH_AUTH_MESSAGES, type AuthMessageTable } from './messages';
import type { CoreBundle } from '../i18n';
import { parseTagList, type Tag, type TagList } from './tags';

/** Options of `authenticate`. */
export interface AuthOptions {
  /** Where public keys come from; without it every key is unknown (body hashes are still checked). */
  keys?: KeyLookup;
  /** How the text became a string (see `MessageValidationOptions.textEncoding`). */
  textEncoding?: TextEncoding;
  /** The locale bundle the problems are written with (../i18n.ts); English when absent. */
  l10n?: CoreBundle;
}

/** The outcome of one signature, as the code lens says it. */
export type SignatureStatus = 'pass' | 'body-changed' | 'signature-invalid' | 'key-unavailable' | 'malformed';

/** Which header field carries a signature. */
export type SignatureKind = 'dkim' | 'arc-message' | 'arc-seal';

/** One checked signature (a DKIM-Signature, an ARC-Message-Signature or an ARC-Seal). */
export interface SignatureReport {
  kind: SignatureKind;
  field: HeaderField;
  tags: TagList;
  status: SignatureStatus;
  /** The ARC instance (i=) of an ARC signature. */
  instance?: number;
  domain?: string;
  selector?: string;
  algorithm?: string;
  headerCanon?: Canonicalization;
  bodyCanon?: Canonicalization;
  /** h= split, as written. */
  signedFields: string[];
  /** l= when present. */
  bodyLength?: number;
  signedAt?: Date;
  expiresAt?: Date;
  /** The body hash computed now (base64), when it was computed. */
  bodyHash?: BodyHash;
  /** `selector._domainkey.domain`. */
  keyName?: string;
  /** What the key lookup answered. */
  keyAnswer?: KeyAnswer;
  /** The key's type and size when one was read. */
  keyInfo?: { type: 'rsa' | 'ed25519'; bits?: number; testing: boolean };
  /** The problem this signature gave, if any (its message explains the status). */
  problem?: Problem;
}

/** One ARC set (RFC 8617 §4.1): the three fields sharing an instance number. */
export interface ArcSet {
  instance: number;
  seal?: HeaderField;
  messageSignature?: HeaderField;
  results?: HeaderField;
  /** The seal's cv= value, lower-cased. */
  cv?: string;
}

/** The ARC chain of a message. */
export interface ArcReport {
  sets: ArcSet[];
  /** `pass`: structure sound and every signature checked passed; `fail`: broken; `unverified`: sound, but some key was not at hand. */
  status: 'pass' | 'fail' | 'unverified';
  /** The newest set's ARC-Message-Signature and every ARC-Seal, when the structure allowed checking them. */
  signatures: SignatureReport[];
  problem?: Problem;
}

/** Authentication of one message (the whole document, or a message/rfc822 part). */
export interface MessageAuth {
  part: MimePart;
  dkim: SignatureReport[];
  arc?: ArcReport;
}

/** Everything `authenticate` found. */
export interface AuthReport {
  messages: MessageAuth[];
  problems: Problem[];
}

/** DKIM signatures checked per message; real mail carries a handful, a hostile file may carry thousands. */
export const MAX_SIGNATURES = 20;

const ARC_FIELDS = new Set(['arc-seal', 'arc-message-signature', 'arc-authentication-results']);

/** True when the part's header has a field this module checks (cheap: no parsing, no hashing). */
export function hasAuthFields(part: MimePart): boolean {
  for (const h of part.headers) {
    const n = h.name.length;
    // ARC-Seal 8, DKIM-Signature 14, ARC-Message-Signature 21, ARC-Authentication-Results 26:
    // other lengths are not lower-cased at all.
    if ((n === 8 || n === 14 || n === 21 || n === 26) && isAuthName(h.name.toLowerCase())) return true;
  }
  return false;
}

const isAuthName = (lower: string): boolean => lower === 'dkim-signature' || ARC_FIELDS.has(lower);

const EMPTY: AuthReport = { messages: [], problems: [] };

/** A cache per parse and key lookup, so validation, hover, outline and lenses share one verification. */
const cache = new WeakMap<ParsedMessage, { keys: KeyLookup | undefined; encoding: TextEncoding; messages: AuthMessageTable; report: AuthReport }>();

/**
 * Verifies every DKIM signature and ARC chain of the message and of each
 * message/rfc822 part in it. A message without such fields costs one look at
 * its field names.
 */
export function authenticate(parsed: ParsedMessage, options: AuthOptions = {}): AuthReport {
  const encoding = options.textEncoding ?? 'utf8';
  const messageTable = options.l10n?.auth ?? ENGLISH_AUTH_MESSAGES;
  const hit = cache.get(parsed);
  // The report's problems are written in one language: a call in another verifies afresh.
  if (hit && hit.keys === options.keys && hit.encoding === encoding && hit.messages === messageTable) return hit.report;
  const messages: MessageAuth[] = [];
  walkParts(parsed.root, (part) => {
    if (part.isMessage && hasAuthFields(part)) messages.push(authenticatePart(parsed.text, part, options.keys, encoding, messageTable));
  });
  if (!messages.length) return EMPTY;
  const problems: Problem[] = [];
  for (const m of messages) {
    for (const s of m.dkim) if (s.problem) problems.push(s.problem);
    if (m.arc) {
      if (m.arc.problem) problems.push(m.arc.problem);
      for (const s of m.arc.signatures) if (s.problem?.code === 'dkim-key-unavailable') problems.push(s.problem);
    }
  }
  const report = { messages, problems };
  cache.set(parsed, { keys: options.keys, encoding, messages: messageTable, report });
  return report;
}

/** The octets of a message part, as its two pieces of text. */
interface MessageText {
  text: string;
  part: MimePart;
  encoding: TextEncoding;
  /** Lower-cased field name → indices into part.headers, in order. */
  byName: Map<string, number[]>;
  /** Body hashes by canonicalization, algorithm and l=, computed once. */
  bodyHashes: Map<string, BodyHash>;
  /** The problems' texts (the call's locale bundle). */
  messages: AuthMessageTable;
}

function authenticatePart(text: string, part: MimePart, keys: KeyLookup | undefined, encoding: TextEncoding, messages: AuthMessageTable): MessageAuth {
  const byName = new Map<string, number[]>();
  part.headers.forEach((h, i) => {
    const n = h.name.toLowerCase();
    const list = byName.get(n);
    if (list) list.push(i);
    else byName.set(n, [i]);
  });
  const msg: MessageText = { text, part, encoding, byName, bodyHashes: new Map(), messages };
  // The newest signatures (top first), at most MAX_SIGNATURES: each distinct c=/l= costs a pass over the body.
  const dkim = (byName.get('dkim-signature') ?? []).slice(0, MAX_SIGNATURES).map((i) => verifySignature(msg, part.headers[i], 'dkim', keys));
  const hasArc = [...ARC_FIELDS].some((n) => byName.has(n));
  return { part, dkim, arc: hasArc ? verifyArc(msg, keys) : undefined };
}

// ---------------------------------------------------------------- signatures

const REQUIRED: Record<SignatureKind, string[]> = {
  dkim: ['v', 'a', 'b', 'bh', 'd', 'h', 's'],
  'arc-message': ['i', 'a', 'b', 'bh', 'd', 'h', 's'],
  'arc-seal': ['i', 'a', 'b', 'cv', 'd', 's'],
};

/** The span a problem about a tag points to (its name and value), or the field name. */
const spanOf = (field: HeaderField, tag?: Tag): { offset: number; length: number } =>
  tag ? { offset: tag.offset, length: Math.max(1, tag.end - tag.offset) } : { offset: field.nameOffset, length: field.nameLength };

function fieldRaw(msg: MessageText, field: HeaderField): string {
  return msg.text.slice(field.offset, field.end);
}

/** Reads the tags every signature shares; returns the report with `malformed` set when it cannot be checked. */
function readSignature(msg: MessageText, field: HeaderField, kind: SignatureKind): { report: SignatureReport; syntax?: { message: string; tag?: Tag } } {
  const M = msg.messages;
  const valueFrom = field.colonOffset >= 0 ? field.valueOffset : field.end;
  const tags = parseTagList(msg.text, valueFrom, field.end);
  const get = (name: string): string | undefined => tags.byName.get(name)?.value;
  const report: SignatureReport = { kind, field, tags, status: 'malformed', signedFields: (get('h') ?? '').split(':').filter((s) => s) };
  report.domain = get('d');
  report.selector = get('s');
  report.algorithm = get('a')?.toLowerCase();
  const fail = (message: string, tag?: Tag) => ({ report, syntax: { message, tag } });
  const first = tags.problems[0];
  if (first) {
    if (first.kind === 'duplicate') return fail(M['syntax-tag-duplicate'](first.name), tags.byName.get(first.name));
    return fail(M['syntax-tag-malformed'](first.text), { name: '', value: '', offset: first.offset, end: first.offset + first.length, valueOffset: first.offset, blankFrom: first.offset, blankTo: first.offset });
  }
  for (const name of REQUIRED[kind]) if (!tags.byName.has(name)) return fail(M['syntax-tag-missing'](name));
  if (kind === 'dkim' && get('v') !== '1') return fail(M['syntax-version'](get('v') ?? ''), tags.byName.get('v'));
  if (kind !== 'dkim') {
    const i = get('i') ?? '';
    const n = /^\d{1,2}$/.test(i) ? Number(i) : NaN;
    if (!(n >= 1 && n <= 50)) return fail(M['arc-instance-bad'](i), tags.byName.get('i'));
    report.instance = n;
  }
  if (!report.algorithm || !['rsa-sha256', 'rsa-sha1', 'ed25519-sha256'].includes(report.algorithm) || (kind !== 'dkim' && report.algorithm === 'rsa-sha1')) {
    return fail(M['syntax-algorithm'](get('a') ?? ''), tags.byName.get('a'));
  }
  if (kind !== 'arc-seal') {
    const c = (get('c') ?? (kind === 'dkim' ? 'simple/simple' : 'relaxed/relaxed')).toLowerCase();
    const [hc, bc = 'simple'] = c.split('/');
    if ((hc !== 'simple' && hc !== 'relaxed') || (bc !== 'simple' && bc !== 'relaxed') || c.split('/').length > 2) return fail(M['syntax-canonicalization'](get('c') ?? ''), tags.byName.get('c'));
    report.headerCanon = hc;
    report.bodyCanon = bc;
    // RFC 6376 §5.4: From MUST be signed.
    if (kind === 'dkim' && !report.signedFields.some((f) => f.trim().toLowerCase() === 'from')) return fail(M['syntax-no-from'](), tags.byName.get('h'));
  } else {
    report.headerCanon = 'relaxed';
    report.bodyCanon = 'relaxed';
  }
  for (const name of ['l', 't', 'x']) {
    const tag = tags.byName.get(name);
    if (tag && !/^\d{1,76}$/.test(tag.value)) return fail(M['syntax-number'](name, tag.value), tag);
  }
  if (get('l') !== undefined) report.bodyLength = Number(get('l'));
  if (get('t') !== undefined) report.signedAt = new Date(Number(get('t')) * 1000);
  if (get('x') !== undefined) report.expiresAt = new Date(Number(get('x')) * 1000);
  if (report.signedAt && report.expiresAt && report.expiresAt <= report.signedAt) return fail(M['syntax-expiry'](), tags.byName.get('x'));
  for (const name of ['b', 'bh']) {
    const tag = tags.byName.get(name);
    if (tag && !/^[A-Za-z0-9+/]*={0,2}$/.test(tag.value)) return fail(M['syntax-base64'](name), tag);
  }
  const identity = get('i');
  if (kind === 'dkim' && identity !== undefined && report.domain) {
    // RFC 6376 §6.1.1: the domain of i= must be d= or a subdomain of it.
    const iDomain = identity.slice(identity.lastIndexOf('@') + 1).toLowerCase();
    const d = report.domain.toLowerCase();
    if (iDomain !== d && !iDomain.endsWith(`.${d}`)) return fail(M['syntax-identity'](identity, report.domain), tags.byName.get('i'));
  }
  report.keyName = `${report.selector}._domainkey.${report.domain}`;
  return { report };
}

function bodyHashOf(msg: MessageText, canon: Canonicalization, algorithm: 'sha256' | 'sha1', limit: number | undefined): BodyHash {
  const key = `${canon}:${algorithm}:${limit ?? ''}`;
  let h = msg.bodyHashes.get(key);
  if (!h) {
    const { part, text } = msg;
    const body = part.hasSeparator ? text.slice(part.bodyOffset, part.end) : '';
    h = hashBody(body, canon, algorithm, limit, msg.encoding);
    msg.bodyHashes.set(key, h);
  }
  return h;
}

/** RFC 6376 §5.4.2: each name in h= takes the next instance of that field from the bottom; a name with none left adds nothing. */
function selectFields(msg: MessageText, names: readonly string[]): HeaderField[] {
  const used = new Map<string, number>();
  const out: HeaderField[] = [];
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    const list = msg.byName.get(name);
    const n = used.get(name) ?? 0;
    used.set(name, n + 1);
    if (list && n < list.length) out.push(msg.part.headers[list[list.length - 1 - n]]);
  }
  return out;
}

/** The signature field's own text with the b= value blanked (RFC 6376 §3.7). */
function withoutB(msg: MessageText, field: HeaderField, tags: TagList): string {
  const b = tags.byName.get('b')!;
  return msg.text.slice(field.offset, b.blankFrom) + msg.text.slice(b.blankTo, field.end);
}

/** The header hash input of a DKIM-Signature or ARC-Message-Signature (RFC 6376 §3.7). */
function headerInput(msg: MessageText, report: SignatureReport): Buffer {
  const canon = report.headerCanon!;
  let s = '';
  for (const f of selectFields(msg, report.signedFields)) s += canonicalizeField(fieldRaw(msg, f), canon);
  s += canonicalizeField(withoutB(msg, report.field, report.tags), canon, true);
  return Buffer.from(s, msg.encoding);
}

type CryptoOutcome = { ok: true } | { ok: false; keyMatches?: boolean };

/** Checks b= over `data` (RFC 6376 §3.3; RFC 8463 §3 signs the SHA-256 of the data with Ed25519). */
function checkCrypto(algorithm: string, data: Buffer, key: KeyObject, signature: Buffer): CryptoOutcome {
  const hash = algorithm.endsWith('sha1') ? 'sha1' : 'sha256';
  let ok: boolean;
  try {
    ok = algorithm.startsWith('ed25519') ? cryptoVerify(null, createHash('sha256').update(data).digest(), key, signature) : cryptoVerify(hash, data, key, signature);
  } catch {
    ok = false;
  }
  if (ok) return { ok: true };
  if (!algorithm.startsWith('rsa')) return { ok: false };
  // With RSA the public key recovers what was signed: a well-formed DigestInfo
  // means this key made the signature and the signed data changed since.
  try {
    const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    const digestLength = hash === 'sha1' ? 20 : 32;
    return { ok: false, keyMatches: recovered.length === digestLength + (hash === 'sha1' ? 15 : 19) && recovered[0] === 0x30 };
  } catch {
    return { ok: false, keyMatches: false };
  }
}

/** Finds the key of a signature; sets `keyAnswer` / `keyInfo`; returns the key or the problem to report. */
function keyFor(report: SignatureReport, keys: KeyLookup | undefined, M: AuthMessageTable): { key: KeyObject } | { problem: Problem } {
  const name = report.keyName!;
  const answer: KeyAnswer = keys ? keys.lookup(name) : { missing: 'unknown' };
  report.keyAnswer = answer;
  const sTag = report.tags.byName.get('s');
  if (!('record' in answer)) {
    const span = spanOf(report.field, sTag);
    return { problem: problem('dkim-key-unavailable', span.offset, span.length, M['key-unavailable'](name, answer.missing, answer.error ?? ''), { data: { keyName: name } }) };
  }
  const parsed: ParsedKey = parseKeyRecord(answer.record);
  const unusable = (why: string): { problem: Problem } => {
    const span = spanOf(report.field, sTag);
    return { problem: problem('dkim-signature-invalid', span.offset, span.length, M['signature-key-unusable'](name, why)) };
  };
  if ('error' in parsed) {
    if (parsed.error === 'revoked') return unusable(M['key-why-revoked']());
    if (parsed.error === 'type') return unusable(M['key-why-type'](parsed.detail ?? ''));
    return unusable(M['key-why-syntax'](parsed.detail ?? parsed.error));
  }
  report.keyInfo = { type: parsed.type, bits: parsed.bits, testing: parsed.testing };
  if (!report.algorithm!.startsWith(parsed.type)) return unusable(M['key-why-type'](parsed.type));
  // RFC 8301 §3.2: verifiers MUST NOT consider signatures using RSA keys of less than 1024 bits valid.
  if (parsed.type === 'rsa' && parsed.bits !== undefined && parsed.bits < 1024) return unusable(M['key-why-short'](parsed.bits));
  const hash = report.algorithm!.split('-')[1];
  if (parsed.hashes && !parsed.hashes.includes(hash)) return unusable(M['key-why-hash'](hash));
  return { key: parsed.key };
}

/** The z= copy of a field (RFC 6376 §3.5), decoded, by lower-cased name. */
function copiedFields(tags: TagList): Map<string, string> {
  const out = new Map<string, string>();
  const z = tags.byName.get('z')?.value;
  if (!z) return out;
  for (const item of z.split('|')) {
    const colon = item.indexOf(':');
    if (colon <= 0) continue;
    const value = item.slice(colon + 1).replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    out.set(item.slice(0, colon).toLowerCase(), value);
  }
  return out;
}

/** Verifies one DKIM-Signature or ARC-Message-Signature; fills the report. */
function verifySignature(msg: MessageText, field: HeaderField, kind: 'dkim' | 'arc-message', keys: KeyLookup | undefined): SignatureReport {
  const M = msg.messages;
  const { report, syntax } = readSignature(msg, field, kind);
  if (syntax) {
    const span = spanOf(field, syntax.tag);
    if (kind === 'dkim') report.problem = problem('dkim-signature-syntax', span.offset, span.length, syntax.message);
    return report;
  }
  const hashAlg = report.algorithm!.endsWith('sha1') ? 'sha1' : 'sha256';
  const bh = bodyHashOf(msg, report.bodyCanon!, hashAlg, report.bodyLength);
  report.bodyHash = bh;
  const bhTag = report.tags.byName.get('bh')!;
  if (report.bodyLength !== undefined && bh.canonicalLength < report.bodyLength) {
    report.status = 'body-changed';
    const span = spanOf(field, report.tags.byName.get('l'));
    report.problem = problem('dkim-body-hash-mismatch', span.offset, span.length, M['body-shorter-than-l'](report.bodyLength, bh.canonicalLength));
    return report;
  }
  if (bh.hash !== bhTag.value) {
    report.status = 'body-changed';
    const span = spanOf(field, bhTag);
    report.problem = problem('dkim-body-hash-mismatch', span.offset, span.length, M['body-hash-mismatch'](`${report.headerCanon}/${report.bodyCanon}`.split('/')[1], report.bodyLength), {
      data: { computed: bh.hash },
    });
    return report;
  }
  const key = keyFor(report, keys, M);
  if ('problem' in key) {
    report.status = key.problem.code === 'dkim-key-unavailable' ? 'key-unavailable' : 'signature-invalid';
    report.problem = key.problem;
    return report;
  }
  const bTag = report.tags.byName.get('b')!;
  const outcome = checkCrypto(report.algorithm!, headerInput(msg, report), key.key, Buffer.from(bTag.value, 'base64'));
  if (outcome.ok) {
    report.status = 'pass';
    return report;
  }
  report.status = 'signature-invalid';
  const span = spanOf(field, bTag);
  const fields = [...new Set(report.signedFields.map((f) => f.trim()))].join(', ');
  let message: string;
  if (outcome.keyMatches === false) message = M['signature-wrong-key'](report.keyName!);
  else {
    // z= (when the signer added it) holds the signed fields as they were: the first that differs is the one that changed.
    const copies = copiedFields(report.tags);
    let changed: string | undefined;
    for (const f of selectFields(msg, report.signedFields)) {
      const was = copies.get(f.name.toLowerCase());
      if (was !== undefined && was.replace(/\s+/g, ' ').trim() !== f.value.replace(/\s+/g, ' ').trim()) {
        changed = f.name;
        break;
      }
    }
    message = changed ? M['signature-changed-field'](changed) : outcome.keyMatches ? M['signature-changed'](fields) : M['signature-failed'](fields);
  }
  report.problem = problem('dkim-signature-invalid', span.offset, span.length, message, { data: { keyName: report.keyName } });
  return report;
}

// ---------------------------------------------------------------- ARC

/** The instance of an ARC-Authentication-Results field: its value starts with `i=N;` (RFC 8617 §4.1.1). */
function aarInstance(field: HeaderField): string | undefined {
  return /^\s*i\s*=\s*([^;\s]*)\s*;/.exec(field.value)?.[1];
}

function verifyArc(msg: MessageText, keys: KeyLookup | undefined): ArcReport {
  const M = msg.messages;
  const { part } = msg;
  const sets = new Map<number, ArcSet>();
  const signatures: SignatureReport[] = [];
  const report: ArcReport = { sets: [], status: 'fail', signatures };
  const broken = (field: HeaderField, message: string, tag?: Tag): ArcReport => {
    const span = spanOf(field, tag);
    report.problem = problem('arc-chain-invalid', span.offset, span.length, message);
    report.status = 'fail';
    return report;
  };
  const readers = new Map<HeaderField, ReturnType<typeof readSignature>>();
  for (const field of part.headers) {
    const lower = field.name.toLowerCase();
    if (!ARC_FIELDS.has(lower)) continue;
    let instanceText: string | undefined;
    if (lower === 'arc-authentication-results') instanceText = aarInstance(field);
    else {
      const read = readSignature(msg, field, lower === 'arc-seal' ? 'arc-seal' : 'arc-message');
      readers.set(field, read);
      instanceText = read.report.tags.byName.get('i')?.value;
    }
    const instance = instanceText !== undefined && /^\d{1,2}$/.test(instanceText) ? Number(instanceText) : NaN;
    if (!(instance >= 1 && instance <= 50)) {
      report.sets = [...sets.values()].sort((a, b) => a.instance - b.instance);
      return broken(field, M['arc-instance-bad'](instanceText ?? ''));
    }
    let set = sets.get(instance);
    if (!set) sets.set(instance, (set = { instance }));
    const slot = lower === 'arc-seal' ? 'seal' : lower === 'arc-message-signature' ? 'messageSignature' : 'results';
    if (set[slot]) {
      report.sets = [...sets.values()].sort((a, b) => a.instance - b.instance);
      return broken(field, M['arc-duplicate'](instance, field.name));
    }
    set[slot] = field;
  }
  const ordered = [...sets.values()].sort((a, b) => a.instance - b.instance);
  report.sets = ordered;
  const anyField = (s: ArcSet): HeaderField => (s.seal ?? s.messageSignature ?? s.results)!;
  if (ordered.length > 50) return broken(anyField(ordered[50]), M['arc-too-many'](ordered.length));
  for (let k = 0; k < ordered.length; k++) {
    const set = ordered[k];
    // RFC 8617 §5.2 step 2: instances 1..N, each set complete.
    if (set.instance !== k + 1) return broken(anyField(set), M['arc-instance-gap'](k + 1, set.instance));
    if (!set.seal) return broken(anyField(set), M['arc-set-incomplete'](set.instance, 'ARC-Seal'));
    if (!set.messageSignature) return broken(anyField(set), M['arc-set-incomplete'](set.instance, 'ARC-Message-Signature'));
    if (!set.results) return broken(anyField(set), M['arc-set-incomplete'](set.instance, 'ARC-Authentication-Results'));
    for (const f of [set.seal, set.messageSignature]) {
      const read = readers.get(f)!;
      if (read.syntax) return broken(f, M['arc-syntax'](set.instance, f.name, read.syntax.message), read.syntax.tag);
    }
    const sealTags = readers.get(set.seal)!.report.tags;
    set.cv = sealTags.byName.get('cv')?.value.toLowerCase();
    const cvTag = sealTags.byName.get('cv');
    // RFC 8617 §4.1.3, §5.2 step 3: cv=none for i=1, pass for later sets; fail anywhere ends the chain.
    if (set.cv === 'fail') return broken(set.seal, M['arc-cv-fail'](set.instance), cvTag);
    if (k === 0 && set.cv !== 'none') return broken(set.seal, M['arc-cv-first'](set.cv ?? ''), cvTag);
    if (k > 0 && set.cv !== 'pass') return broken(set.seal, M['arc-cv-later'](set.instance, set.cv ?? ''), cvTag);
  }
  if (!ordered.length) return report;
  // RFC 8617 §5.2 steps 5-6: the newest ARC-Message-Signature, then every ARC-Seal from the newest down.
  const newest = ordered[ordered.length - 1];
  const ams = verifySignature(msg, newest.messageSignature!, 'arc-message', keys);
  signatures.push(ams);
  let unverified = false;
  if (ams.status === 'body-changed') return broken(newest.messageSignature!, M['arc-ams-body'](newest.instance), ams.tags.byName.get('bh'));
  if (ams.status === 'signature-invalid') {
    if (ams.problem?.message && ams.keyInfo === undefined) return broken(newest.messageSignature!, ams.problem.message, ams.tags.byName.get('s'));
    return broken(newest.messageSignature!, M['arc-ams-signature'](newest.instance), ams.tags.byName.get('b'));
  }
  if (ams.status === 'key-unavailable') unverified = true;
  for (let k = ordered.length - 1; k >= 0; k--) {
    const set = ordered[k];
    const seal = readers.get(set.seal!)!.report;
    signatures.push(seal);
    const key = keyFor(seal, keys, M);
    if ('problem' in key) {
      if (key.problem.code === 'dkim-key-unavailable') {
        seal.status = 'key-unavailable';
        seal.problem = key.problem;
        unverified = true;
        continue;
      }
      seal.status = 'signature-invalid';
      return broken(set.seal!, key.problem.message, seal.tags.byName.get('s'));
    }
    // RFC 8617 §5.1.1: the seal signs sets 1..i in order (AAR, AMS, AS), relaxed, its own b= blanked and last.
    let input = '';
    for (let j = 0; j <= k; j++) {
      const s = ordered[j];
      input += canonicalizeField(fieldRaw(msg, s.results!), 'relaxed');
      input += canonicalizeField(fieldRaw(msg, s.messageSignature!), 'relaxed');
      if (j < k) input += canonicalizeField(fieldRaw(msg, s.seal!), 'relaxed');
    }
    input += canonicalizeField(withoutB(msg, set.seal!, seal.tags), 'relaxed', true);
    const outcome = checkCrypto(seal.algorithm!, Buffer.from(input, msg.encoding), key.key, Buffer.from(seal.tags.byName.get('b')!.value, 'base64'));
    if (!outcome.ok) {
      seal.status = 'signature-invalid';
      return broken(set.seal!, M['arc-seal-signature'](set.instance), seal.tags.byName.get('b'));
    }
    seal.status = 'pass';
  }
  report.status = unverified ? 'unverified' : 'pass';
  return report;
}
