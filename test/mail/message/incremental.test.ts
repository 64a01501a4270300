/**
 * Re-validation after an edit in one body part: for random edits to random
 * multipart messages (LF and CRLF; 7bit, 8bit, quoted-printable, base64 and HTML
 * parts, a nested multipart and an embedded message), the parse and problems
 * obtained incrementally are exactly those of parsing and validating the edited
 * text whole, and an edit inside a small part re-checks only that part.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { composeEdits, reparseAfterEdit, revalidateAfterEdit, validateState, type TextEdit, type ValidationState } from '../../../src/mail/message/incremental';
import { parseMessage } from '../../../src/mail/message/parse';
import { validateMessage } from '../../../src/mail/message/validate';
import type { ParsedMessage } from '../../../src/mail/message/model';

const BODY_PIECES = ['hello world', 'x', '', '--', '--b1', '--b1--', '-- ', 'From me', '=', '=3D', '=\n', 'caf\u00e9', '\u0000', '\r', '\t', ' ', 'A'.repeat(80), 'b'.repeat(1000), 'QUJD', 'QUJDRA==', '=='];
const bodyLine = fc.array(fc.constantFrom(...BODY_PIECES), { maxLength: 4 }).map((xs) => xs.join(''));
const body = fc.array(bodyLine, { minLength: 1, maxLength: 6 });

const LEAF_HEADERS = [
  'Content-Type: text/plain; charset=utf-8',
  'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit',
  'Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable',
  'Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64',
  'Content-Type: application/octet-stream\nContent-Transfer-Encoding: binary',
  'Content-Type: text/html; charset=utf-8',
];

interface Leaf {
  headers: string;
  lines: string[];
}
const leaf = fc.record({ headers: fc.constantFrom(...LEAF_HEADERS), lines: body });

/** A message: root headers, a multipart/mixed of leaves, a nested multipart/alternative and an embedded message. */
function messageText(leaves: Leaf[], nested: Leaf[], embedded: Leaf | undefined, eol: string): string {
  const lines: string[] = [
    'From: a@example.org',
    'To: b@example.org',
    'Subject: test',
    'Date: Mon, 1 Jan 2024 10:00:00 +0000',
    'Message-ID: <1@example.org>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    'preamble',
  ];
  const leafLines = (l: Leaf): string[] => [...l.headers.split('\n'), '', ...l.lines];
  for (const l of leaves) lines.push('--b1', ...leafLines(l));
  if (nested.length) {
    lines.push('--b1', 'Content-Type: multipart/alternative; boundary="b2"', '');
    for (const l of nested) lines.push('--b2', ...leafLines(l));
    lines.push('--b2--');
  }
  if (embedded) lines.push('--b1', 'Content-Type: message/rfc822', '', 'From: c@example.org', 'Subject: inner', ...leafLines(embedded));
  lines.push('--b1--', 'epilogue');
  return lines.join(eol);
}

const message = fc
  .tuple(fc.array(leaf, { minLength: 1, maxLength: 4 }), fc.array(leaf, { maxLength: 2 }), fc.option(leaf, { nil: undefined }), fc.constantFrom('\n', '\r\n'))
  .map(([leaves, nested, embedded, eol]) => messageText(leaves, nested, embedded, eol));

const INSERTS = ['x', 'é', ' ', '\n', '\r\n', '\r', '-', '--', '--b1', '--b2--', '=', '=0', '\u0000', 'From x', 'Content-Type: text/html', 'A'.repeat(77), 'y'.repeat(999), '\n\n', ''];
/** An edit as fractions, placed in whatever text it is applied to. */
const editSpec = fc.record({
  at: fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000),
  blank: fc.nat({ max: 20 }),
  // Most edits go a few characters past a blank line (into a body), as typing does; the others anywhere.
  intoBody: fc.option(fc.nat({ max: 30 }), { nil: undefined, freq: 4 }),
  remove: fc.nat({ max: 4 }),
  insert: fc.constantFrom(...INSERTS),
});

interface EditSpec {
  at: number;
  blank?: number;
  intoBody?: number;
  remove: number;
  insert: string;
}

