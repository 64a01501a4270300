// Deterministic (seeded) generators of the bench inputs: messages and transcripts
// written to .cache/bench/ (gitignored). The same seed gives the same bytes on every
// machine, so figures from different runs compare like with like.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bump when a generator changes, so stale cached files are rewritten. */
const GENERATOR_VERSION = 5;
const CRLF = '\r\n';
const KiB = 1024;
const MiB = 1024 * 1024;

/** mulberry32: a small, fast, seeded PRNG (the output only has to be stable, not strong). */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is that for it as with was on be by this are from at or an have not ' +
  'message mail server client header body part boundary address sender recipient subject ' +
  'date reply transfer encoding charset content type text plain html attachment delivery ' +
  'network protocol session command response status error queue relay domain local'
).split(' ');

/** Prose wrapped at `width` columns, about `bytes` long (CRLF lines). */
function prose(random, bytes, width = 72) {
  const lines = [];
  let total = 0;
  while (total < bytes) {
    let line = '';
    for (;;) {
      const w = WORDS[Math.floor(random() * WORDS.length)];
      if (line.length + w.length + 1 > width) break;
      line += line ? ` ${w}` : w[0].toUpperCase() + w.slice(1);
    }
    line += '.';
    lines.push(line);
    total += line.length + 2;
  }
  return lines.join(CRLF) + CRLF;
}

/** `n` pseudo-random bytes as base64 wrapped at 76 columns (RFC 2045 §6.8). */
function base64Body(random, n) {
  const words = new Uint32Array(Math.ceil(n / 4));
  for (let i = 0; i < words.length; i++) words[i] = (random() * 4294967296) >>> 0;
  const b64 = Buffer.from(words.buffer, 0, n).toString('base64');
  const lines = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF) + CRLF;
}

/** `n` base64-encoded bytes take this many bytes of wrapped text. */
const base64Size = (n) => {
  const chars = Math.ceil(n / 3) * 4;
  return chars + Math.ceil(chars / 76) * 2;
};

function topHeaders(subject, extra = []) {
  return [
    'Return-Path: <alice@example.org>',
    'Received: from mail.example.org (mail.example.org [192.0.2.10])',
    '\tby mx.example.net with ESMTPS id 4f2a9c; Fri, 27 Nov 2026 10:00:00 +0000',
    'From: Alice Example <alice@example.org>',
    'To: Bob Example <bob@example.net>, carol@example.net',
    'Cc: dave@example.com',
    `Subject: ${subject}`,
    'Date: Fri, 27 Nov 2026 10:00:00 +0000',
    'Message-ID: <bench.1.20261127@example.org>',
    'MIME-Version: 1.0',
    ...extra,
  ].join(CRLF) + CRLF;
}

/** An ordinary single-part text message of about `bytes` (the linearity reference). */
function plainMessage(random, bytes, subject = 'Plain text') {
  const head = topHeaders(subject, ['Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit']) + CRLF;
  return head + prose(random, Math.max(0, bytes - head.length));
}

function attachmentPart(random, boundary, name, rawBytes) {
  return (
    `--${boundary}${CRLF}` +
    `Content-Type: application/octet-stream; name="${name}"${CRLF}` +
    `Content-Disposition: attachment; filename="${name}"${CRLF}` +
    `Content-Transfer-Encoding: base64${CRLF}${CRLF}` +
    base64Body(random, rawBytes)
  );
}

/**
 * multipart/mixed { multipart/alternative { text, html }, N base64 attachments },
 * sized to about `bytes`. Returns the text and the 0-based line of the first text
 * body line (where the editing bench types).
 */
