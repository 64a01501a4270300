/**
 * The quoted-printable decoder of the HTML checks has a fast path for
 * US-ASCII bodies (native searches and copies) beside the general loop; both
 * must give the same octets and the same position map on any input.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeAsciiQpWithMap, decodeQpWithMap, QpMap } from '../../../src/mail/html/decode';
import { decodeQuotedPrintable } from '../../../src/mail/message/encodings';

/** Pieces that exercise escapes, soft breaks, padding before line ends, lone "=" and bare CR. */
const piece = fc.constantFrom('a', 'b', ' ', '\t', '=', '=3D', '=C3=A9', '=E2=80=94', '=\r\n', '=\n', '= \r\n', '\r\n', '\n', '\r', '  \r\n', 'x =', '=4', '=zz', '<p style=3D"m">');

test('the US-ASCII fast path decodes and maps exactly like the general loop', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.nat(5), (pieces, pad) => {
      const body = pieces.join('');
      const text = 'H'.repeat(pad) + body + 'T';
      const from = pad;
      const to = pad + body.length;
      const fast = new QpMap();
      const slow = new QpMap();
      const a = decodeAsciiQpWithMap(text, from, to, fast);
      const b = decodeQpWithMap(text, from, to, slow);
      assert.deepEqual([...a], [...b]);
      assert.deepEqual([...a], [...decodeQuotedPrintable(body)]);
      for (let i = 0; i < a.length; i++) assert.deepEqual(fast.span(i, i + 1), slow.span(i, i + 1), `octet ${i}`);
    }),
    { numRuns: 500 },
  );
});

/** Valid UTF-8 in quoted-printable: escapes of one to four octets, literal ASCII, soft breaks. */
const utf8Piece = fc.constantFrom('a', ' ', '=3D', '=C3=A9', '=E2=80=94', '=F0=9F=98=80', '=\r\n', '=\n', '\r\n', '\n', '  \r\n', '\t=\r\n', 'x =', '=zz');

test('the map replayed on demand gives the spans the map recorded while decoding gives, in any order of questions', () => {
  fc.assert(
    fc.property(
      fc.array(utf8Piece, { maxLength: 60 }),
      fc.constantFrom(1, 400),
      fc.array(fc.tuple(fc.nat(), fc.nat(3)), { minLength: 1, maxLength: 40 }),
      (pieces, repeat, questions) => {
        // Repeated 400 times the body is long enough that the replay stops and resumes several times.
        const body = pieces.join('').repeat(repeat);
        const text = 'H' + body + 'T';
        const eager = new QpMap();
        const lazy = new QpMap();
        const a = decodeAsciiQpWithMap(text, 1, 1 + body.length, eager);
        const b = decodeAsciiQpWithMap(text, 1, 1 + body.length, undefined);
        assert.deepEqual([...a], [...b]);
        lazy.replayAsciiLater(text, 1, 1 + body.length);
        const html = a.toString('utf8');
        eager.indexUtf8Units(a);
        lazy.indexUtf8Units(b);
        if (!html.length) return;
        // Late positions first, then early ones: the replay must resume and look back.
        for (const [q, len] of questions) {
          const from = q % html.length;
          const to = Math.min(html.length, from + len);
          assert.deepEqual(lazy.span(from, to), eager.span(from, to), `units ${from}-${to}`);
        }
        for (let u = 0; u < Math.min(html.length, 300); u++) assert.deepEqual(lazy.span(u, u + 1), eager.span(u, u + 1), `unit ${u}`);
      },
    ),
    { numRuns: 300 },
  );
});
