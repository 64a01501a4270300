/**
 * caniemail's notes on partial support, read by their wording: a note that
 * names elements, values or units applies only to uses that match it; a note
 * that says nothing checkable ("Buggy …", "with non Google accounts") always
 * applies. Each row: the note, a use it applies to, a use it does not.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noteApplies, type FeatureUse } from '../../../src/mail/html/notes';

const ROWS: Array<{ note: string; applies: FeatureUse; not?: FeatureUse }> = [
  { note: 'Partial. Negative values are not supported.', applies: { element: 'td', value: '0 -4px' }, not: { element: 'td', value: '0 4px' } },
  { note: 'Partial. Not supported on `<span>` and `<body>` elements.', applies: { element: 'span', value: '0' }, not: { element: 'td', value: '0' } },
  { note: 'Partial. Only supported on table cells.', applies: { element: 'div', value: '8px' }, not: { element: 'td', value: '8px' } },
  { note: 'Partial. Only works on `<table>` elements.', applies: { element: 'div', value: '600px' }, not: { element: 'table', value: '600px' } },
  { note: 'Partial support. `rem` values are not supported.', applies: { element: 'p', value: '1.2rem' }, not: { element: 'p', value: '16px' } },
  { note: 'Partial. `overline` is not supported.', applies: { element: 'a', value: 'overline' }, not: { element: 'a', value: 'underline' } },
  { note: "Partial. Doesn't support the `match-parent` value.", applies: { element: 'td', value: 'match-parent' }, not: { element: 'td', value: 'center' } },
  { note: 'Partial support. `relative` and `percentage` size values not supported.', applies: { element: 'p', value: '120%' }, not: { element: 'p', value: '15px' } },
  { note: 'Partial. A border can not be bigger than 8px.', applies: { element: 'td', value: '10px solid #000' }, not: { element: 'td', value: '1px solid #eee' } },
  { note: 'Partial. Not supported with multiple values.', applies: { element: 'a', value: 'underline overline' }, not: { element: 'a', value: 'none' } },
  { note: 'Partial support. `<number>` values between 0 and 599 are set as normal font weight.', applies: { element: 'td', value: '550' }, not: { element: 'td', value: 'bold' } },
  { note: 'Buggy. `em` and `px` units behave weirdly. Use `mso-line-height-rule:exactly`.', applies: { element: 'p', value: '22px' }, not: { element: 'p', value: '1.5' } },
  { note: 'Buggy. Unreliable if used on a `<p>` or a `<div>`.', applies: { element: 'div', value: '1px solid' }, not: { element: 'td', value: '1px solid' } },
  { note: 'Partial. `left` and `right` do not work on `<table>` elements.', applies: { element: 'table', value: 'right' }, not: { element: 'td', value: 'right' } },
  { note: 'Partial. Only supported in lowercase.', applies: { value: ' !IMPORTANT', sheet: true }, not: { value: ' !important', sheet: true } },
  { note: 'Partial. Only supported with a space before.', applies: { value: '!important', sheet: false }, not: { value: ' !important', sheet: false } },
  { note: 'Partial. Not supported inline.', applies: { value: ' !important', sheet: false }, not: { value: ' !important', sheet: true } },
  { note: 'Partial. `bcc` is not supported.', applies: { element: 'a', value: 'mailto:a@example.com?bcc=b@example.com' }, not: { element: 'a', value: 'mailto:a@example.com' } },
  { note: 'Supports the vendor prefixed value `-webkit-match-parent`.', applies: { element: 'td', value: 'match-parent' } },
  // Nothing checkable: always.
  { note: 'Partial. Not supported with non Google accounts.', applies: { element: 'td', value: 'x' } },
  { note: 'Buggy. Vertical padding will be the same for all cells of a same row, adopting the biggest value.', applies: { element: 'td', value: '8px' } },
];

describe('notes on partial support', () => {
  for (const row of ROWS) {
    test(row.note, () => {
      // "Supports …" notes tell, they never restrict: they apply to nothing.
      const informative = row.note.startsWith('Supports');
      assert.equal(noteApplies(row.note, row.applies), !informative, `applies to ${JSON.stringify(row.applies)}`);
      if (row.not) assert.equal(noteApplies(row.note, row.not), false, `not to ${JSON.stringify(row.not)}`);
      // Where the element or value is unknown (a <style> sheet), a note is never ruled out.
      if (!informative) assert.equal(noteApplies(row.note, {}), true);
    });
  }
});
