/**
 * The line checks skip base64 bodies the base64 check already read line by line
 * (validate.ts, Reporter.cleanSpans). Against an independent count over the whole
 * text, for random base64 parts with CRLF, LF, bare CRs and long lines: the
 * mixed-line-endings counts and place, and the bare-CR and NUL reports, are the same.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_PER_CODE, validateMessage } from '../../../src/mail/message/validate';

const B64_LINE = fc.constantFrom('QUJD', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0', 'QQ==', '', 'A'.repeat(80), 'QU\rJD');
const BREAK = fc.constantFrom('\r\n', '\n', '\r\n', '\r\n');
const body = fc.array(fc.tuple(B64_LINE, BREAK), { minLength: 1, maxLength: 8 }).map((xs) => xs.map(([l, b]) => l + b).join(''));

function messageOf(bodies: string[], eol: string): string {
  const lines = ['From: a@example.org', 'Content-Type: multipart/mixed; boundary="b"', ''];
  for (const b of bodies) lines.push('--b', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '', b);
  lines.push('--b--', '');
  return lines.join(eol);
}

test('line-ending counts and bare CRs over base64 bodies match a count of the whole text', () => {
  fc.assert(
    fc.property(fc.array(body, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), (bodies, eol) => {
      const text = messageOf(bodies, eol);
      let crlf = 0;
      let lf = 0;
      let firstCrlf = -1;
      let firstLf = -1;
      const bare: number[] = [];
      let lineHasBare = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n') {
          if (text[i - 1] === '\r') {
            crlf++;
            if (firstCrlf < 0) firstCrlf = i - 1;
          } else {
            lf++;
            if (firstLf < 0) firstLf = i;
          }
          lineHasBare = false;
        } else if (c === '\r' && text[i + 1] !== '\n' && !lineHasBare) {
          bare.push(i);
          lineHasBare = true;
        }
      }
      const problems = validateMessage(text);
      const mixed = problems.filter((p) => p.code === 'mixed-line-endings');
      if (crlf > 0 && lf > 0) {
        assert.equal(mixed.length, 1);
        assert.deepEqual(mixed[0].data, { dominant: crlf < lf ? '\n' : '\r\n', crlf, lf });
        assert.equal(mixed[0].offset, crlf < lf ? firstCrlf : firstLf);
      } else assert.equal(mixed.length, 0);
      assert.deepEqual(
        problems.filter((p) => p.code === 'bare-cr').map((p) => p.offset),
        bare.slice(0, MAX_PER_CODE),
      );
    }),
    { numRuns: 500 },
  );
});

test('NUL characters are reported once per line, inside and between base64 bodies, whatever the bodies skip', () => {
  // Bodies of uniform lines (the fast path's clean spans) and of other shapes; NULs in bodies, in text parts and in part headers.
  const uniform = fc.integer({ min: 1, max: 30 }).map((n) => 'QUJD'.repeat(19).concat('\r\n').repeat(n));
  const withNul = fc.tuple(fc.array(fc.tuple(B64_LINE, BREAK), { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom('\0', '\0\0', 'x\0')).map(([xs, at, nul]) => {
    const b = xs.map(([l, br]) => l + br).join('');
    const i = at % (b.length + 1);
    return b.slice(0, i) + nul + b.slice(i);
  });
  // Text parts, with NULs, between the base64 parts: right before a clean span too.
  const text = fc.constantFrom('plain text\r\n', 'a\0b\r\nc\0\r\n', '\0\r\n\0\0\r\n', 'end\0');
  const part = fc.oneof(
    fc.tuple(fc.oneof(uniform, withNul, body), fc.constantFrom([], ['X-Tag: \0'], ['X-Tag: a\0\0'])).map(([b, extra]) => ({ base64: b, extra })),
    text.map((t) => ({ text: t })),
  );
  fc.assert(
    fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (parts, eol) => {
      const lines = ['From: a@example.org', 'Content-Type: multipart/mixed; boundary="b"', ''];
      for (const p of parts) {
        if ('base64' in p) lines.push('--b', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', ...p.extra, '', p.base64);
        else lines.push('--b', 'Content-Type: text/plain', '', p.text);
      }
      lines.push('--b--', '');
      const message = lines.join(eol);
      const expected: number[] = [];
      for (let i = message.indexOf('\0'); i >= 0; ) {
        expected.push(i);
        const nl = message.indexOf('\n', i);
        if (nl < 0) break;
        i = message.indexOf('\0', nl);
      }
      assert.deepEqual(
        validateMessage(message).filter((p) => p.code === 'nul-character').map((p) => p.offset),
        expected.slice(0, MAX_PER_CODE),
      );
    }),
    { numRuns: 500 },
  );
});
