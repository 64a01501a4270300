/**
 * The message parser and validator under hostile input. For any string
 * — random UTF-16 (lone surrogates included), token soup, mutated corpus files,
 * a small message truncated at every offset, CR/LF/NUL/BOM/surrogates sprinkled
 * in — `parseMessage` and `validateMessage` never throw, every problem and every
 * parsed span lies inside the text, results are deterministic, and the work done
 * grows linearly with the input (counted, not timed: `steps` from the parser and
 * `countWork` over the validator). The size and depth limits are settings with
 * the same defaults everywhere and a clear diagnostic when hit.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { CODES } from '../../src/mail/codes';
import { walkParts, type MimePart, type ParsedMessage } from '../../src/mail/message/model';
import { DEFAULT_MAX_DEPTH, parseMessage } from '../../src/mail/message/parse';
import { DEFAULT_MAX_FULL_SIZE, validateMessage, type MessageValidationOptions } from '../../src/mail/message/validate';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { contributedSettings } from '../helpers/contributedSettings';
import { CORPUS_ROOT, listCorpusFiles } from '../helpers/corpus';
import { assertProperty, params } from './fuzzConfig';
import { assertProblemsInside } from './problemChecks';
import { countWork } from './workCounter';

const root = path.join(__dirname, '..', '..', '..');
/** Corpus messages read as latin1 (one character per octet, as a byte-faithful editor would show them). */
const corpus = listCorpusFiles(path.join(CORPUS_ROOT, 'eml'), (name, size) => /\.(eml|txt|msg|raw|bin)$/.test(name) && size <= 64 * 1024).map((p) =>
  readFileSync(p).toString('latin1'),
);

/** Every span of the parse tree lies inside the text and inside its parent. */
function assertTreeInside(text: string, parsed: ParsedMessage, label: string): void {
  const n = text.length;
  walkParts(parsed.root, (part: MimePart) => {
    const where = `${label}: part "${part.path}" depth ${part.depth}`;
    assert.ok(0 <= part.offset && part.offset <= part.headerEnd && part.headerEnd <= part.bodyOffset, `${where}: offset ${part.offset} ≤ headerEnd ${part.headerEnd} ≤ bodyOffset ${part.bodyOffset}`);
    assert.ok(part.bodyOffset <= part.bodyEnd && part.bodyEnd <= part.end && part.end <= n, `${where}: bodyOffset ${part.bodyOffset} ≤ bodyEnd ${part.bodyEnd} ≤ end ${part.end} ≤ ${n}`);
    for (const h of part.headers) {
      assert.ok(part.offset <= h.offset && h.offset <= h.end && h.end <= part.bodyOffset, `${where}: header ${JSON.stringify(h.name)} ${h.offset}-${h.end} outside the header section`);
      assert.ok(h.nameOffset >= h.offset && h.nameOffset + h.nameLength <= h.end, `${where}: header name span`);
      assert.ok(h.valueOffset >= h.offset && h.valueOffset <= h.end, `${where}: header value offset`);
      for (const l of h.lines) assert.ok(l.offset >= h.offset && l.offset + l.length <= h.end, `${where}: header line span`);
    }
    for (const b of part.boundaryLines) assert.ok(b.offset >= part.bodyOffset && b.offset + b.length <= part.end, `${where}: boundary line ${b.offset}+${b.length} outside the body`);
    for (const c of part.children) assert.ok(c.offset >= part.bodyOffset && c.end <= part.end, `${where}: child ${c.path} ${c.offset}-${c.end} outside the parent body`);
    if (part.embedded) assert.ok(part.embedded.offset >= part.bodyOffset && part.embedded.end <= part.end, `${where}: embedded message outside the body`);
  });
}

/** A comparable projection of a parse (the tree has non-enumerable parent links). */
function snapshot(parsed: ParsedMessage): string {
  const parts: unknown[] = [];
  walkParts(parsed.root, (p) => parts.push([p.path, p.offset, p.headerEnd, p.bodyOffset, p.end, p.depth, p.headers.length, p.boundaryLines.length, p.contentType.type, p.contentType.subtype]));
  return JSON.stringify({ parts, problems: parsed.problems, eol: parsed.eol });
}

/** The checks every input must pass. */
function checkMessage(text: string, options: MessageValidationOptions = {}, label = 'input'): void {
  const parsed = parseMessage(text, { maxDepth: options.maxDepth });
  assertProblemsInside(text, parsed.problems, `${label} (parse)`);
  assertTreeInside(text, parsed, label);
  assert.equal(snapshot(parseMessage(text, { maxDepth: options.maxDepth })), snapshot(parsed), `${label}: parse is deterministic`);
  const problems = validateMessage(text, options);
  assertProblemsInside(text, problems, `${label} (validate)`);
  assert.deepEqual(validateMessage(text, options), problems, `${label}: validation is deterministic`);
}

