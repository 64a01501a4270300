/**
 * The validator recognises the usual address value (one plain mailbox) by
 * offset and skips the address parser for it: that shortcut must change no
 * result. The claim it rests on is checked here directly: whenever
 * `isPlainMailbox` holds, the full address path (the RFC 5322 parser and the
 * field checks) finds exactly one mailbox and reports nothing, on generated
 * values (folds, comments, quotes, groups, encoded words, 8-bit, controls) and
 * on every address field of every corpus message.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseAddressList } from '../../../src/mail/message/address';
import { parseMessage } from '../../../src/mail/message/parse';
import { walkParts } from '../../../src/mail/message/model';
import { ADDRESS_FIELDS, isPlainMailbox, validateMessage } from '../../../src/mail/message/validate';
import { CORPUS_ROOT, listCorpusFiles } from '../../helpers/corpus';

/** What the full path makes of `value`: the parser's items and problems. */
function fullPath(value: string): { mailboxes: number; others: number; problems: string[] } {
  const { items, problems } = parseAddressList(value, 0);
  return { mailboxes: items.filter((i) => i.kind === 'mailbox').length, others: items.filter((i) => i.kind !== 'mailbox').length, problems: problems.map((p) => p.code) };
}

/** Asserts the shortcut's claim for `value`; returns whether the shortcut applies. */
function checkClaim(value: string): boolean {
  if (!isPlainMailbox(value, 0, value.length)) return false;
  assert.deepEqual(fullPath(value), { mailboxes: 1, others: 0, problems: [] }, JSON.stringify(value));
  return true;
}

const FRAGMENTS = [
  'a', 'bob', 'Alice', 'x.y', 'o\'neil', 'a+tag', '{}', '~', '=', '?', '=?', '?=', '=?utf-8?q?A?=', '.', '..', '@', '<', '>', ' ', '  ', '\t', '\r\n ', '\r\n', '\n',
  '"', '"q"', '(c)', '(', ')', ',', ':', ';', '[', ']', '[1.2.3.4]', '\\', 'é', '\u0001', '\u007f', 'example.org', 'b.example', '-', '_',
];
const value = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));
const word = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]{1,8}$/);
const dotAtom = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('.'));
const space = fc.constantFrom('', ' ', '\t', '\r\n ', '  ');
/** Mostly plain mailboxes (bare or with a display name), so the shortcut is exercised, not only refused. */
const plainish = fc
  .tuple(space, fc.option(fc.array(word, { minLength: 1, maxLength: 3 })), dotAtom, dotAtom, space)
  .map(([lead, name, local, domain, trail]) => (name ? `${lead}${name.join(' ')} <${local}@${domain}>${trail}` : `${lead}${local}@${domain}${trail}`));

