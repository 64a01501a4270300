/**
 * The fast path for base64 bodies of uniform lines (base64Lines.ts) must take exactly the
 * bodies that are well formed (the RFC 2045 §6.8 grammar, written here as a regex) and of
 * that shape, and report them as a plain count of the body would; any other body goes to
 * the character-by-character check. Against an independent reading of each body: generated
 * bodies of every line width and break style, with stray characters put in, taken out or
 * replaced; and through validation, bodies of several thousand lines (more than one
 * slice) with one fault at the edges of a slice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LINES_PER_SLICE, readUniformBase64, type UniformBase64 } from '../../../src/mail/message/base64Lines';
import { validateMessage } from '../../../src/mail/message/validate';
import type { Problem } from '../../../src/mail/codes';

const GRAMMAR = /^[A-Za-z0-9+/\r\n]*(?:=[\r\n]*){0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** What a plain reading of `body` says the fast path must return: undefined unless well formed and of uniform lines. */
function expected(body: string): UniformBase64 | undefined {
  if (!GRAMMAR.test(body)) return undefined;
  const firstLf = body.indexOf('\n');
  if (firstLf <= 0) return undefined;
  const crlf = body[firstLf - 1] === '\r';
  const segments = body.split('\n');
  const complete = segments.slice(0, -1);
  const tail = segments[segments.length - 1];
  if (tail.includes('\r')) return undefined;
  for (const s of complete) {
    const crs = s.split('\r').length - 1;
    if (crlf ? crs !== 1 || !s.endsWith('\r') : crs !== 0) return undefined;
  }
  const widths = complete.map((s) => s.length - (crlf ? 1 : 0));
  const width = widths[0];
  if (width === 0 || width > 76 || width % 4 !== 0) return undefined;
  // Every line of that width but the last (the text after the last break, else the last line).
  const full = tail.length > 0 ? widths : widths.slice(0, -1);
  const last = tail.length > 0 ? tail.length : widths[widths.length - 1];
  if (full.some((w) => w !== width) || last > 76) return undefined;
  // The padding ends the last line that holds anything (not "=", a break, then "="); blank lines may follow it.
  const pad = body.split('=').length - 1;
  const lastLine = [...complete.map((c) => c.replace('\r', '')), tail].filter((l) => l.length > 0).pop() ?? '';
  if (!lastLine.endsWith('='.repeat(pad))) return undefined;
  const data = [...body].filter((c) => ALPHABET.includes(c)).length;
  // One character over a multiple of 4 is left to the character-by-character check.
  if (data % 4 === 1) return undefined;
  let lastData = body.length - 1;
  while (lastData >= 0 && !ALPHABET.includes(body[lastData])) lastData--;
  return {
    data,
    pad,
    lastData,
    firstPad: body.indexOf('='),
    breaks: complete.length,
    crlf,
    firstBreak: crlf ? firstLf - 1 : firstLf,
  };
}

/** A body of `lines` lines of `width` characters, then a last line of `lastWidth`, with `end` (padding, breaks) after it. */
function uniformBody(width: number, lines: number, lastWidth: number, brk: string, end: string, seed = 0): string {
  let s = '';
  let k = seed;
  const line = (w: number): string => {
    let l = '';
    for (let i = 0; i < w; i++) l += ALPHABET[(k = (k * 31 + 7) % 64)];
    return l;
  };
  for (let i = 0; i < lines; i++) s += line(width) + brk;
  return s + line(lastWidth) + end;
}

const stray = fc.constantFrom('\r', '\n', '\r\n', '-', '_', '=', ' ', '\t', '\0', '!', '\u00e9', '\u0141', '\u0100', 'A', '+', '/');
const edit = fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), stray);
const bodies = fc
  .record({
    width: fc.constantFrom(4, 8, 60, 64, 72, 76, 12),
    lines: fc.integer({ min: 1, max: 40 }),
    lastWidth: fc.integer({ min: 0, max: 80 }),
    brk: fc.constantFrom('\r\n', '\n'),
    end: fc.constantFrom('', '=', '==', '===', '=\r\n', '==\r\n', '==\n', '\r\n', '\n', '\r\n\r\n', '=\r\n='),
    seed: fc.nat(63),
    edits: fc.array(edit, { maxLength: 2 }),
  })
  .map(({ width, lines, lastWidth, brk, end, seed, edits }) => {
    let b = uniformBody(width, lines, lastWidth, brk, end, seed);
    for (const [at, kind, ch] of edits) {
      const i = at % (b.length + 1);
      b = kind === 'insert' ? b.slice(0, i) + ch + b.slice(i) : kind === 'replace' ? b.slice(0, i) + ch + b.slice(i + 1) : b.slice(0, i) + b.slice(i + 1);
    }
    return b;
  });