// ---- generators ----
const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }).map((cs) => String.fromCharCode(...cs));
const TOKENS = [
  '\r\n', '\n', '\r', '\r\n\r\n', '\0', '\uFEFF', '\uD800', '\uDFFF', ' ', '\t', ':', ';', ',', '"', '\\', '(', ')', '<', '>', '@', '=', '?', '/', '*',
  'From:', 'To:', 'Cc:', 'Bcc:', 'Date:', 'Subject:', 'Message-ID:', 'Sender:', 'Resent-From:', 'MIME-Version: 1.0', 'Content-Type:', 'Content-Transfer-Encoding:',
  'Content-Disposition: attachment; filename*=utf-8\'\'a%20b', ' multipart/mixed; boundary=', ' multipart/alternative; boundary="b b"', ' message/rfc822', ' text/plain; charset=',
  'b', '--b', '--b--', '--', 'base64', 'quoted-printable', '7bit', '8bit', 'binary', 'x-uuencode', '=?utf-8?B?', '=?iso-8859-1?Q?', '?=', '=E9', '=\r\n', 'QUJD', '====',
  'a@b', '"q u"@x', '<m@id>', 'Mon, 1 Jan 2024 00:00:00 +0000', 'Thu, 31 Feb 99 25:00 GMT', 'é', '日本', 'x'.repeat(100), ' (comment (nested)) ',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((xs) => xs.join(''));

type Mutation = { kind: 'insert' | 'delete' | 'duplicate' | 'replace'; at: number; len: number; token: string };
const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'replace') as fc.Arbitrary<Mutation['kind']>,
  at: fc.nat(),
  len: fc.nat({ max: 200 }),
  token: fc.constantFrom(...TOKENS),
});
function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    const end = Math.min(t.length, at + m.len);
    if (m.kind === 'insert') t = t.slice(0, at) + m.token + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(end);
    else if (m.kind === 'duplicate') t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
    else t = t.slice(0, at) + m.token + t.slice(end);
  }
  return t;
}
const options: fc.Arbitrary<MessageValidationOptions> = fc.record(
  { maxFullSize: fc.constantFrom(1024, 4096, 65536), maxDepth: fc.constantFrom(1, 2, 5, 100) },
  { requiredKeys: [] },
);

const SMALL = [
  'From: =?utf-8?Q?Ren=C3=A9e?= <renee@example.com>',
  'To: "Bob, Jr." <bob@example.com>, group: a@b.example, c@d.example;',
  'Subject: =?iso-8859-1?B?SGVsbG8gd29ybGQ=?= (comment)',
  'Date: Fri, 27 Nov 2026 10:00:00 +0100',
  'Message-ID: <small@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  'preamble',
  '--outer',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'caf=C3=A9 soft=',
  'break',
  '--outer',
  'Content-Type: message/rfc822',
  '',
  'Subject: inner',
  'Content-Type: application/octet-stream; name*0="a"; name*1=".bin"',
  'Content-Transfer-Encoding: base64',
  '',
  'AAECAwQF',
  '--outer--',
  'epilogue',
  '',
];

describe('message parser and validator never fail on any input', () => {
  test('random UTF-16 strings (lone surrogates included)', () => {
    assertProperty(fc.property(anyUtf16, options, (s, o) => checkMessage(s, o, 'random')), params(400));
  });

  test('token soup of header, MIME and encoding syntax', () => {
    assertProperty(fc.property(tokenSoup, options, (s, o) => checkMessage(s, o, 'soup')), params(400));
  });

  test('mutated corpus messages', { skip: corpus.length === 0 && 'no ../shared/corpus' }, () => {
    assertProperty(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { maxLength: 8 }), options, (i, ms, o) => checkMessage(mutate(corpus[i], ms), o, `corpus #${i}`)),
      params(150),
    );
  });

  test('every corpus message as is, with CRLF and with LF', { skip: corpus.length === 0 && 'no ../shared/corpus' }, () => {
    for (const [i, text] of corpus.entries()) {
      checkMessage(text, {}, `corpus #${i}`);
      checkMessage(text.replace(/\r?\n/g, '\r\n'), {}, `corpus #${i} CRLF`);
      checkMessage(text.replace(/\r\n/g, '\n'), {}, `corpus #${i} LF`);
    }
  });

  test('a small message truncated at every offset (CRLF and LF)', () => {
    for (const eol of ['\r\n', '\n']) {
      const text = SMALL.join(eol);
      for (let i = 0; i <= text.length; i++) checkMessage(text.slice(0, i), {}, `truncated at ${i} (${eol === '\n' ? 'LF' : 'CRLF'})`);
    }
  });

  test('CR, LF, NUL, BOM and lone surrogates sprinkled into a small message', () => {
    const base = SMALL.join('\r\n');
    const sprinkle = fc.array(fc.tuple(fc.nat({ max: base.length }), fc.constantFrom('\r', '\n', '\0', '\uFEFF', '\uD83D', '\uDE00', '\r\r', '\n\r', '\u2028', '\u0085')), { minLength: 1, maxLength: 12 });
    assertProperty(
      fc.property(sprinkle, options, (inserts, o) => {
        let t = base;
        for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0])) t = t.slice(0, at) + ch + t.slice(at);
        checkMessage(t, o, 'sprinkled');
      }),
      params(400),
    );
  });
});

