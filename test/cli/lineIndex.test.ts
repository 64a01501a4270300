/** Offsets to 1-based line/column (src/cli/lineIndex.ts), as the CLI prints them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../src/cli/lineIndex';

test('LF, CRLF and lone CR all end lines; positions are 1-based', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['ab', '', 'cde'].join(eol);
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 3);
    assert.deepEqual(index.positionAt(0), { line: 1, column: 1 });
    assert.deepEqual(index.positionAt(2), { line: 1, column: 3 }, 'the line end belongs to its line');
    const c = text.indexOf('c');
    assert.deepEqual(index.positionAt(c), { line: 3, column: 1 });
    assert.deepEqual(index.positionAt(text.length), { line: 3, column: 4 });
    assert.equal(index.offsetAt({ line: 3, column: 2 }), c + 1);
  }
});

test('out-of-range offsets are clamped; an empty text is line 1', () => {
  const index = new LineIndex('x\ny');
  assert.deepEqual(index.positionAt(-5), { line: 1, column: 1 });
  assert.deepEqual(index.positionAt(99), { line: 2, column: 2 });
  assert.deepEqual(new LineIndex('').positionAt(0), { line: 1, column: 1 });
});

test('a text ending in a line break has an empty last line', () => {
  const index = new LineIndex('a\r\n');
  assert.equal(index.lineCount, 2);
  assert.deepEqual(index.positionAt(3), { line: 2, column: 1 });
});

test('linear: 200 000 lines index and look up without quadratic work', () => {
  const text = 'x\n'.repeat(200_000);
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 200_001);
  assert.deepEqual(index.positionAt(text.length - 1), { line: 200_000, column: 2 });
});
