/**
 * Round-trip properties of the transfer-encoding and encoded-word code:
 * our decoders agree with Node's `Buffer` and with a reference encoder
 * (nodemailer's, a dependency we ship) for random bytes and strings, our encoders
 * obey the RFC line limits, and no decoder throws on any input.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import * as fc from 'fast-check';
import { assertProperty, params } from './fuzzConfig';

// Loaded with require() so that the shape the properties rely on is stated here.
const enc = require('../../src/mail/message/encodings') as {
  decodeBase64(text: string): Buffer;
  decodeQuotedPrintable(text: string): Buffer;
  decodeEncodedWords(value: string): { text: string; words: Array<{ offset: number; length: number; valid: boolean }> };
  encodeEncodedWord(text: string, charset?: string): string;
  encodeQuotedPrintable(input: string | Buffer, eol?: string): string;
  encodeBase64Lines(buf: Buffer, eol?: string): string;
};
const nodemailerQp = require('nodemailer/lib/qp') as { encode(b: Buffer | string): string; wrap(s: string, len?: number): string };
const nodemailerMime = require('nodemailer/lib/mime-funcs') as { encodeWord(s: string, enc?: string, max?: number): string };

const bytes = fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a));
/** Any UTF-16 string, lone surrogates included. */
const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((cs) => String.fromCharCode(...cs));
/** Strings made of the characters that matter to these encodings. */
const encodingish = fc
  .array(fc.constantFrom('=', '?', '_', ' ', '\t', '\r', '\n', '\r\n', '=?', '?=', '=?utf-8?', 'B?', 'Q?', 'A', 'z', '0', 'F', '+', '/', '==', 'é', '\u0000', '=\r\n', '=4', '=4G', 'QUJD'), { maxLength: 80 })
  .map((xs) => xs.join(''));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Well-formed Unicode text (what an editor holds), astral characters included. */
const wellFormed = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !LONE_SURROGATE.test(s));
/**
 * Basic Multilingual Plane text: nodemailer's encodeWord splits a surrogate pair
 * between two B words (each half becomes U+FFFD), so the reference is only
 * trusted without astral characters.
 */
const bmpText = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !/[\uD800-\uDFFF]/.test(s));

/** RFC 2045 §6.7 rule 4: bare LF and CRLF are both line breaks; what the decoder gives back uses CRLF. */
const crlf = (b: Buffer): Buffer => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');

test('decodeBase64 agrees with Buffer for random bytes, our line encoding and any string', () => {
  assertProperty(
    fc.property(bytes, (b) => {
      assert.deepEqual(enc.decodeBase64(b.toString('base64')), b);
      const lines = enc.encodeBase64Lines(b);
      for (const line of lines.split('\r\n')) assert.ok(line.length <= 76, 'RFC 2045 §6.8: at most 76 characters a line');
      assert.equal(lines.replace(/\r\n/g, ''), b.toString('base64'));
      assert.deepEqual(enc.decodeBase64(lines), b);
      assert.deepEqual(enc.decodeBase64(enc.encodeBase64Lines(b, '\n')), b);
    }),
    params(300),
  );
  assertProperty(
    fc.property(fc.oneof(anyUtf16, encodingish), (s) => {
      assert.deepEqual(enc.decodeBase64(s), Buffer.from(s, 'base64'));
    }),
    params(300),
  );
});

test('quoted-printable: decode(encode(bytes)) gives the bytes back, lines stay within 76', () => {
  assertProperty(
    fc.property(bytes, (b) => {
      const encoded = enc.encodeQuotedPrintable(b);
      for (const line of encoded.split('\r\n')) {
        assert.ok(line.length <= 76, `RFC 2045 §6.7 rule 5: line of ${line.length} characters: ${JSON.stringify(line)}`);
        assert.ok(!/[ \t]$/.test(line), 'rule 3: no white space at the end of an encoded line');
        assert.ok(/^[\x20-\x7e\t]*$/.test(line), 'only printable ASCII in the encoding');
      }
      assert.deepEqual(enc.decodeQuotedPrintable(encoded), crlf(b));
    }),
    params(400),
  );
});

test('quoted-printable: our decoder reads the reference encoder (nodemailer) exactly', () => {
  assertProperty(
    fc.property(bytes, (b) => {
      // nodemailer encodes every CR and LF as =0D / =0A, so the bytes come back unchanged.
      const reference = nodemailerQp.wrap(nodemailerQp.encode(b), 76);
      assert.deepEqual(enc.decodeQuotedPrintable(reference), b);
    }),
    params(400),
  );
});

test('quoted-printable decoder never throws and never invents more bytes than it reads', () => {
  assertProperty(
    fc.property(fc.oneof(anyUtf16, encodingish), (s) => {
      const out = enc.decodeQuotedPrintable(s);
      assert.ok(Buffer.isBuffer(out));
      assert.ok(out.length <= Buffer.byteLength(s, 'utf8'));
    }),
    params(500),
  );
});