// ---- linear work ----
const HEAD = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <w@example.com>\r\nMIME-Version: 1.0\r\n';
/** Hostile shapes, each growing with `n`. */
const FAMILIES: Record<string, (n: number) => string> = {
  'many header fields': (n) => HEAD + 'X-Field: value\r\n'.repeat(n) + '\r\nbody\r\n',
  'one field folded n times': (n) => HEAD + 'X-Folded: a' + '\r\n b'.repeat(n) + '\r\n\r\nbody\r\n',
  'one long body line': (n) => HEAD + '\r\n' + 'a'.repeat(n * 20) + '\r\n',
  'one long header line': (n) => HEAD + 'X-Long: ' + 'a '.repeat(n * 10) + '\r\n\r\nbody\r\n',
  'many body lines': (n) => HEAD + '\r\n' + 'line of text\r\n'.repeat(n),
  'many multipart parts': (n) => HEAD + 'Content-Type: multipart/mixed; boundary=b\r\n\r\n' + '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(n) + '--b--\r\n',
  'deep nesting': (n) => {
    let t = HEAD;
    for (let i = 0; i < n / 4; i++) t += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`;
    t += 'Content-Type: text/plain\r\n\r\nx\r\n';
    for (let i = Math.ceil(n / 4) - 1; i >= 0; i--) t += `--b${i}--\r\n`;
    return t;
  },
  'near-boundary lines, never closed': (n) => HEAD + 'Content-Type: multipart/mixed; boundary=boundary\r\n\r\n--boundary\r\n\r\n' + '--boundar\r\n--boundaryX\r\n-- boundary\r\n'.repeat(n),
  'many addresses': (n) => HEAD.replace('To: b@example.com', 'To: ' + Array.from({ length: n }, (_, i) => `"User ${i}" <u${i}@example.com>`).join(', ')) + '\r\nbody\r\n',
  'nested comments': (n) => HEAD.replace('To: b@example.com', 'To: ' + '('.repeat(n) + 'b@example.com') + '\r\nbody\r\n',
  'unclosed quote': (n) => HEAD.replace('To: b@example.com', 'To: "' + 'a, '.repeat(n)) + '\r\nbody\r\n',
  'unclosed angle brackets': (n) => HEAD.replace('To: b@example.com', 'To: ' + '<a@b '.repeat(n)) + '\r\nbody\r\n',
  'many encoded words': (n) => HEAD.replace('Subject: s', 'Subject: ' + '=?utf-8?Q?caf=C3=A9?= '.repeat(n)) + '\r\nbody\r\n',
  'many broken encoded words': (n) => HEAD.replace('Subject: s', 'Subject: ' + '=?utf-8?X?a=?= =?'.repeat(n)) + '\r\nbody\r\n',
  'many parameters': (n) => HEAD + 'Content-Type: text/plain; ' + Array.from({ length: n }, (_, i) => `p${i}=v${i}`).join('; ') + '\r\n\r\nbody\r\n',
  'many RFC 2231 continuations': (n) => HEAD + 'Content-Type: text/plain; ' + Array.from({ length: n }, (_, i) => `name*${i}*=a%41`).join('; ') + '\r\n\r\nbody\r\n',
  'base64 body with junk': (n) => HEAD + 'Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n' + 'QUJD!@#$====QUJD\r\n'.repeat(n),
  'quoted-printable full of =': (n) => HEAD + 'Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + '=ZZ=4=\r\n= \r\n'.repeat(n),
  'bare CRs': (n) => HEAD + '\r\n' + 'a\r'.repeat(n * 4),
  'NULs and 8-bit': (n) => HEAD + '\r\n' + 'é\0'.repeat(n * 4) + '\r\n',
  'duplicate fields': (n) => HEAD + 'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nSubject: again\r\n'.repeat(n) + '\r\nbody\r\n',
  'many message ids': (n) => HEAD + 'References: ' + '<a@b> '.repeat(n) + '\r\n\r\nbody\r\n',
  'many dates': (n) => HEAD + 'Resent-Date: Mon, 99 Foo 20x 99:99:99 +9999\r\n'.repeat(n) + '\r\nbody\r\n',
  'LF only': (n) => HEAD.replace(/\r\n/g, '\n') + 'X: y\n'.repeat(n) + '\nbody\n'.repeat(n),
};

/** Linear: four times the input may cost at most this many times the work (quadratic gives 16). */
const MAX_RATIO = 6.5;
const SMALL_N = 1500;

describe('work grows linearly with the input (counted, not timed)', () => {
  for (const [name, make] of Object.entries(FAMILIES)) {
    test(name, () => {
      const small = make(SMALL_N);
      const large = make(SMALL_N * 4);
      const o = { maxDepth: 1_000_000 };
      const s = countWork(() => validateMessage(small, o));
      const l = countWork(() => validateMessage(large, o));
      assertProblemsInside(large, l.result, name);
      const ratio = l.work / Math.max(1, s.work);
      assert.ok(ratio <= MAX_RATIO, `validateMessage: ${s.work} units for ${small.length} chars, ${l.work} for ${large.length} (×${ratio.toFixed(1)}; linear is ×4)`);
      const ps = parseMessage(small, o).steps;
      const pl = parseMessage(large, o).steps;
      assert.ok(pl / Math.max(1, ps) <= MAX_RATIO, `parseMessage steps: ${ps} then ${pl} (×${(pl / Math.max(1, ps)).toFixed(1)})`);
      const cs = countWork(() => parseMessage(small, o));
      const cl = countWork(() => parseMessage(large, o));
      assert.ok(cl.work / Math.max(1, cs.work) <= MAX_RATIO, `parseMessage work: ${cs.work} then ${cl.work} (×${(cl.work / Math.max(1, cs.work)).toFixed(1)})`);
    });
  }
});

describe('limits are settings with sane defaults and a clear diagnostic', () => {
  test('the defaults agree: package.json, server settings and the validator', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { configuration: Array<{ properties: Record<string, { default: unknown }> }> };
    };
    const props = contributedSettings(pkg);
    assert.equal(props['smtpEml.validation.maxFullSize'].default, DEFAULT_SETTINGS.limits.maxFullSize);
    assert.equal(props['smtpEml.validation.maxDepth'].default, DEFAULT_SETTINGS.limits.maxDepth);
    assert.equal(DEFAULT_SETTINGS.limits.maxFullSize, DEFAULT_MAX_FULL_SIZE);
    assert.equal(DEFAULT_SETTINGS.limits.maxDepth, DEFAULT_MAX_DEPTH);
  });

  test('too-large: an information diagnostic when the text exceeds maxFullSize, none below', () => {
    const text = FAMILIES['many body lines'](400);
    const over = validateMessage(text, { maxFullSize: 1024 });
    const hit = over.filter((p) => p.code === 'too-large');
    assert.equal(hit.length, 1, 'one too-large diagnostic');
    assert.equal(hit[0].severity, CODES['too-large'].severity);
    assert.equal(hit[0].severity, 'information');
    assert.match(hit[0].message, /1[,. ]?024|1 KB|1 KiB|limit|larger/i);
    assertProblemsInside(text, over, 'too-large');
    assert.ok(!validateMessage(text, { maxFullSize: text.length + 1 }).some((p) => p.code === 'too-large'));
    assert.ok(!validateMessage(text).some((p) => p.code === 'too-large'), 'not with the default limit');
  });

  test('nesting-too-deep: deeper than maxDepth gets an information diagnostic; 10,000 deep does not overflow the stack', () => {
    const deep = (n: number): string => FAMILIES['deep nesting'](n * 4);
    const five = validateMessage(deep(8), { maxDepth: 5 }).filter((p) => p.code === 'nesting-too-deep');
    assert.ok(five.length >= 1, 'nesting-too-deep with maxDepth 5');
    assert.equal(five[0].severity, 'information');
    assert.ok(five[0].message.length > 15);
    assert.ok(!validateMessage(deep(4), { maxDepth: 5 }).some((p) => p.code === 'nesting-too-deep'), 'not within the limit');
    const huge = deep(10_000);
    const problems = validateMessage(huge);
    assertProblemsInside(huge, problems, '10,000 deep');
    assert.ok(problems.some((p) => p.code === 'nesting-too-deep'), 'the default limit (100) is hit');
    const unlimited = validateMessage(huge, { maxDepth: 1_000_000 });
    assertProblemsInside(huge, unlimited, '10,000 deep, no limit');
  });
});
