/**
 * Large DATA bodies: the line table's in-place reading of C:/S: lines, the
 * body's lines read in one loop, and the message rebuilt in a Buffer must give
 * exactly what the line-by-line reading gives. The oracles are written here:
 * the canonical reader's `classify` on every line of `splitLines`, the DATA
 * line checks restated line by line, and the message of a block joined line by
 * line (`messageOfBlock` on a plain block object, the path small blocks take).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Problem } from '../../../src/mail/codes';
import { dialectReader } from '../../../src/mail/transcript/dialects';
import { readLineTable, splitLines } from '../../../src/mail/transcript/lines';
import { MAX_PROBLEMS_PER_CODE, parseTranscript, type DataBlock, type TranscriptSession } from '../../../src/mail/transcript/parse';
import { mapMessageOffset, messageOfBlock, validateSessionMessages, validateTranscript } from '../../../src/mail/transcript/validate';
import { CORPUS_ROOT, listCorpusFiles } from '../../helpers/corpus';
import { CORPUS, readFolder, where } from './util';

/** A body line of 76 characters; 14,000 of them make a message over 1 MB (the size joined in a Buffer). */
const filler = (i: number): string => `line ${i} of the body `.padEnd(76, 'abcdefghij'[i % 10]);
const FILLER_LINES = 14000;

