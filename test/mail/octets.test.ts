/**
 * measureOctets, the one measure of line limits in octets: its count is
 * Node's UTF-8 encoder's, and its cut is the first whole character (a
 * surrogate pair is one) whose octets pass the limit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { measureOctets, utf8Length } from '../../src/mail/octets';

/** The reference cut: code points encoded one by one, the first that passes `limit`. */
function referenceCut(s: string, limit: number): number {
  let octets = 0;
  let at = 0;
  for (const ch of s) {
    octets += Buffer.byteLength(ch, 'utf8');
    if (octets > limit) return at;
    at += ch.length;
  }
  return -1;
}

describe('measureOctets', () => {
  const rows: Array<{ name: string; text: string; limit: number; octets: number; cut: number }> = [
    { name: 'empty', text: '', limit: 0, octets: 0, cut: -1 },
    { name: 'ASCII at the limit', text: 'x'.repeat(998), limit: 998, octets: 998, cut: -1 },
    { name: 'ASCII one past', text: 'x'.repeat(999), limit: 998, octets: 999, cut: 998 },
    { name: 'two-octet characters', text: '\u00e9'.repeat(500), limit: 998, octets: 1000, cut: 499 },
    { name: 'three-octet characters', text: '\u20ac'.repeat(4), limit: 7, octets: 12, cut: 2 },
    { name: 'a surrogate pair crossing the limit is cut before its high half', text: 'xx\u{1F600}', limit: 4, octets: 6, cut: 2 },
    { name: 'a surrogate pair ending at the limit', text: 'xx\u{1F600}y', limit: 6, octets: 7, cut: 4 },
    { name: 'a lone high surrogate counts 3', text: 'x\ud83d', limit: 3, octets: 4, cut: 1 },
    { name: 'a lone low surrogate counts 3', text: '\ude00x', limit: 3, octets: 4, cut: 1 },
    { name: 'two high surrogates then a low one', text: '\ud83d\ud83d\ude00', limit: 3, octets: 7, cut: 1 },
  ];
  for (const r of rows) {
    test(r.name, () => {
      assert.deepEqual(measureOctets(r.text, 0, r.text.length, r.limit), { octets: r.octets, cut: r.cut });
    });
  }

  test('a span inside a longer text: the cut is an offset of the text, and a pair cut by the span end counts as a lone surrogate', () => {
    const text = 'ab\u00e9\u00e9\u00e9cd';
    assert.deepEqual(measureOctets(text, 2, 5, 3), { octets: 6, cut: 3 });
    assert.deepEqual(measureOctets('a\u{1F600}', 0, 2, 10), { octets: 4, cut: -1 });
  });

  test('latin1: one octet per character up to U+00FF', () => {
    assert.deepEqual(measureOctets('\u00e9'.repeat(999), 0, 999, 998, true), { octets: 999, cut: 998 });
    assert.deepEqual(measureOctets('\u00e9'.repeat(999), 0, 999, 998), { octets: 1998, cut: 499 });
  });

  test('generated text: the count is Buffer.byteLength, the cut is the reference one and never inside a pair (fast-check)', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('x', '\u00e9', '\u20ac', '\u{1F600}', '\ud83d', '\ude00'), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(120), (s, limit) => {
        const m = measureOctets(s, 0, s.length, limit);
        assert.equal(m.octets, Buffer.byteLength(s, 'utf8'));
        assert.equal(utf8Length(s, 0, s.length), m.octets);
        assert.equal(m.cut, referenceCut(s, limit));
        if (m.cut > 0) assert.ok(!((s.charCodeAt(m.cut) & 0xfc00) === 0xdc00 && (s.charCodeAt(m.cut - 1) & 0xfc00) === 0xd800), 'not inside a pair');
      }),
      { numRuns: 500 },
    );
  });
});