function applyEdit(text: string, spec: EditSpec): { text: string; edit: TextEdit } {
  let offset = Math.min(text.length, Math.floor(spec.at * text.length));
  if (spec.intoBody !== undefined) {
    const blanks = [...text.matchAll(/\r?\n\r?\n/g)].map((m) => m.index! + m[0].length);
    if (blanks.length) offset = Math.min(text.length, blanks[(spec.blank ?? 0) % blanks.length] + spec.intoBody);
  }
  const oldEnd = Math.min(text.length, offset + spec.remove);
  return { text: text.slice(0, offset) + spec.insert + text.slice(oldEnd), edit: { offset, oldEnd, newEnd: offset + spec.insert.length } };
}

/** The parse as plain data (offsets, headers, types), without the work count. */
function shape(parsed: ParsedMessage): unknown {
  return JSON.parse(JSON.stringify({ root: parsed.root, eol: parsed.eol, problems: parsed.problems }));
}

/** Parses and validates after an edit the way the server does: incrementally where it can, else whole. */
function next(state: ValidationState, text: string, edit: TextEdit): { state: ValidationState; incremental: boolean } {
  const parsed = reparseAfterEdit(state.parsed, text, edit) ?? parseMessage(text);
  const again = revalidateAfterEdit(state, parsed);
  return again ? { state: again, incremental: true } : { state: validateState(parsed), incremental: false };
}

test('random edits: incremental parse and problems equal a full parse and validation of the result', () => {
  let incremental = 0;
  let edits = 0;
  fc.assert(
    fc.property(message, fc.array(editSpec, { minLength: 1, maxLength: 6 }), (text0, specs) => {
      let state = validateState(parseMessage(text0));
      let text = text0;
      for (const spec of specs) {
        const applied = applyEdit(text, spec);
        text = applied.text;
        const r = next(state, text, applied.edit);
        state = r.state;
        edits++;
        if (r.incremental) incremental++;
        assert.deepEqual(shape(state.parsed), shape(parseMessage(text)));
        assert.deepEqual(state.problems, validateMessage(text));
      }
    }),
    { numRuns: 400 },
  );
  // Most random edits land in a body: the incremental path must have been taken often, or this test shows nothing.
  assert.ok(incremental > edits / 10, `${incremental} of ${edits} edits incremental`);
});

test('an edit ending at a missing close delimiter\'s insertion point recomputes whether a line break is needed before it', () => {
  // Found by the property above: the quick fix's `needsLineBreak` depends on the character just before
  // `insertOffset`, which an edit ending there replaces; carrying the old flag over was wrong.
  const text0 =
    'From: a@example.org\r\nTo: b@example.org\r\nSubject: test\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\npreamble\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n' +
    '--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n' +
    '--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n--b1\r\nContent-Type: multipart/alternative; boundary="b2"\r\n\r\n' +
    '--b2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n=\n\r\n--b1--\r\n\r\n--b2--\r\n--b1--\r\nepilogue';
  const specs = [
    { at: 0, blank: 7, intoBody: 3, remove: 1, insert: 'x' },
    { at: 0, blank: 0, intoBody: undefined, remove: 0, insert: 'x' },
  ];
  let state = validateState(parseMessage(text0));
  let text = text0;
  for (const spec of specs) {
    const applied = applyEdit(text, spec);
    text = applied.text;
    state = next(state, text, applied.edit).state;
    assert.deepEqual(shape(state.parsed), shape(parseMessage(text)));
    assert.deepEqual(state.problems, validateMessage(text));
  }
});

test('edits composed into one give the same text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.array(editSpec, { minLength: 1, maxLength: 5 }), (text0, specs) => {
      let text = text0;
      let composed: TextEdit | undefined;
      for (const spec of specs) {
        const applied = applyEdit(text, spec);
        text = applied.text;
        composed = composed ? composeEdits(composed, applied.edit) : applied.edit;
      }
      const c = composed!;
      assert.equal(text0.slice(0, c.offset) + text.slice(c.offset, c.newEnd) + text0.slice(c.oldEnd), text);
    }),
    { numRuns: 500 },
  );
});