/** A transaction around `body` (C: lines as given, so a test can put any line in), ended by `C: .` unless `terminated` is false. */
function transcript(eol: string, body: string[], options: { terminated?: boolean; ext?: string[] } = {}): string {
  const ext = options.ext ?? ['8BITMIME', 'PIPELINING'];
  const head = ['S: 220 mx.example.com ESMTP', 'C: EHLO client.example.org', ...ext.map((e, i) => `S: 250${i === ext.length - 1 ? ' ' : '-'}${e}`), 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go ahead'];
  const tail = options.terminated === false ? [] : ['C: .', 'S: 250 OK', 'C: QUIT', 'S: 221 bye'];
  return [...head, ...body, ...tail].join(eol) + (tail.length ? eol : '');
}

/** `lines` (a header section and its blank line, then body lines) with 1 MB of filler lines after the blank line. */
const bigBody = (lines: string[]): string[] => [...lines.slice(0, 4), ...Array.from({ length: FILLER_LINES }, (_, i) => `C: ${filler(i)}`), ...lines.slice(4)];

/** The rows of the canonical line table as the canonical reader's `classify` gives them, line by line. */
function referenceRows(text: string): Array<{ offset: number; end: number; kind: string; contentOffset: number }> {
  const canonical = dialectReader('canonical');
  return splitLines(text).map(({ offset, end }) => {
    const line = text.slice(offset, end);
    if (/^[ \t]*$/.test(line)) return { offset, end, kind: 'blank', contentOffset: offset };
    if (line.startsWith('#')) return { offset, end, kind: 'annotation', contentOffset: offset + 1 };
    const c = canonical.classify(line);
    return c ? { offset, end, kind: c.kind, contentOffset: offset + c.prefixLength } : { offset, end, kind: 'invalid', contentOffset: offset };
  });
}

function assertRowsAsReference(text: string): void {
  const table = readLineTable(text, 'canonical');
  const rows = [];
  for (let k = 0; k < table.count; k++) {
    assert.equal(table.prefixOffsets[k], table.offsets[k], `line ${k}: a canonical prefix starts the line`);
    rows.push({ offset: table.offsets[k], end: table.ends[k], kind: table.kind(k), contentOffset: table.contentOffsets[k] });
  }
  assert.deepEqual(rows, referenceRows(text));
}

/** The session with every DATA block replaced by a plain object: its message is then joined line by line. */
function withPlainBlocks(session: TranscriptSession): TranscriptSession {
  const plain = new Map<DataBlock, DataBlock>(session.dataBlocks.map((b) => [b, { command: b.command, lines: b.lines, stuffed: b.stuffed, endLine: b.endLine, terminated: b.terminated, elided: b.elided, octets: b.octets }]));
  return { ...session, dataBlocks: session.dataBlocks.map((b) => plain.get(b)!), transactions: session.transactions.map((t) => ({ ...t, block: t.block && plain.get(t.block) })) };
}

/**
 * Where `content` passes 998 octets, restated with the encoder: the offset of
 * the first code point (a surrogate pair whole) whose UTF-8 octets go past the
 * 998th, or -1.
 */
function referenceCut(content: string): number {
  let octets = 0;
  let at = 0;
  for (const ch of content) {
    octets += Buffer.byteLength(ch, 'utf8');
    if (octets > 998) return at;
    at += ch.length;
  }
  return -1;
}

/**
 * What the DATA line checks report, restated line by line from the block's
 * lines: octets, the first 8-bit character, and text-line-too-long (RFC 5321
 * §4.5.3.1.6) for each line over 1000 octets with its CRLF, from the character
 * that passes 998 octets to the end of the line.
 */
function referenceDataChecks(block: DataBlock): { octets: number; eightBit: number; tooLong: Array<[number, number]> } {
  let octets = 0;
  let eightBit = -1;
  const tooLong: Array<[number, number]> = [];
  for (const line of block.lines) {
    const o = Buffer.byteLength(line.content, 'utf8') + 2;
    octets += o;
    const high = line.content.search(/[^\x00-\x7f]/);
    if (eightBit < 0 && high >= 0) eightBit = line.contentOffset + high;
    if (o > 1000) {
      const cut = referenceCut(line.content);
      tooLong.push([line.contentOffset + cut, line.content.length - cut]);
    }
  }
  return { octets, eightBit, tooLong };
}

/** Every check of this file on one transcript: rows, DATA line checks and the messages' problems against their oracles. */
function assertAsReference(text: string): void {
  assertRowsAsReference(text);
  const session = parseTranscript(text);
  const tooLong: Array<[number, number]> = [];
  for (const block of session.dataBlocks) {
    if (!block.stuffed) continue;
    const ref = referenceDataChecks(block);
    assert.equal(block.octets, ref.octets, 'octets of the body');
    assert.equal((block as { eightBitOffset?: number }).eightBitOffset, ref.eightBit, 'first 8-bit character');
    tooLong.push(...ref.tooLong);
    // The message itself: as the line-by-line join, offsets included.
    const m = messageOfBlock(block);
    const reference = messageOfBlock({ command: block.command, lines: block.lines, stuffed: block.stuffed, terminated: block.terminated, elided: block.elided, octets: block.octets });
    assert.equal(m.text, reference.text, 'message text');
    assert.deepEqual([m.messageStarts, m.transcriptStarts, m.lengths], [reference.messageStarts, reference.transcriptStarts, reference.lengths]);
  }
  const reported = session.problems.filter((p) => p.code === 'text-line-too-long').map((p) => [p.offset, p.length]);
  assert.deepEqual(reported, tooLong.slice(0, MAX_PROBLEMS_PER_CODE), 'text-line-too-long ranges');
  assert.deepEqual(validateSessionMessages(session), validateSessionMessages(withPlainBlocks(session)), 'the messages\' problems');
}

const LONG = 'L'.repeat(1005);

for (const eol of ['\r\n', '\n']) {
  const tag = eol === '\n' ? 'LF' : 'CRLF';
  const HEAD = ['C: From: a@example.org', 'C: To: b@example.org', 'C: Subject: a large message'];

  test(`a body over 1 MB with dot-stuffed lines is unstuffed and maps back past the removed dot (${tag})`, () => {
    const text = transcript(eol, bigBody([...HEAD, 'C:', 'C: ..dot-stuffed line', 'C: ...two dots']));
    const block = parseTranscript(text).dataBlocks[0];
    const m = messageOfBlock(block);
    assert.ok(m.text.length > 0xfbee9, 'large enough for the Buffer join');
    assert.ok(m.text.includes('\r\n.dot-stuffed line\r\n..two dots\r\n'), 'unstuffed');
    assert.ok(m.text.startsWith('From: a@example.org\r\nTo: b@example.org\r\nSubject: a large message\r\n\r\nline 0 of'));
    const at = m.text.indexOf('.dot-stuffed');
    assert.equal(mapMessageOffset(m, at), text.indexOf('..dot-stuffed') + 1);
    assertAsReference(text);
  });

  test(`an over-long line in a body over 1 MB: text-line-too-long on the octets past 998 (${tag})`, () => {
    const text = transcript(eol, bigBody([...HEAD, 'C:', `C: ${LONG}`]));
    const hits = validateTranscript(text).filter((p) => p.code === 'text-line-too-long');
    assert.equal(hits.length, 1);
    assert.deepEqual([hits[0].offset, hits[0].length], [text.indexOf(LONG) + 998, 7]);
    assertAsReference(text);
  });

  test(`an 8-bit character in a body over 1 MB without 8BITMIME: reported on that character (${tag})`, () => {
    const text = transcript(eol, bigBody([...HEAD, 'C:', 'C: caf\u00e9 au lait']), { ext: ['PIPELINING'] });
    const hits = validateTranscript(text).filter((p) => p.code === 'eight-bit-without-8bitmime');
    assert.equal(hits.length, 1);
    assert.deepEqual(where(text, hits[0]).covered, '\u00e9');
    assert.equal(hits[0].offset, text.indexOf('\u00e9'));
    assertAsReference(text);
  });

  test(`a "# bare LF" note and a blank line inside a body over 1 MB (${tag})`, () => {
    const text = transcript(eol, bigBody([...HEAD, 'C:', 'C: before the note', '# bare LF', 'C: after the note', '', 'C: after a blank line']));
    const hits = validateTranscript(text).filter((p) => p.code === 'bare-lf');
    assert.equal(hits.length, 1);
    assert.deepEqual([hits[0].offset, hits[0].length], [text.indexOf('bare LF'), 7]);
    const m = messageOfBlock(parseTranscript(text).dataBlocks[0]);
    assert.ok(m.text.endsWith('\r\nbefore the note\r\nafter the note\r\nafter a blank line\r\n'));
    assertAsReference(text);
  });

  test(`an unterminated DATA over 1 MB: data-not-terminated on DATA, the message still checked (${tag})`, () => {
    const text = transcript(eol, bigBody([...HEAD, 'C:', 'C: the log ends here']), { terminated: false });
    const problems = validateTranscript(text);
    const hits = problems.filter((p) => p.code === 'data-not-terminated');
    assert.equal(hits.length, 1);
    assert.equal(where(text, hits[0]).covered, 'DATA');
    // The message lacks Date and Message-ID: found in the rebuilt message and mapped into the body.
    assert.ok(problems.some((p) => p.code === 'missing-date'), JSON.stringify(problems.map((p) => p.code)));
    assertAsReference(text);
  });

  test(`a body over 1 MB cut by a server line, then a wide character (UTF-16 join) (${tag})`, () => {
    const text = transcript(eol, bigBody([...HEAD, 'C:', 'C: euro \u20ac and \ud83d\ude00', 'C:x no space after the colon', 'S: 451 aborted', 'C: RSET', 'S: 250 OK']));
    assertAsReference(text);
  });

  test(`BDAT chunks over 1 MB are joined without unstuffing (${tag})`, () => {
    const body = [...HEAD.map((l) => l.slice(3)), '', '..not unstuffed', ...Array.from({ length: FILLER_LINES }, (_, i) => filler(i))];
    const octets = body.reduce((n, l) => n + l.length + 2, 0);
    const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 CHUNKING', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', `C: BDAT ${octets} LAST`, ...body.map((l) => (l ? `C: ${l}` : 'C:')), 'S: 250 OK', 'C: QUIT', 'S: 221 bye', ''].join(eol);
    const s = parseTranscript(text);
    assert.deepEqual(s.problems, []);
    assert.equal(messageOfBlock(s.dataBlocks[0]).text, body.join('\r\n') + '\r\n');
    assertAsReference(text);
  });
}

