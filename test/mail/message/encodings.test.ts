/**
 * Transfer encodings, encoded words, charsets, addresses and dates.
 * Round trips are fast-check properties against Buffer.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decodeBase64,
  decodeCharset,
  decodeEncodedWords,
  decodeQuotedPrintable,
  encodeBase64Lines,
  encodeEncodedWord,
  encodeQuotedPrintable,
  isKnownCharset,
} from '../../../src/mail/message/encodings';
import { mailboxesOf, parseAddressList } from '../../../src/mail/message/address';
import { formatRfc5322Date, parseDateTime } from '../../../src/mail/message/dates';
import { validateMessage } from '../../../src/mail/message/validate';

const bytes = fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a));

describe('base64 and quoted-printable round trips (fast-check)', () => {
  it('encodeBase64Lines then decodeBase64 gives the bytes back; lines are at most 76', () => {
    fc.assert(
      fc.property(bytes, (buf) => {
        const text = encodeBase64Lines(buf);
        assert.ok(text.split('\r\n').every((l) => l.length <= 76));
        assert.deepEqual(decodeBase64(text), buf);
      }),
    );
  });
  it('decodeBase64 agrees with Buffer on canonical base64', () => {
    fc.assert(fc.property(bytes, (buf) => assert.deepEqual(decodeBase64(buf.toString('base64')), Buffer.from(buf.toString('base64'), 'base64'))));
  });
  it('encodeQuotedPrintable then decodeQuotedPrintable gives the bytes back (CRLF normalised)', () => {
    fc.assert(
      fc.property(bytes, (buf) => {
        const normal = Buffer.from(buf.toString('latin1').replace(/\r(?!\n)/g, '').replace(/\r\n/g, '\n').replace(/\n/g, '\r\n'), 'latin1');
        const qp = encodeQuotedPrintable(normal);
        assert.ok(qp.split('\r\n').every((l) => l.length <= 76), qp);
        assert.deepEqual(decodeQuotedPrintable(qp), normal);
      }),
    );
  });
  it('encoded quoted-printable validates clean inside a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const body = encodeQuotedPrintable(s);
        const text = `From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <a@b>\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}\r\n`;
        assert.deepEqual(validateMessage(text).map((p) => p.code), []);
      }),
      { numRuns: 50 },
    );
  });
  it('a line that ends in white space near the 76 limit stays within 76 once the space is escaped (rule 3 and rule 5)', () => {
    for (let n = 60; n <= 80; n++) {
      for (const ws of [' ', '\t', '  ', ' \t']) {
        for (const eol of ['', '\n', '\r\n']) {
          const input = 'a'.repeat(n) + ws + eol + 'b';
          const qp = encodeQuotedPrintable(input);
          for (const line of qp.split('\r\n')) assert.ok(line.length <= 76, `${JSON.stringify(input)} -> line of ${line.length}: ${JSON.stringify(line)}`);
          assert.deepEqual(decodeQuotedPrintable(qp), Buffer.from(input.replace(/\r?\n/g, '\r\n'), 'utf8'));
        }
      }
    }
    // The case the hardening fuzzer found: 67 letters, a space and a tab at the end of the input.
    assert.equal(encodeQuotedPrintable('a'.repeat(67) + ' \t'), 'a'.repeat(67) + ' =09');
    assert.equal(encodeQuotedPrintable('a'.repeat(74) + ' '), 'a'.repeat(74) + '=\r\n=20');
  });
  it('encodes a 1 MB body of 8-bit octets: all escaped, a soft break after every 25, and back', () => {
    const input = Buffer.alloc(1 << 20, 0xe9);
    const qp = encodeQuotedPrintable(input);
    // Every octet escaped (3 characters), a soft break after every 25 escapes.
    assert.equal(qp.length, 3 * input.length + 3 * Math.floor((input.length - 1) / 25));
    assert.deepEqual(decodeQuotedPrintable(qp), input);
  });
  it('raw characters above U+00FF, astral ones included, decode to their UTF-8 octets', () => {
    for (const s of ['日本', '😀', 'a\u{1F600}b', '\u{10FFFF}', 'x\uD83Dy', '\uDE00']) {
      assert.deepEqual(decodeQuotedPrintable(s), Buffer.from(s, 'utf8'), JSON.stringify(s));
    }
    // Characters up to U+00FF stand for one octet each (text read as latin1).
    assert.deepEqual(decodeQuotedPrintable('caf\u00e9'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  });
  it('decodes the RFC 2045 examples', () => {
    assert.equal(decodeQuotedPrintable('caf=C3=A9 soft=\r\nbreak   \r\nx=3d').toString('utf8'), 'café softbreak\r\nx=');
    assert.equal(decodeQuotedPrintable('bad=ZZ').toString(), 'bad=ZZ');
  });
});

describe('encoded words (RFC 2047)', () => {
  it('maxWords stops the scan and keeps the rest as written', () => {
    const value = '=?utf-8?Q?a?= =?utf-8?Q?b?= =?utf-8?Q?c?=';
    const { text, words } = decodeEncodedWords(value, 2);
    assert.deepEqual(words.map((w) => w.decoded), ['a', 'b']);
    assert.equal(text, 'ab =?utf-8?Q?c?=');
    assert.equal(decodeEncodedWords(value).text, 'abc');
  });
  it('a megabyte of "=?" in a Subject gives a capped list of problems', () => {
    const text = `From: a@example.com\r\nSubject: ${'=?'.repeat(500_000)}\r\n\r\nbody\r\n`;
    const problems = validateMessage(text).filter((p) => p.code === 'encoded-word-invalid' || p.code === 'unknown-charset');
    assert.ok(problems.length > 0 && problems.length <= 200, String(problems.length));
  });
  it('decodes B and Q, drops white space between adjacent words, keeps offsets', () => {
    const value = 'Re: =?UTF-8?B?Y2Fmw6k=?= =?ISO-8859-1?Q?_=E9t=E9?= end';
    const r = decodeEncodedWords(value);
    assert.equal(r.text, 'Re: café été end');
    assert.deepEqual(r.words.map((w) => value.slice(w.offset, w.offset + w.length)), ['=?UTF-8?B?Y2Fmw6k=?=', '=?ISO-8859-1?Q?_=E9t=E9?=']);
    assert.ok(r.words.every((w) => w.valid));
  });
  it('marks bad words invalid and leaves look-alikes alone', () => {
    assert.equal(decodeEncodedWords('=?utf-8?Q?a=ZZ?=').words[0].valid, false);
    assert.equal(decodeEncodedWords('a =? b ?= c').words.length, 0);
    assert.equal(decodeEncodedWords('=?utf-8*en?Q?hi?=').text, 'hi');
  });
  it('encodeEncodedWord round-trips any string, words at most 75 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (s) => {
        const enc = encodeEncodedWord(s);
        for (const w of enc.split(' ')) assert.ok(w.length <= 75, w);
        const dec = decodeEncodedWords(enc);
        assert.ok(dec.words.every((w) => w.valid));
        assert.equal(dec.text, s);
      }),
    );
  });
  it('charsets: IANA names and aliases are known, nonsense is not', () => {
    for (const name of ['us-ascii', 'UTF-8', 'iso-8859-1', 'ISO-8859-16', 'windows-1252', 'koi8-r', 'koi8-u', 'gb2312', 'GBK', 'gb18030', 'big5', 'Shift_JIS', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'utf-16le', 'x-mac-whatever']) {
      assert.ok(isKnownCharset(name), name);
    }
    for (const name of ['', 'fakescii', 'us-askey', 'charset=us-ascii']) assert.equal(isKnownCharset(name), false, name);
    assert.equal(decodeCharset(Buffer.from([0xe9]), 'iso-8859-1'), 'é');
    assert.equal(decodeCharset(Buffer.from([0xc1]), 'koi8-r'), 'а');
  });
});

describe('address lists (RFC 5322 §3.4)', () => {
  it('mailboxes, groups, quoted names, comments, folds; offsets into the document', () => {
    const doc = 'To: "Doe, J." <j@x.test>, (c) k@y.test,\r\n Team: a@z.test, =?UTF-8?Q?Caf=C3=A9?= <b@z.test>;, <c@[1.2.3.4]>\r\n';
    const start = 3;
    const end = doc.length - 2;
    const r = parseAddressList(doc.slice(start, end), start);
    assert.deepEqual(r.problems, []);
    const boxes = mailboxesOf(r.items);
    assert.deepEqual(boxes.map((b) => b.address), ['j@x.test', 'k@y.test', 'a@z.test', 'b@z.test', 'c@[1.2.3.4]']);
    assert.deepEqual(boxes.map((b) => b.displayName), ['Doe, J.', undefined, undefined, 'Café', undefined]);
    assert.equal(doc.slice(boxes[0].offset, boxes[0].offset + boxes[0].length), '"Doe, J." <j@x.test>');
    assert.equal(doc.slice(boxes[0].addressOffset, boxes[0].addressOffset + boxes[0].addressLength), 'j@x.test');
    const group = r.items.find((i) => i.kind === 'group')!;
    assert.equal(doc.slice(group.offset, group.offset + group.length), 'Team: a@z.test, =?UTF-8?Q?Caf=C3=A9?= <b@z.test>;');
  });
  it('reports each bad element and keeps the good ones', () => {
    const value = ' a@x.test, broken@, <b@y.test';
    const r = parseAddressList(value, 100);
    assert.deepEqual(mailboxesOf(r.items).map((b) => b.address), ['a@x.test']);
    assert.deepEqual(r.problems.map((p) => value.slice(p.offset - 100, p.offset - 100 + p.length)), ['broken@', '<b@y.test']);
  });
  it('obsolete forms readers must accept: route, dotted phrase, empty elements', () => {
    const r = parseAddressList('Mr. Smith <@relay.test:smith@x.test>, , ', 0);
    assert.deepEqual(r.problems, []);
    assert.equal(mailboxesOf(r.items)[0].address, 'smith@x.test');
  });
});

describe('dates (RFC 5322 §3.3)', () => {
  it('parses the full form and the obsolete forms', () => {
    assert.equal(parseDateTime('Fri, 27 Nov 2026 10:00:00 +0100').date?.toISOString(), '2026-11-27T09:00:00.000Z');
    assert.equal(parseDateTime('27 Nov 26 10:00 EST').date?.toISOString(), '2026-11-27T15:00:00.000Z');
    assert.equal(parseDateTime(' Fri , 27 Nov 2026 10:00:00 -0000 (UTC)').error, undefined);
  });
  it('reports errors with the offending token', () => {
    const v = 'Fri, 27 Nov 2026 25:00:00 +0000';
    const e = parseDateTime(v, 10).error!;
    assert.equal(v.slice(e.offset - 10, e.offset - 10 + e.length), '25');
  });
  it('formatRfc5322Date output parses back to the same instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), fc.integer({ min: -720, max: 840 }), (d, zone) => {
        const s = formatRfc5322Date(d, zone);
        const info = parseDateTime(s);
        assert.equal(info.error, undefined, s);
        assert.equal(info.weekdayMismatch, undefined, s);
        assert.equal(info.date!.getTime(), Math.floor(d.getTime() / 1000) * 1000, s);
      }),
    );
  });
  it('the usual form (read without tokens) gives what the general parse gives for the same date with a tab', () => {
    // A tab for the space before the time is the same date-time to RFC 5322 §3.3 (FWS) and keeps
    // every offset, but leaves the usual single-space form: the second value always takes the
    // general, tokenizing path.
    const same = (a: ReturnType<typeof parseDateTime>, b: ReturnType<typeof parseDateTime>, s: string): void => {
      assert.deepEqual(Object.keys(a), Object.keys(b), s);
      assert.deepEqual(a, b, s);
      assert.ok(Object.is(a.zoneMinutes, b.zoneMinutes), s); // -0000 is -0 on both paths
    };
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'fri'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1890-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        fc.integer({ min: -720, max: 840 }),
        fc.constantFrom(...weekdays, ''),
        fc.constantFrom(':00', ':60', ':61', '', ':7'),
        fc.constantFrom('', '+0060', '-0000', '+2400'),
        (d, zone, weekday, seconds, zoneText) => {
          const base = formatRfc5322Date(d, zone).replace(/^\w+, /, weekday ? `${weekday}, ` : '').replace(/:\d\d (?=[+-])/, `${seconds} `);
          const s = zoneText ? base.replace(/[+-]\d{4}$/, zoneText) : base;
          same(parseDateTime(s, 7), parseDateTime(s.replace(/ (?=\d\d:)/, '\t'), 7), s);
        },
      ),
    );
    for (const s of ['Fri, 27 Nov 2026 10:00:00 -0000', '27 Nov 2026 23:59:60 +0000', 'Sat, 29 Feb 2024 10:00 +0100', 'Thu, 29 Feb 2024 10:00 +0100', '31 Apr 2026 10:00 +0100', '27 Nov 1899 10:00 +0100']) {
      same(parseDateTime(s), parseDateTime(s.replace(/ (?=\d\d:)/, '\t')), s);
    }
  });
});