describe('base64 bodies of uniform lines', () => {
  test('taken exactly when well formed and uniform, with the counts of a plain reading (fast-check)', () => {
    let taken = 0;
    fc.assert(
      fc.property(bodies, (b) => {
        const got = readUniformBase64(b);
        assert.deepEqual(got, expected(b), JSON.stringify(b));
        if (got) taken++;
      }),
      { numRuns: 4000 },
    );
    // The generator must reach both sides.
    assert.ok(taken > 200, `only ${taken} bodies took the fast path`);
  });

  test('padding, then blank lines: taken, with the counts of a plain reading (fast-check counterexample)', () => {
    for (const body of ['HgnAHgnA\nHgnAHg==\n\n', 'HgnAHgnA\r\nHgnAHg==\r\n\r\n', 'HgnAHgnA\nHgnAHgn=\n\n']) {
      assert.deepEqual(readUniformBase64(body), expected(body), JSON.stringify(body));
      assert.notEqual(expected(body), undefined, JSON.stringify(body));
    }
    // Near miss: padding split by a break stays with the character-by-character check.
    assert.equal(readUniformBase64('HgnAHgnA\nHgnAHg=\n=\n'), undefined);
    assert.equal(expected('HgnAHgnA\nHgnAHg=\n=\n'), undefined);
  });

  test('every width and last line, with and without padding and a final break', () => {
    let taken = 0;
    for (const brk of ['\r\n', '\n']) {
      for (let width = 1; width <= 80; width++) {
        for (const lastWidth of [0, 1, 2, 3, 4, width - 1, width, 76, 77]) {
          for (const end of ['', '=', '==', brk, `=${brk}`, `==${brk}`, `${brk}${brk}`]) {
            const b = uniformBody(width, 3, Math.max(0, lastWidth), brk, end, width);
            assert.deepEqual(readUniformBase64(b), expected(b), JSON.stringify(b));
            if (expected(b)) taken++;
          }
        }
      }
    }
    assert.ok(taken > 500);
  });
});