function multipartMessage(random, bytes, attachments, textBytes) {
  const outer = 'b1_outer_7Hq2';
  const inner = 'b2_alt_9Xk4';
  let s = topHeaders(`Multipart with ${attachments} attachments`, [`Content-Type: multipart/mixed; boundary="${outer}"`]);
  s += CRLF + 'This is a multi-part message in MIME format.' + CRLF;
  s += `--${outer}${CRLF}Content-Type: multipart/alternative; boundary="${inner}"${CRLF}${CRLF}`;
  s += `--${inner}${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: 7bit${CRLF}${CRLF}`;
  const editLine = s.split('\n').length - 1;
  const text = prose(random, textBytes);
  s += text;
  s += `--${inner}${CRLF}Content-Type: text/html; charset=utf-8${CRLF}Content-Transfer-Encoding: 7bit${CRLF}${CRLF}`;
  s += '<html><body>' + CRLF + text.split(CRLF).filter(Boolean).map((l) => `<p>${l}</p>`).join(CRLF) + CRLF + '</body></html>' + CRLF;
  s += `--${inner}--${CRLF}`;
  const tail = `--${outer}--${CRLF}`;
  const room = bytes - s.length - tail.length;
  for (let i = 0; i < attachments; i++) {
    const headerBytes = 200;
    const share = Math.floor(room / attachments) - headerBytes;
    // invert base64Size: 76 chars of base64 per 78 bytes of text carry 57 raw bytes
    const raw = Math.max(0, Math.floor((share * 57) / 78));
    s += attachmentPart(random, outer, `file${i + 1}.bin`, raw);
  }
  s += tail;
  return { text: s, editLine };
}

/**
 * `depth` nested multipart/mixed parts, each level with a short text part.
 * Boundaries have a fixed width so that none is a prefix of another (RFC 2046
 * §5.1.1 asks for that; "n1" vs "n10" would be reported, rightly).
 */
function nestedMessage(random, depth) {
  const b = (i) => `nest${String(i).padStart(5, '0')}`;
  const open = [];
  const close = [];
  open.push(topHeaders(`${depth}-deep nesting`, [`Content-Type: multipart/mixed; boundary="${b(0)}"`]) + CRLF);
  for (let i = 0; i < depth; i++) {
    open.push(
      `--${b(i)}${CRLF}Content-Type: text/plain${CRLF}${CRLF}Level ${i}.${CRLF}` +
        `--${b(i)}${CRLF}Content-Type: multipart/mixed; boundary="${b(i + 1)}"${CRLF}${CRLF}`,
    );
    close.push(`--${b(i)}--${CRLF}`);
  }
  open.push(`--${b(depth)}${CRLF}Content-Type: text/plain${CRLF}${CRLF}${prose(random, 200)}--${b(depth)}--${CRLF}`);
  return open.join('') + close.reverse().join('');
}

/** A message whose header section has `count` lines (Received chains, folded, and X- fields). */
function manyHeadersMessage(random, count) {
  const lines = [];
  let i = 0;
  while (lines.length < count) {
    if (i % 3 === 0) {
      lines.push(`Received: from relay${i}.example.net (relay${i}.example.net [198.51.100.${i % 250}])`);
      lines.push(`\tby relay${i + 1}.example.net with ESMTP id ${(random() * 1e9) | 0}; Fri, 27 Nov 2026 10:00:00 +0000`);
    } else {
      lines.push(`X-Bench-${i}: ${WORDS[i % WORDS.length]} ${(random() * 1e9) | 0}`);
    }
    i++;
  }
  const head = topHeaders('5000 header lines', ['Content-Type: text/plain; charset=us-ascii']);
  const headCount = head.split(CRLF).length - 1;
  return lines.slice(0, count - headCount).join(CRLF) + CRLF + head + CRLF + prose(random, 2000);
}

/** A message whose body is one line of `bytes` characters (over 998: one diagnostic, not a million). */
function longLineMessage(random, bytes) {
  const head = topHeaders('One long line', ['Content-Type: text/plain; charset=us-ascii']) + CRLF;
  let body = '';
  while (body.length < bytes) body += WORDS[Math.floor(random() * WORDS.length)] + ' ';
  return head + body.slice(0, bytes) + CRLF;
}

