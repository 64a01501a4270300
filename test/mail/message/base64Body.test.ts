/**
 * The well-formed-base64 test the body checks start with (RFC 2045 §6.8) is found
 * with Node's decoder rather than a regex: it must agree with the grammar, written
 * here as the regex it replaced, on every body, whatever characters get in (every
 * octet, characters beyond Latin-1, "-" and "_" that Node reads as base64url, "="
 * anywhere), and validation must report the same problems either way.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isCleanBase64Body, validateMessage } from '../../../src/mail/message/validate';

/** RFC 2045 §6.8: the alphabet and line breaks, then at most two "=" followed by line breaks only. */
const GRAMMAR = /^[A-Za-z0-9+/\r\n]*(?:=[\r\n]*){0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bodies mostly of base64 and line breaks, with a few other characters mixed in. */
const intruder = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('-', '_', '=', ' ', '\t', '\u0141', '\u0100', '\u2028', '\u{1F600}', '\uFEFF'),
);
const piece = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 3, arbitrary: fc.constantFrom('\r\n', '\n', '\r') },
  { weight: 1, arbitrary: intruder },
);
const body = fc.tuple(fc.array(piece, { maxLength: 120 }), fc.constantFrom('', '=', '==', '=\r\n', '==\r\n', '=\n=', '===')).map(([ps, end]) => ps.join('') + end);

function message(b: string): string {
  return `From: a@example.com\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <b@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${b}`;
}

describe('well-formed base64 bodies', () => {
  test('agrees with the grammar on generated bodies (fast-check)', () => {
    fc.assert(
      fc.property(body, (b) => {
        assert.equal(isCleanBase64Body(b), GRAMMAR.test(b), JSON.stringify(b));
      }),
      { numRuns: 3000 },
    );
  });

  test('decoded in pieces (as a large body is, cut at line ends), it agrees with the grammar too (fast-check)', () => {
    // Pieces of 1 to 40 characters stand for the 64 KB pieces of a real attachment: every cut, every remainder of 4 in a piece.
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 40 }), (b, piece) => {
        assert.equal(isCleanBase64Body(b, piece), GRAMMAR.test(b), `${JSON.stringify(b)} in pieces of ${piece}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('a large attachment with one stray character anywhere is found, in the piece where it is', () => {
    const line = (i: number): string => ALPHABET.slice(i % 64) + ALPHABET.slice(0, i % 64);
    const lines: string[] = [];
    for (let i = 0; lines.length * 66 < 300_000; i++) lines.push(line(i).slice(0, 64));
    const clean = lines.join('\r\n') + '\r\n';
    assert.equal(isCleanBase64Body(clean), true);
    // Inside a piece, at a cut (the first character after a line end) and just before one.
    for (const at of [0, 1000, 65_536, 65_538, 131_073, 200_001, clean.length - 3]) {
      for (const ch of ['!', ' ', '\u00e9', '-', '=', '\r']) {
        const b = clean.slice(0, at) + ch + clean.slice(at);
        assert.equal(isCleanBase64Body(b), GRAMMAR.test(b), `${JSON.stringify(ch)} at ${at}`);
      }
    }
    // Through the message check as well: none for the clean body, one on the stray character (the data stays a multiple of 4).
    const found = (b: string) => validateMessage(message(b), { html: false }).filter((p) => p.code.startsWith('base64')).map((p) => [p.code, p.offset, p.length]);
    assert.deepEqual(found(clean), []);
    assert.deepEqual(found(clean.slice(0, 200_001) + '!' + clean.slice(200_001)), [['base64-invalid', message('').length + 200_001, 1]]);
  });

  test('one character of every kind inside clean data: rejected unless it is in the grammar', () => {
    const clean = 'QUJDREVGR0hJSktM\r\nTU5PUFFSU1RVVldY\r\nWVo=';
    for (let c = 0; c <= 0x2030; c++) {
      if (c > 0x200 && c < 0x2000) continue;
      const ch = String.fromCharCode(c);
      for (const at of [0, 5, 17, clean.length - 3, clean.length]) {
        const b = clean.slice(0, at) + ch + clean.slice(at);
        assert.equal(isCleanBase64Body(b), GRAMMAR.test(b), `U+${c.toString(16)} at ${at}`);
      }
    }
  });

  test('every data length, with and without padding and line breaks', () => {
    for (let n = 0; n <= 24; n++) {
      const data = ALPHABET.slice(0, n);
      for (const end of ['', '=', '==', '===', '=\r\n=', '\r\n']) {
        for (const b of [data + end, data.replace(/(.{4})/g, '$1\r\n') + end, data.replace(/(.{3})/g, '$1\n') + end]) {
          assert.equal(isCleanBase64Body(b), GRAMMAR.test(b), JSON.stringify(b));
        }
      }
    }
  });

  test('a body with "-", "_" (which Node decodes as base64url) or another stray character gets its problem', () => {
    const codes = (b: string): string[] => validateMessage(message(b), { html: false }).filter((p) => p.code.startsWith('base64')).map((p) => p.code);
    assert.deepEqual(codes('QUJDREVGR0hJSktM\r\n'), []);
    for (const ch of ['-', '_', '!', '\u0141', '\u00e9']) assert.deepEqual(codes(`QUJDREVG${ch}0hJSktM\r\n`), ['base64-invalid', 'base64-invalid'], JSON.stringify(ch));
  });
});