for (const eol of ['\n', '\r\n']) {
  test(`typing in a small part of a large message re-checks only that part (${JSON.stringify(eol)})`, () => {
    const base64 = Array.from({ length: 20000 }, () => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0').join(eol);
    let text = messageText(
      [
        { headers: LEAF_HEADERS[0], lines: ['Hello,', '', 'some text to edit.', 'caf\u00e9'] },
        { headers: LEAF_HEADERS[3], lines: [base64] },
      ],
      [],
      undefined,
      eol,
    );
    let state = validateState(parseMessage(text));
    assert.equal(state.checkedChars, text.length);
    const partLength = (t: string): number => t.indexOf(`${eol}--b1${eol}Content-Type: application`) - t.indexOf('Hello,');
    let at = text.indexOf('some text') + 4;
    let first = true;
    for (const typed of ['a', 'b', eol, 'c', '\u00e9']) {
      const edit = { offset: at, oldEnd: at, newEnd: at + typed.length };
      text = text.slice(0, at) + typed + text.slice(at);
      at += typed.length;
      const r = next(state, text, edit);
      assert.ok(r.incremental, `typing ${JSON.stringify(typed)} is re-checked incrementally`);
      state = r.state;
      // Only the part's body was read again: before and after the first edit, then only after
      // (the state remembers the part it re-checked last).
      const limit = (first ? 2 : 1) * partLength(text);
      first = false;
      assert.ok(state.checkedChars <= limit, `${state.checkedChars} characters checked for a part of ${partLength(text)} in ${text.length}`);
      assert.deepEqual(state.problems, validateMessage(text));
    }
    // The 8-bit character in the 7bit part is reported, at its shifted place.
    assert.deepEqual(
      state.problems.filter((p) => p.code === 'eight-bit-data').map((p) => p.offset),
      [...text.matchAll(/é/g)].map((m) => m.index).filter((i) => i! < text.indexOf('application/octet-stream')),
    );
  });
}

test('structural edits fall back to a full parse', () => {
  const text = messageText([{ headers: LEAF_HEADERS[0], lines: ['one', 'two'] }], [], undefined, '\n');
  const parsed = parseMessage(text);
  const at = text.indexOf('two');
  const cases: Array<[string, number, number, string]> = [
    ['a delimiter typed at a line start', at, at, '--b1\n'],
    ['a line break before "--"', text.indexOf('one') + 1, text.indexOf('one') + 1, '\n--'],
    ['an edit in a header', text.indexOf('Subject') + 2, text.indexOf('Subject') + 2, 'x'],
    ['an edit across a delimiter', at, at + 10, ''],
    ['an mbox envelope line', at, at, 'From '],
  ];
  for (const [what, offset, oldEnd, insert] of cases) {
    const edited = text.slice(0, offset) + insert + text.slice(oldEnd);
    assert.equal(reparseAfterEdit(parsed, edited, { offset, oldEnd, newEnd: offset + insert.length }), undefined, what);
  }
  // The near miss: a plain character in the same place is incremental.
  const edited = `${text.slice(0, at)}x${text.slice(at)}`;
  assert.ok(reparseAfterEdit(parsed, edited, { offset: at, oldEnd: at, newEnd: at + 1 }));
});

/** A full garbage collection on demand (`--expose-gc` set at run time; the function comes from a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Types `count` characters into a text/plain part, each reparsed from the last: the last parse, and weak references to the ones before it. */
function typeInto(count: number): { latest: ParsedMessage; before: Array<WeakRef<ParsedMessage>> } {
  let text = messageText([{ headers: LEAF_HEADERS[0], lines: ['one', 'two'] }], [], undefined, '\n');
  let parsed = parseMessage(text);
  const before: Array<WeakRef<ParsedMessage>> = [];
  const at = text.indexOf('two');
  for (let i = 0; i < count; i++) {
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const next = reparseAfterEdit(parsed, text, { offset: at, oldEnd: at, newEnd: at + 1 });
    assert.ok(next, 'a character in a body is reparsed incrementally');
    before.push(new WeakRef(parsed));
    parsed = next;
  }
  return { latest: parsed, before };
}

test('a parse derived from the previous one does not keep it, or the versions before it, alive', async () => {
  const { latest, before } = typeInto(5);
  // Weak references keep their targets until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  // Each parse held its predecessor (and its text) for as long as it lived: a chain of every version.
  assert.deepEqual(
    before.map((r) => r.deref() !== undefined),
    before.map(() => false),
  );
  assert.ok(latest.text.includes('xxxxxtwo'));
});
