/**
 * The message sub-parsers under random input: address lists and dates
 * never throw and keep every offset inside the value they were given; a date
 * formatted by `formatRfc5322Date` parses back to the same instant and zone with
 * no error, whatever the date and zone (RFC 5322 §3.3).
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import * as fc from 'fast-check';
import { mailboxesOf, parseAddressList } from '../../src/mail/message/address';
import { formatRfc5322Date, parseDateTime } from '../../src/mail/message/dates';
import { assertProperty, params } from './fuzzConfig';

const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((cs) => String.fromCharCode(...cs));
const addressish = fc
  .array(fc.constantFrom('a', 'b@c', '@', '.', ',', ';', ':', '<', '>', '"', '\\', '(', ')', '[', ']', ' ', '\t', '\r\n ', 'x.y', 'group:', 'é', '=?utf-8?Q?x?=', '"q, r"', '<a@b>', 'undisclosed-recipients:;'), { maxLength: 40 })
  .map((xs) => xs.join(''));
const dateish = fc
  .array(fc.constantFrom('Mon', 'Fri', ',', ' ', '27', '31', '99', 'Nov', 'Feb', 'Foo', '2026', '26', '1899', '10', ':', '00', '61', '+0000', '-1200', '+9999', 'GMT', 'EST', 'Z', 'A', '(comment)', '\r\n ', '.'), { maxLength: 14 })
  .map((xs) => xs.join(''));

test('parseAddressList never throws and keeps offsets inside the value', () => {
  assertProperty(
    fc.property(fc.oneof(anyUtf16, addressish), fc.nat({ max: 10_000 }), (value, base) => {
      const { items, problems } = parseAddressList(value, base);
      const inside = (o: number, l: number): boolean => Number.isInteger(o) && Number.isInteger(l) && o >= base && l >= 0 && o + l <= base + value.length;
      for (const p of problems) assert.ok(inside(p.offset, p.length), `problem ${p.code} at ${p.offset}+${p.length} outside [${base}, ${base + value.length}]`);
      for (const item of items) assert.ok(inside(item.offset, item.length), `item at ${item.offset}+${item.length}`);
      for (const m of mailboxesOf(items)) {
        assert.ok(inside(m.offset, m.length), `mailbox ${m.address} at ${m.offset}+${m.length}`);
        assert.ok(inside(m.addressOffset, m.addressLength), `address ${m.address} at ${m.addressOffset}+${m.addressLength}`);
      }
    }),
    params(800),
  );
});

test('parseDateTime never throws and keeps its spans inside the value', () => {
  assertProperty(
    fc.property(fc.oneof(anyUtf16, dateish), fc.nat({ max: 1000 }), (value, base) => {
      const info = parseDateTime(value, base);
      for (const span of [info.error, info.weekdayMismatch, info.obsoleteZone]) {
        if (span) assert.ok(span.offset >= base && span.length >= 0 && span.offset + span.length <= base + value.length, `span ${span.offset}+${span.length} outside`);
      }
      if (info.date) assert.ok(!Number.isNaN(info.date.getTime()), 'no Invalid Date');
    }),
    params(800),
  );
});

test('formatRfc5322Date then parseDateTime gives the same instant and zone back', () => {
  // Years 1900-9999 (RFC 5322 §3.3: four or more digits), zones -1200..+1400 in minutes.
  const instant = fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(9999, 11, 30) }).map((ms) => new Date(Math.floor(ms / 1000) * 1000));
  const zone = fc.integer({ min: -12 * 60, max: 14 * 60 });
  assertProperty(
    fc.property(instant, zone, (date, minutes) => {
      const text = formatRfc5322Date(date, minutes);
      const info = parseDateTime(text);
      assert.equal(info.error, undefined, `${text}: ${info.error?.detail}`);
      assert.equal(info.weekdayMismatch, undefined, `${text}: weekday`);
      assert.equal(info.date?.getTime(), date.getTime(), text);
      assert.equal(info.zoneMinutes, minutes, text);
    }),
    params(500),
  );
});
