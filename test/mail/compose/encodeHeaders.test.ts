/**
 * Encoding raw non-ASCII header text (Format Document, on save, the quick fix):
 * Subject and display names become encoded words, addresses stay readable,
 * lines fold within 78, and the decoded text is unchanged. LF and CRLF.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { encodeHeaderEdits, foldAtSpaces } from '../../../src/mail/compose/encodeHeaders';
import { decodeEncodedWords } from '../../../src/mail/message/encodings';
import { findHeader } from '../../../src/mail/message/model';
import { parseMessage } from '../../../src/mail/message/parse';
import { validateMessage } from '../../../src/mail/message/validate';

function apply(text: string): string {
  let out = text;
  for (const e of [...encodeHeaderEdits(text)].reverse()) out = out.slice(0, e.offset) + e.text + out.slice(e.end);
  return out;
}

for (const eol of ['\n', '\r\n']) {
  describe(`encodeHeaderEdits (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    const subject = 'Grüße aus Köln: ein ziemlich langer Betreff, der über die Zeilengrenze von 78 Zeichen hinausgeht, سلام';
    const text = [
      'From: Jürgen Müller <j@example.com>',
      'To: "Müller, Jörg" <jm@example.com>, bob@example.com',
      `Subject: ${subject}`,
      'Date: Fri, 27 Nov 2026 10:00:00 +0000',
      'Message-ID: <x@example.com>',
      '',
      'Body stays ä as it is',
      '',
    ].join(eol);
    it('encodes Subject and display names, folds within 78, keeps the meaning; nothing else changes', () => {
      const out = apply(text);
      assert.ok(out.endsWith(['', 'Body stays ä as it is', ''].join(eol)));
      assert.deepEqual(validateMessage(out).filter((p) => p.code !== 'eight-bit-data' && p.code !== 'mime-version-missing').map((p) => p.code), []);
      assert.ok(out.split(/\r?\n/).every((l) => l.length <= 78), out);
      const root = parseMessage(out).root;
      assert.equal(decodeEncodedWords(findHeader(root, 'subject')!.value).text, subject);
      assert.equal(decodeEncodedWords(findHeader(root, 'from')!.value).text, 'Jürgen Müller <j@example.com>');
      assert.equal(decodeEncodedWords(findHeader(root, 'to')!.value).text, 'Müller, Jörg <jm@example.com>, bob@example.com');
      assert.ok(/^[\x00-\x7f]*$/.test(out.slice(0, out.indexOf(`${eol}${eol}`))), 'the header is ASCII');
      assert.deepEqual(encodeHeaderEdits(out), [], 'a second run changes nothing');
    });
    it('no edit for non-ASCII in an addr-spec or in a field that allows no encoded words', () => {
      const t = ['From: jörg@exämple.com', 'Content-ID: <Ü@example.com>', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', '', 'x'].join(eol);
      assert.deepEqual(encodeHeaderEdits(t), []);
    });
  });
}

describe('folding', () => {
  it('breaks at spaces only, keeping every space', () => {
    const f = `Subject: ${'word '.repeat(30)}end  two`;
    const folded = foldAtSpaces(f, '\r\n');
    assert.ok(folded.split('\r\n').every((l) => l.length <= 78));
    assert.equal(folded.replace(/\r\n(?=[ \t])/g, ''), f);
  });
});

describe('encodeHeaderEdits: which fields take encoded words comes from the field table', () => {
  const edited = (field: string): string[] => {
    const text = ['From: a@example.com', field, 'Subject: x', '', 'body', ''].join('\r\n');
    return encodeHeaderEdits(text).map((e) => text.slice(e.offset, e.end));
  };
  it('Content-Description is *text (RFC 2047 §5 (1) names it): its words are encoded, as the validator reads them', () => {
    assert.deepEqual(edited('Content-Description: Bericht für Köln'), ['Content-Description: Bericht für Köln']);
  });
  it('List-Id: the description phrase is encoded (RFC 2919 §3), the id in angle brackets is not', () => {
    const text = ['From: a@example.com', 'List-Id: Grüße <gruesse.example.com>', '', 'body', ''].join('\r\n');
    const out = apply(text);
    assert.match(out, /^List-Id: =\?UTF-8\?[BQ]\?[^?]+\?= <gruesse\.example\.com>\r$/m);
    assert.equal(decodeEncodedWords(findHeader(parseMessage(out).root, 'list-id')!.value).text, 'Grüße <gruesse.example.com>');
  });
  it('fields whose grammar forbids encoded words are left alone: Date, Message-ID, Content-Type, DKIM-Signature, an unknown Content-* field', () => {
    for (const field of ['Date: Fri, 27 Nov 2026 10:00:00 +0000 (Köln)', 'Message-ID: <ü@example.com>', 'Content-Type: text/plain; name=für.txt', 'DKIM-Signature: v=1; d=ü.example', 'Content-Foo: für']) {
      assert.deepEqual(edited(field), [], field);
    }
  });
  it('an unknown X- field is unstructured text (RFC 5322 §3.6.8): encoded', () => {
    assert.deepEqual(edited('X-Note: für dich'), ['X-Note: für dich']);
  });
});
