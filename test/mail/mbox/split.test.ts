/**
 * Splitting mailboxes: mboxo / mboxrd separators after an empty line,
 * mboxcl Content-Length framing (honoured only when it lands), mboxrd
 * quoting, the message under an offset. Every case in LF and CRLF.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  isSeparatorLine,
  messageRangeAt,
  quoteFromLines,
  separatorLine,
  splitMbox,
  unquoteFromLines,
  type MboxMessage,
} from '../../../src/mail/mbox/split';
import { utf8Length } from '../../../src/mail/octets';

const EOLS = [
  { name: 'LF', eol: '\n' },
  { name: 'CRLF', eol: '\r\n' },
];

const SEP1 = 'From alice@example.com Thu Jan  1 00:00:00 2026';
const SEP2 = 'From bob@example.org Fri Jan  2 10:30:00 2026';
const SEP3 = 'From - Sat Jan  3 11:00:00 2026';

/** The text of each message (separator line included) and the separator line numbers. */
function pieces(text: string, messages: MboxMessage[]): Array<{ whole: string; message: string; line: number }> {
  return messages.map((m) => ({ whole: text.slice(m.offset, m.end), message: text.slice(m.headerOffset, m.end), line: m.line }));
}

describe('mbox separator lines', () => {
  const table: Array<[string, boolean]> = [
    [SEP1, true],
    [SEP3, true],
    ['From 1617295245@xxx Sat Apr 03 16:00:45 +0000 2021', true],
    ['From MAILER-DAEMON  Mon Jul  8 12:08:34 2011', true],
    ['From here on, body text', false],
    ['From: alice@example.com', false],
    ['From : alice@example.com Thu', false],
    ['from alice@example.com Thu Jan  1 00:00:00 2026', false],
    ['From alice@example.com Thursday', false],
    ['>From alice@example.com Thu Jan  1 00:00:00 2026', false],
  ];
  for (const [line, expected] of table) it(`${JSON.stringify(line)} → ${expected}`, () => assert.equal(isSeparatorLine(line), expected));
});

