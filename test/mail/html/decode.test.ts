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