test('a lone CR inside a C: line breaks it, in the line table and in the body', () => {
  const text = transcript('\r\n', bigBody(['C: Subject: x', 'C: From: a@example.org', 'C: To: b@example.org', 'C:', 'C: one\rC: two', 'C: three\r']));
  assertAsReference(text);
  assert.ok(messageOfBlock(parseTranscript(text).dataBlocks[0]).text.includes('\r\none\r\ntwo\r\nthree\r\n'));
});

/** Body lines of every kind the DATA path treats apart. */
const bodyLine = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('C: plain text', 'C:', 'C: Subject: hi', 'C: From: a@example.org', 'C: Content-Type: text/plain', 'C: --boundary') },
  { weight: 2, arbitrary: fc.constantFrom('C: ..dot-stuffed', 'C: .', 'C: ...', 'C:.', 'C:x', 'C: x\ry', 'C: \r') },
  { weight: 2, arbitrary: fc.constantFrom('C: caf\u00e9', 'C: \u20ac euro', 'C: \ud83d\ude00', `C: ${'y'.repeat(997)}`, `C: ${'y'.repeat(998)}`, `C: ${'y'.repeat(999)}`, `C: \u00e9${'y'.repeat(997)}`) },
  // Over 1000 octets in fewer than 998 characters: two-octet characters, and a surrogate pair across the 998th octet.
  { weight: 1, arbitrary: fc.constantFrom(`C: ${'\u00e9'.repeat(499)}`, `C: ${'\u00e9'.repeat(500)}`, `C: ${'\u20ac'.repeat(334)}`, `C: ${'y'.repeat(996)}\ud83d\ude00`, `C: ${'y'.repeat(997)}\ud83d\ude00`, `C: ${'\ud83d\ude00'.repeat(250)}`) },
  { weight: 1, arbitrary: fc.constantFrom('# bare LF', '# note', '', '  ', 'S: 250 OK', 'S: 354 go', 'C: DATA', 'C: RSET', 'X: junk') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map((s) => `C: ${s}`) },
);
const mix = fc.record({
  before: fc.array(bodyLine, { maxLength: 12 }),
  after: fc.array(bodyLine, { maxLength: 12 }),
  eol: fc.constantFrom('\r\n', '\n'),
  terminated: fc.boolean(),
  eightBitMime: fc.boolean(),
});