for (const { name, eol } of EOLS) {
  const j = (...lines: string[]): string => lines.join(eol);
  describe(`splitMbox (${name})`, () => {
    it('mboxo: two messages; the empty line before the separator belongs to neither', () => {
      const m1 = j('Subject: one', '', 'body one', '');
      const m2 = j('Subject: two', '', 'body two', '');
      const text = `${SEP1}${eol}${m1}${eol}${SEP2}${eol}${m2}${eol}`;
      const messages = splitMbox(text);
      assert.equal(messages.length, 2);
      const p = pieces(text, messages);
      assert.equal(p[0].message, m1);
      assert.equal(p[0].line, 0);
      assert.equal(p[1].line, 5);
      // The last message keeps what follows it (the trailing empty line), so joining restores the file.
      assert.equal(p[1].message, m2 + eol);
      assert.equal(messages[0].headerOffset, SEP1.length + eol.length);
      assert.deepEqual(messages.map((m) => m.framedByLength), [false, false]);
    });

    it('a last message without a trailing empty line, and without a final line break', () => {
      const text = j(SEP1, 'Subject: one', '', 'a', '', SEP2, 'Subject: two', '', 'last line');
      const p = pieces(text, splitMbox(text));
      assert.equal(p.length, 2);
      assert.equal(p[1].message, j('Subject: two', '', 'last line'));
      assert.equal(p[1].line, 5);
    });

    it('"From " lines that are not separators: prose after an empty line, a separator-like line inside a paragraph', () => {
      const text = j(SEP1, 'Subject: one', '', 'From here on, body text', 'text', SEP2, 'more', '', '>From quoted Thu Jan  1 00:00:00 2026', '');
      assert.equal(splitMbox(text).length, 1);
    });

    it('mboxrd: ">From " body lines stay in the message (quoted) and split nothing', () => {
      const text = j(SEP1, 'Subject: one', '', `>${SEP2}`, '>>From x', '', SEP3, 'Subject: two', '', 'b', '');
      const messages = splitMbox(text);
      assert.equal(messages.length, 2);
      const body = pieces(text, messages)[0].message;
      assert.equal(unquoteFromLines(body), j('Subject: one', '', SEP2, '>From x', ''));
    });

    it('a message whose body is empty: the separator right after the header section', () => {
      const text = j(SEP1, 'Subject: one', '', SEP2, 'Subject: two', '', 'b', '');
      const p = pieces(text, splitMbox(text));
      assert.deepEqual(p.map((x) => x.message), [j('Subject: one', ''), j('Subject: two', '', 'b', '')]);
    });

    it('not a mailbox: no separator on the first line', () => {
      assert.deepEqual(splitMbox(j('From: a@example.com', '', SEP1, 'x', '')), []);
      assert.deepEqual(splitMbox(''), []);
      assert.deepEqual(splitMbox(j('From here', '', SEP1, '')), []);
    });

    it('a separator line alone, without a line break', () => {
      const messages = splitMbox(SEP1);
      assert.equal(messages.length, 1);
      assert.equal(messages[0].headerOffset, SEP1.length);
      assert.equal(messages[0].end, SEP1.length);
    });

    describe('mboxcl Content-Length', () => {
      const body = j('line one', 'line two', '', SEP3, 'still the body', '');
      const octets = Buffer.byteLength(body, 'utf8');
      it('a correct length keeps a separator inside the body', () => {
        const text = j(SEP1, `Content-Length: ${octets}`, 'Subject: one', '', body) + eol + j(SEP2, 'Subject: two', '', 'b', '');
        const messages = splitMbox(text);
        assert.equal(messages.length, 2);
        assert.equal(pieces(text, messages)[0].message, j(`Content-Length: ${octets}`, 'Subject: one', '', body));
        assert.equal(messages[0].framedByLength, true);
      });
      it('counts octets, not UTF-16 units (non-ASCII body)', () => {
        const fa = j('سلام دنیا 😀', '', SEP3, '');
        const n = Buffer.byteLength(fa, 'utf8');
        assert.equal(utf8Length(fa, 0, fa.length), n);
        const text = j(SEP1, `Content-Length: ${n}`, '', fa) + eol + j(SEP2, '', 'b');
        assert.equal(splitMbox(text).length, 2);
      });
      it('a length that lands right on the next separator (no empty line)', () => {
        const text = j(SEP1, `Content-Length: ${octets}`, '', body) + j(SEP2, '', 'b');
        const messages = splitMbox(text);
        assert.equal(messages.length, 2);
        assert.equal(messages[1].line, 8);
      });
      it('a length of 0', () => {
        const text = j(SEP1, 'Content-Length: 0', '', SEP2, '', 'b');
        assert.equal(splitMbox(text).length, 2);
      });
      for (const [what, n] of [['too short (more body follows)', 'line one'.length + eol.length], ['inside a line', 4], ['past the end', octets + 1000]] as const) {
        it(`a wrong length (${what}) is ignored: the separator inside counts`, () => {
          const text = j(SEP1, `Content-Length: ${n}`, '', body) + eol + j(SEP2, '', 'b', '');
          const messages = splitMbox(text);
          assert.deepEqual(messages.map((m) => m.line), [0, 6, 9]);
          assert.deepEqual(messages.map((m) => m.framedByLength), [false, false, false]);
          assert.equal(pieces(text, messages)[0].message, j(`Content-Length: ${n}`, '', 'line one', 'line two', ''));
        });
      }
    });

    it('messageRangeAt: the message under an offset, none on the empty line between, the whole text for a plain message', () => {
      const text = j(SEP1, 'Subject: one', '', 'a', '', SEP2, 'Subject: two', '', 'b', '');
      const at = (needle: string): ReturnType<typeof messageRangeAt> => messageRangeAt(text, text.indexOf(needle));
      assert.equal(at('Subject: one')?.index, 0);
      assert.equal(at('From alice')?.index, 0);
      assert.equal(at('Subject: two')?.index, 1);
      assert.equal(at('Subject: two')?.count, 2);
      const between = text.indexOf(`a${eol}`) + 1 + eol.length;
      assert.equal(messageRangeAt(text, between), undefined);
      assert.equal(messageRangeAt(text, text.length)?.index, 1);
      assert.deepEqual(messageRangeAt('Subject: x\n\nb', 3), { offset: 0, headerOffset: 0, end: 13, index: 0, count: 1 });
    });
  });
}

describe('mboxrd quoting', () => {
  it('quotes every "From " and ">From " line start, and only those', () => {
    assert.equal(quoteFromLines('From a\n>From b\nx From c\n>>From d\n>Fromage\r\nFrom e'), '>From a\n>>From b\nx From c\n>>>From d\n>Fromage\r\n>From e');
  });
  it('unquote undoes quote for any text (property)', () => {
    const line = fc.constantFrom('From x', '>From y', '>>From ', 'plain', '', '>', 'From', ' From z', '\r');
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = lines.join(eol);
      assert.equal(unquoteFromLines(quoteFromLines(text)), text);
    }));
  });
  it('a separator line built for a date (asctime, UTC, day padded)', () => {
    assert.equal(separatorLine('ann@example.org', new Date('2026-01-02T03:04:05Z')), 'From ann@example.org Fri Jan  2 03:04:05 2026');
    assert.equal(separatorLine('', new Date('x')), 'From MAILER-DAEMON Thu Jan  1 00:00:00 1970');
    assert.ok(isSeparatorLine(separatorLine('a b', new Date())));
  });
});