/** A message whose only part is `body`, as a base64 attachment, with `eol` between its header lines. */
function message(body: string, eol = '\r\n'): string {
  return ['From: a@example.com', 'To: b@example.com', 'Subject: attachment', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <b@example.com>', 'MIME-Version: 1.0', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '', body].join(eol);
}

const summary = (problems: Problem[]): string[] => problems.map((p) => `${p.code}@${p.offset}+${p.length}${p.data && 'crlf' in p.data ? ` ${String(p.data.crlf)}/${String(p.data.lf)}` : ''}`);

describe('base64 bodies longer than one slice, through validation', () => {
  const slice = LINES_PER_SLICE;
  const headerLength = message('').length;

  test('clean bodies of every size around the slice edges: no problem, the padding checked at the end', () => {
    for (const lines of [slice - 1, slice, slice + 1, 2 * slice - 1, 2 * slice, 2 * slice + 1, 3 * slice]) {
      for (const end of ['', '\r\n', 'QUI=', 'QUI=\r\n', 'QQ==\r\n', 'QUJD\r\n', 'QUJD\r\n\r\n']) {
        const body = uniformBody(76, lines, 0, '\r\n', end);
        // (Two breaks after the last line: not the shape, read character by character.)
        assert.equal(!!readUniformBase64(body), end !== 'QUJD\r\n\r\n', `${lines} lines + ${JSON.stringify(end)}`);
        assert.deepEqual(summary(validateMessage(message(body), { html: false })), [], `${lines} lines + ${JSON.stringify(end)}`);
      }
    }
    // Data one over a multiple of 4 after several slices, and padding after data of a multiple of 4.
    const odd = uniformBody(76, 2 * slice + 3, 5, '\r\n', '');
    assert.deepEqual(summary(validateMessage(message(odd), { html: false })), [`base64-invalid@${headerLength + odd.length - 1}+1`]);
    const overPadded = uniformBody(76, 2 * slice + 3, 4, '\r\n', '==');
    assert.deepEqual(summary(validateMessage(message(overPadded), { html: false })), [`base64-invalid@${headerLength + overPadded.length - 2}+2`]);
  });

  test('one fault at the first, last or a middle line of a slice is reported where it is', () => {
    const lines = 3 * slice + 10;
    const clean = uniformBody(76, lines, 40, '\r\n', '\r\n');
    const lineStart = (n: number): number => n * 78;
    for (const line of [0, 1, slice - 1, slice, slice + 1, 2 * slice - 1, 2 * slice, lines - 1, lines]) {
      for (const column of [0, 37, 75]) {
        if (line === lines && column > 39) continue;
        const at = lineStart(line) + column;
        const where = `line ${line} column ${column}`;
        // A character outside the alphabet, and so one data character short at the end.
        const bad = clean.slice(0, at) + '!' + clean.slice(at + 1);
        assert.deepEqual(summary(validateMessage(message(bad), { html: false })), [`base64-invalid@${headerLength + at}+1`, `base64-invalid@${headerLength + clean.length - 3}+1`], where);
        // A character too many: that line is 77 long.
        const long = clean.slice(0, at) + 'A' + clean.slice(at);
        const expectedLong = line === lines ? [] : [`base64-line-length@${headerLength + lineStart(line) + 76}+1`];
        assert.deepEqual(
          summary(validateMessage(message(long), { html: false })).filter((p) => !p.startsWith('base64-invalid')),
          expectedLong,
          where,
        );
        // A bare CR inside the line.
        const cr = clean.slice(0, at) + '\r' + clean.slice(at + 1);
        assert.deepEqual(summary(validateMessage(message(cr), { html: false })).filter((p) => p.startsWith('bare-cr')), [`bare-cr@${headerLength + at}+1`], where);
      }
      // One line with an LF break among CRLF ones: counted as such.
      if (line < lines) {
        const end = lineStart(line) + 76;
        const lf = clean.slice(0, end) + clean.slice(end + 1);
        const crlfCount = message('').split('\r\n').length - 1 + lines;
        assert.deepEqual(summary(validateMessage(message(lf), { html: false })), [`mixed-line-endings@${headerLength + end}+1 ${crlfCount}/1`], `LF at line ${line}`);
      }
    }
  });

  test('the same body with LF breaks in a message with LF header lines: no problem; with CRLF header lines: both counts', () => {
    const body = uniformBody(72, 2 * slice + 5, 12, '\n', '\n');
    assert.ok(readUniformBase64(body));
    assert.deepEqual(summary(validateMessage(message(body, '\n'), { html: false })), []);
    const mixed = validateMessage(message(body, '\r\n'), { html: false }).filter((p) => p.code === 'mixed-line-endings');
    assert.deepEqual(mixed[0]?.data, { dominant: '\n', crlf: message('').split('\r\n').length - 1, lf: 2 * slice + 6 });
  });

  test('a body in a string that also holds characters beyond Latin-1 (a two-byte string) is still read exactly', () => {
    const body = uniformBody(76, slice + 3, 8, '\r\n', '\r\n');
    const withSubject = (b: string): string => `Subject: \u0633\u0644\u0627\u0645\r\n${message(b)}`;
    assert.deepEqual(summary(validateMessage(withSubject(body), { html: false })).filter((p) => p.startsWith('base64')), []);
    // U+0141 has the low octet of "A": the decoder alone would take it for one.
    const at = 100;
    const bad = body.slice(0, at) + '\u0141' + body.slice(at + 1);
    const offset = withSubject('').length;
    assert.deepEqual(
      summary(validateMessage(withSubject(bad), { html: false })).filter((p) => p.startsWith('base64')),
      [`base64-invalid@${offset + at}+1`, `base64-invalid@${offset + body.length - 3}+1`],
    );
  });
});