test('generated bodies (small): the same rows, DATA checks and message problems as the line-by-line reading (fast-check)', () => {
  fc.assert(
    fc.property(mix, ({ before, after, eol, terminated, eightBitMime }) => {
      assertAsReference(transcript(eol, [...before, ...after], { terminated, ext: eightBitMime ? ['8BITMIME'] : ['PIPELINING'] }));
    }),
    { numRuns: 300 },
  );
});

test('generated bodies over 1 MB: the same rows, DATA checks and message problems as the line-by-line reading (fast-check)', () => {
  const filled = Array.from({ length: FILLER_LINES }, (_, i) => `C: ${filler(i)}`);
  fc.assert(
    fc.property(mix, ({ before, after, eol, terminated, eightBitMime }) => {
      assertAsReference(transcript(eol, [...before, ...filled, ...after], { terminated, ext: eightBitMime ? ['8BITMIME'] : ['PIPELINING'] }));
    }),
    { numRuns: 8 },
  );
});

test('corpus transcripts (RFC examples), LF and CRLF: the same rows and problems as the line-by-line reading', () => {
  const files = [...readFolder(join(CORPUS, 'rfc')), ...readFolder(join(CORPUS, 'rfc-normalized'))];
  assert.ok(files.length >= 17);
  for (const { text } of files) {
    for (const t of [text, text.replace(/\r?\n/g, '\r\n')]) assertAsReference(t);
  }
});

test('corpus messages sent as a DATA body (dot-stuffed), some over 1 MB: the same problems as the line-by-line reading', () => {
  const files = listCorpusFiles(join(CORPUS_ROOT, 'eml'), (name, size) => size > 0 && size < 200_000).filter((_, i) => i % 16 === 0);
  assert.ok(files.length >= 20, `${files.length} corpus messages`);
  let checked = 0;
  for (const [i, file] of files.entries()) {
    const message = readFileSync(file, 'latin1');
    const body = message.split(/\r\n|\n|\r/).map((l) => (l.startsWith('.') ? `C: .${l}` : l ? `C: ${l}` : 'C:'));
    // Every fourth message padded past 1 MB, so the Buffer join reads corpus bodies too.
    const lines = i % 4 === 0 ? [...body, ...Array.from({ length: FILLER_LINES }, (_, j) => `C: ${filler(j)}`)] : body;
    const text = transcript(i % 2 ? '\n' : '\r\n', lines);
    assertAsReference(text);
    const problems: Problem[] = validateTranscript(text);
    for (const p of problems) assert.ok(p.offset >= 0 && p.offset + p.length <= text.length, `${file}: ${p.code} inside the text`);
    checked++;
  }
  assert.equal(checked, files.length);
});

test('large bodies one after another (the kept Buffer reused, smaller, then in UTF-16): each message as the line-by-line join', () => {
  const filled = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `C: ${tag}${filler(i)}`);
  const texts = [
    transcript('\r\n', ['C: Subject: first', 'C:', ...filled(FILLER_LINES * 2, 'a')]),
    transcript('\n', ['C: Subject: second', 'C:', ...filled(FILLER_LINES, 'b'), 'C: ..dot']),
    transcript('\r\n', ['C: Subject: third \u20ac', 'C:', ...filled(FILLER_LINES, 'c')]),
    transcript('\r\n', ['C: Subject: fourth', 'C:', ...filled(FILLER_LINES + 10, 'd')]),
  ];
  for (const text of texts) {
    const session = parseTranscript(text);
    const block = session.dataBlocks[0];
    const joined = messageOfBlock({ command: block.command, lines: block.lines, stuffed: block.stuffed, terminated: block.terminated, elided: block.elided, octets: block.octets }).text;
    assert.equal(messageOfBlock(block).text, joined);
    assert.deepEqual(validateSessionMessages(session), validateSessionMessages(withPlainBlocks(session)));
  }
});