describe('isPlainMailbox: the shortcut reports exactly what the full address path reports', () => {
  test('generated values of any shape', () => {
    fc.assert(fc.property(value, (v) => void checkClaim(v)), { numRuns: 3000 });
  });
  test('generated plain mailboxes (with a display name, folds, "=?" inside words)', () => {
    let taken = 0;
    fc.assert(
      fc.property(plainish, (v) => {
        if (checkClaim(v)) taken++;
      }),
      { numRuns: 1000 },
    );
    // Words containing "=?" are left to the full path; most generated values are taken.
    assert.ok(taken > 500, `the shortcut took only ${taken} of 1000`);
  });
  const table: Array<[string, boolean]> = [
    ['a@b.example', true],
    [' a@b.example ', true],
    ['Alice <a@b.example>', true],
    ['Alice Smith\r\n <alice.smith@mail.example.org>', true],
    ['Alice<a@b>', true],
    ['<a@b>', true],
    ['a@b.', false],
    ['.a@b', false],
    ['a..b@c', false],
    ['a@', false],
    ['@b', false],
    ['<a@b', false],
    ['a@b>', false],
    ['Alice <a@b> x', false],
    ['Alice < a@b >', false],
    ['a@b, c@d', false],
    ['a b@c', false],
    ['"Alice" <a@b>', false],
    ['Alice (home) <a@b>', false],
    ['=?utf-8?q?Al=C3=A9?= <a@b>', false],
    ['a=?b@c', false],
    ['Alicé <a@b>', false],
    ['a@[192.0.2.1]', false],
    ['group: a@b;', false],
    ['', false],
    [' ', false],
    ['A.B <a@b>', false],
  ];
  for (const [v, plain] of table) {
    test(`${JSON.stringify(v)}: ${plain ? 'taken' : 'left to the parser'}`, () => {
      assert.equal(isPlainMailbox(v, 0, v.length), plain);
      if (plain) checkClaim(v);
    });
  }
  test('an offset range inside a longer text: only that range is read', () => {
    const text = 'To: a@b.example\r\nX: =?x\r\n';
    const start = text.indexOf('a@');
    assert.equal(isPlainMailbox(text, start, text.indexOf('\r\n')), true);
    assert.equal(isPlainMailbox(text, start, text.length), false);
  });
  test('every address field of every corpus message', () => {
    const files = listCorpusFiles(join(CORPUS_ROOT, 'eml'), (name) => /\.(eml|txt|raw|msg)$/.test(name) && !name.includes('_decoded') && !/^(README|ARTISTIC-LICENSE)\.txt$/.test(name));
    let fields = 0;
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      walkParts(parseMessage(text).root, (part) => {
        for (const h of part.headers) {
          if (h.colonOffset < 0 || !ADDRESS_FIELDS.has(h.name.toLowerCase())) continue;
          fields++;
          if (checkClaim(text.slice(h.valueOffset, h.end))) taken++;
        }
      });
    }
    assert.ok(fields > 300 && taken > 100, `${taken} of ${fields} address fields taken`);
  });
  test('generated small messages: every address field as the parser delimits it (folds, bare LF, 8-bit, MIME and missing fields)', () => {
    const field = fc.oneof(
      fc.tuple(fc.constantFrom('From', 'To', 'Cc', 'Bcc', 'Sender', 'Reply-To', 'Resent-From', 'from', 'TO'), fc.oneof(value, plainish)).map(([n, v]) => `${n}:${v}`),
      fc.constantFrom('Subject: =?utf-8?q?caf=C3=A9?=', 'Subject: café', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <m@example.org>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', `X-Long: ${'x'.repeat(120)}`, ' folded continuation', 'no colon here'),
    );
    let fields = 0;
    fc.assert(
      fc.property(fc.array(field, { maxLength: 8 }), fc.constantFrom('\r\n', '\n'), fc.constantFrom('body\r\n', 'caf\u00e9\n', ''), (lines, eol, body) => {
        const text = lines.join(eol) + eol + eol + body;
        walkParts(parseMessage(text).root, (part) => {
          for (const h of part.headers) {
            if (h.colonOffset < 0 || !ADDRESS_FIELDS.has(h.name.toLowerCase())) continue;
            fields++;
            const raw = text.slice(h.valueOffset, h.end);
            // The shortcut reads the text by offset: the same answer on the field inside its message and on its value alone.
            assert.equal(isPlainMailbox(text, h.valueOffset, h.end), isPlainMailbox(raw, 0, raw.length));
            checkClaim(raw);
          }
        });
      }),
      { numRuns: 500 },
    );
    assert.ok(fields > 500, `only ${fields} address fields generated`);
  });
  test('whole messages: a plain From/To gives no address problem, a near miss still gets its own', () => {
    const head = 'Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nSubject: s\r\nMessage-ID: <m@example.org>\r\n';
    assert.deepEqual(validateMessage(`From: Alice <a@example.org>\r\nTo: b@example.net\r\n${head}\r\nbody\r\n`), []);
    assert.deepEqual(validateMessage(`From: Alice <a@example.org\r\nTo: b@example.net.\r\n${head}\r\nbody\r\n`).map((p) => p.code), ['address-syntax', 'address-syntax']);
  });
});