test('encoded words: decode(encode(s)) === s, every word at most 75 characters', () => {
  assertProperty(
    fc.property(wellFormed, fc.constantFrom('UTF-8', 'utf-8'), (s, charset) => {
      const encoded = enc.encodeEncodedWord(s, charset);
      for (const word of encoded.split(' ').filter(Boolean)) {
        assert.ok(word.length <= 75, `RFC 2047 §2: word of ${word.length} characters`);
        assert.match(word, /^=\?[^?]+\?[BQ]\?[^? ]*\?=$/);
      }
      const decoded = enc.decodeEncodedWords(encoded);
      assert.equal(decoded.text, s);
      assert.ok(decoded.words.every((w) => w.valid));
    }),
    params(400),
  );
});

test('encoded words: our decoder reads the reference encoder (nodemailer) exactly', () => {
  assertProperty(
    fc.property(bmpText, fc.constantFrom('Q', 'B'), (s, mode) => {
      const reference = nodemailerMime.encodeWord(s, mode, 52);
      assert.equal(enc.decodeEncodedWords(reference).text, s);
    }),
    params(400),
  );
});

test('encoded-word decoder never throws; words lie inside the value; no =? means no change', () => {
  assertProperty(
    fc.property(fc.oneof(anyUtf16, encodingish), (s) => {
      const { text, words } = enc.decodeEncodedWords(s);
      assert.equal(typeof text, 'string');
      for (const w of words) {
        assert.ok(Number.isInteger(w.offset) && Number.isInteger(w.length) && w.offset >= 0 && w.length > 0);
        assert.ok(w.offset + w.length <= s.length, `word ${w.offset}+${w.length} outside a value of ${s.length}`);
        assert.ok(s.startsWith('=?', w.offset));
      }
      if (!s.includes('=?')) assert.equal(text, s);
      assert.deepEqual(enc.decodeEncodedWords(s), { text, words }, 'deterministic');
    }),
    params(600),
  );
});

test('quoted-printable: lines near the 76 limit that end in white space stay within 76', () => {
  // Random bytes rarely build a 75-character line ending in a space, so build such lines on purpose.
  const nearLimitLine = fc
    .tuple(fc.integer({ min: 60, max: 80 }), fc.constantFrom(' ', '\t', '  ', ' \t'), fc.constantFrom('\n', '\r\n', ''))
    .map(([n, ws, eol]) => 'a'.repeat(n) + ws + eol);
  assertProperty(
    fc.property(fc.array(nearLimitLine, { minLength: 1, maxLength: 4 }), (lines) => {
      const text = lines.join('');
      const encoded = enc.encodeQuotedPrintable(text);
      for (const line of encoded.split('\r\n')) {
        assert.ok(line.length <= 76, `RFC 2045 §6.7 rule 5: line of ${line.length} characters: ${JSON.stringify(line.slice(-10))}`);
      }
      assert.deepEqual(enc.decodeQuotedPrintable(encoded), crlf(Buffer.from(text, 'utf8')));
    }),
    params(200),
  );
});

test('quoted-printable: raw text above U+00FF (emoji included) decodes to its UTF-8 bytes', () => {
  // Mislabelled 8-bit mail puts raw UTF-8 text in a QP body; the decoder documents that
  // characters above 0xFF become UTF-8, which must hold for astral characters (surrogate pairs) too.
  const piece = fc.oneof(
    fc.stringMatching(/^[!-<>-~]{0,5}$/), // printable ASCII without "="
    fc.integer({ min: 0x100, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  );
  assertProperty(
    fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(enc.decodeQuotedPrintable(text), Buffer.from(text, 'utf8'));
    }),
    params(300),
  );
});

test('encoded words in any charset (known, odd, unknown, RFC 2231 language suffix) never throw', () => {
  const charset = fc.oneof(
    fc.constantFrom('utf-8', 'UTF-8', 'us-ascii', 'iso-8859-1', 'windows-1252', 'koi8-r', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'gb18030', 'big5', 'utf-7', 'utf-16', 'utf-16le', 'utf-32', 'ucs-2', 'x-unknown', 'utf-8*en', 'iso-8859-1*fr-CA', '*', '', 'utf-8?', 'ut f-8', '\u0000', 'é'),
    fc.stringMatching(/^[A-Za-z0-9_*-]{0,12}$/),
  );
  const payload = fc.oneof(fc.stringMatching(/^[A-Za-z0-9+/=_]{0,40}$/), fc.stringMatching(/^[!-~]{0,40}$/), anyUtf16.map((s) => s.slice(0, 40)));
  assertProperty(
    fc.property(charset, fc.constantFrom('B', 'b', 'Q', 'q', 'X', ''), payload, fc.constantFrom('', ' ', ' =?utf-8?Q?a?= '), (cs, mode, body, tail) => {
      const value = `=?${cs}?${mode}?${body}?=${tail}`;
      const { text, words } = enc.decodeEncodedWords(value);
      assert.equal(typeof text, 'string');
      for (const w of words) assert.ok(w.offset >= 0 && w.offset + w.length <= value.length);
      assert.deepEqual(enc.decodeEncodedWords(value), { text, words });
    }),
    params(600),
  );
});