/** A text/plain quoted-printable body dense with =XX escapes (UTF-8 prose with accents). */
function quotedPrintableMessage(random, bytes) {
  const head = topHeaders('Quoted-printable', ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable']) + CRLF;
  const accented = ['=C3=A9', '=C3=A8', '=C3=BC', '=C3=B6', '=E2=80=99', '=C3=A7', '=3D', '=09'];
  const lines = [];
  let total = head.length;
  while (total < bytes) {
    let line = '';
    for (;;) {
      const next = random() < 0.7 ? accented[Math.floor(random() * accented.length)] : WORDS[Math.floor(random() * WORDS.length)][0];
      // At most 76 characters with the soft line break (RFC 2045 §6.7 rule 5).
      if (line.length + next.length > 75) break;
      line += next;
    }
    line += '=';
    lines.push(line);
    total += line.length + 2;
  }
  return head + lines.join(CRLF) + CRLF;
}

/** Dot-stuffs and prefixes every line of `message` with `C: ` (RFC 5321 §4.5.2). */
function asDataLines(message) {
  const lines = message.split(CRLF);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => `C: ${l.startsWith('.') ? '.' + l : l}`).join(CRLF) + CRLF;
}

const GREETING = ['S: 220 mx.example.net ESMTP ready', 'C: EHLO client.example.org', 'S: 250-mx.example.net', 'S: 250-PIPELINING', 'S: 250-8BITMIME', 'S: 250 SIZE 104857600'];

/** A transcript of exactly `commands` client commands: transactions of MAIL, 2×RCPT, DATA. */
function manyCommandsTranscript(random, commands) {
  const out = [...GREETING];
  let n = 1; // EHLO
  let t = 0;
  while (n + 4 + 1 <= commands) {
    out.push(`C: MAIL FROM:<sender${t}@example.org>`, 'S: 250 2.1.0 Ok');
    out.push(`C: RCPT TO:<rcpt${t}@example.net>`, 'S: 250 2.1.5 Ok');
    out.push(`C: RCPT TO:<other${t}@example.net>`, 'S: 250 2.1.5 Ok');
    out.push('C: DATA', 'S: 354 End data with <CR><LF>.<CR><LF>');
    out.push(
      `C: From: sender${t}@example.org`,
      `C: To: rcpt${t}@example.net`,
      `C: Subject: message ${t}`,
      'C: Date: Fri, 27 Nov 2026 10:00:00 +0000',
      `C: Message-ID: <m${t}@example.org>`,
      'C: ',
      `C: ${prose(random, 60).trim()}`,
      'C: .',
      `S: 250 2.0.0 Ok: queued as ${t}`,
    );
    n += 4;
    t++;
  }
  while (n + 1 < commands) {
    out.push('C: NOOP', 'S: 250 2.0.0 Ok');
    n++;
  }
  out.push('C: QUIT', 'S: 221 2.0.0 Bye');
  return out.join(CRLF) + CRLF;
}

/**
 * A session of `count` transactions without a body, as an address-verification
 * probe or a rejected batch writes them: MAIL, RCPT (about one in five refused),
 * RSET. About 120 octets a transaction.
 */
function manyTransactionsTranscript(random, count) {
  const out = [...GREETING];
  for (let t = 0; t < count; t++) {
    out.push(`C: MAIL FROM:<s${t}@example.org>`, 'S: 250 2.1.0 Ok');
    out.push(`C: RCPT TO:<r${t}@example.net>`, random() < 0.2 ? 'S: 550 5.1.1 No such user' : 'S: 250 2.1.5 Ok');
    out.push('C: RSET', 'S: 250 2.0.0 Ok');
  }
  out.push('C: QUIT', 'S: 221 2.0.0 Bye');
  return out.join(CRLF) + CRLF;
}

/** One session whose DATA carries `message`. */
function dataTranscript(message) {
  return (
    [...GREETING, 'C: MAIL FROM:<alice@example.org>', 'S: 250 2.1.0 Ok', 'C: RCPT TO:<bob@example.net>', 'S: 250 2.1.5 Ok', 'C: DATA', 'S: 354 End data with <CR><LF>.<CR><LF>'].join(CRLF) +
    CRLF +
    asDataLines(message) +
    ['C: .', 'S: 250 2.0.0 Ok: queued', 'C: QUIT', 'S: 221 2.0.0 Bye'].join(CRLF) +
    CRLF
  );
}

/**
 * The inputs. `ordinaryOf` names the pathological inputs' same-size plain
 * reference, for the "no input costs more than 10x an ordinary message" target.
 */
export const INPUTS = [
  { name: 'send-1k', kind: 'message', label: '1 KB text', sendOnly: true, make: (r) => plainMessage(r, 1 * KiB) },
  { name: 'text-100k', kind: 'message', label: '100 KB text', make: (r) => plainMessage(r, 100 * KiB) },
  { name: 'multipart-1m', kind: 'message', label: '1 MB multipart (text, HTML, 2 base64)', make: (r) => multipartMessage(r, 1 * MiB, 2, 20 * KiB) },
  { name: 'attach-10m', kind: 'message', label: '10 MB multipart (base64)', make: (r) => multipartMessage(r, 10 * MiB, 3, 20 * KiB) },
  { name: 'attach-50m', kind: 'message', label: '50 MB multipart (base64)', big: true, make: (r) => multipartMessage(r, 50 * MiB, 5, 20 * KiB) },
  { name: 'nested-1000', kind: 'message', label: '1000-deep nested multipart', ordinary: true, make: (r) => nestedMessage(r, 1000) },
  { name: 'headers-5000', kind: 'message', label: '5000 header lines', ordinary: true, make: (r) => manyHeadersMessage(r, 5000) },
  { name: 'longline-1m', kind: 'message', label: '1 MB single line', ordinary: true, make: (r) => longLineMessage(r, 1 * MiB) },
  { name: 'qp-100k', kind: 'message', label: '100 KB quoted-printable (=XX escapes)', ordinary: true, make: (r) => quotedPrintableMessage(r, 100 * KiB) },
  { name: 'transcript-10k', kind: 'transcript', label: 'transcript, 10,000 commands', ordinary: true, make: (r) => manyCommandsTranscript(r, 10000) },
  { name: 'transcript-20k-tx', kind: 'transcript', label: 'transcript, 20,000 transactions', ordinary: true, make: (r) => manyTransactionsTranscript(r, 20000) },
  { name: 'transcript-data-10m', kind: 'transcript', label: 'transcript, DATA of 10 MB', ordinary: true, make: (r) => dataTranscript(multipartMessage(r, 10 * MiB, 3, 20 * KiB).text) },
];

/** Seed per input name, so adding an input never changes the others' bytes. */
function seedOf(name) {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * Writes every input (and a same-size ordinary reference for the pathological
 * ones) to `dir` unless the cached copy is current. Returns the manifest:
 * name → { file, bytes, lines, editLine?, ordinaryFile? }.
 */
export function generateAll(dir, { includeBig = true } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  let manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    if (manifest.version !== GENERATOR_VERSION) manifest = {};
  } catch {
    manifest = {};
  }
  manifest.version = GENERATOR_VERSION;
  manifest.files ??= {};
  const write = (name, ext, make) => {
    const file = path.join(dir, `${name}.${ext}`);
    const known = manifest.files[name];
    // The path is always this directory's: .cache may be shared (a symlink) by several
    // checkouts, so the manifest can hold another checkout's absolute path.
    if (known && fs.existsSync(file) && fs.statSync(file).size === known.bytes) return { ...known, file };
    const made = make(createRandom(seedOf(name)));
    const text = typeof made === 'string' ? made : made.text;
    fs.writeFileSync(file, text, 'latin1');
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    const entry = { file, bytes: text.length, lines, editLine: typeof made === 'string' ? undefined : made.editLine };
    manifest.files[name] = entry;
    return entry;
  };
  const out = {};
  for (const input of INPUTS) {
    if (input.big && !includeBig) continue;
    const entry = write(input.name, input.kind === 'message' ? 'eml' : 'smtp', input.make);
    out[input.name] = { ...entry, ...input, make: undefined };
    if (input.ordinary) {
      const ref = write(`${input.name}.ordinary`, 'eml', (r) => plainMessage(r, entry.bytes, 'Ordinary reference'));
      out[input.name].ordinary = ref;
    }
  }
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  return out;
}

// `node bench/generate.mjs [dir]` writes the inputs and prints their sizes.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? path.join(process.cwd(), '.cache', 'bench');
  const t0 = Date.now();
  const m = generateAll(dir);
  for (const [name, e] of Object.entries(m)) console.log(`${name.padEnd(22)} ${String(e.bytes).padStart(10)} B ${String(e.lines).padStart(8)} lines`);
  console.log(`generated in ${Date.now() - t0} ms → ${dir}`);
}
