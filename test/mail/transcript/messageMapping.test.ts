/**
 * The message inside DATA: rebuilt from the C: lines (dot-unstuffed, CRLF
 * joined) and validated as a message, with every problem mapped back onto the
 * transcript line and column.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CODES } from '../../../src/mail/codes';
import { validateMessage } from '../../../src/mail/message/validate';
import { parseTranscript } from '../../../src/mail/transcript/parse';
import { mapMessageOffset, messageOfBlock, validateTranscript } from '../../../src/mail/transcript/validate';
import { lines, where } from './util';

const LONG = 'y'.repeat(1005);

const build = (eol: string, body: string[], prefix = 'C: ') =>
  lines(
    eol,
    'S: 220 mx.example.com ESMTP',
    'C: EHLO client.example.org',
    'S: 250 mx.example.com',
    'C: MAIL FROM:<a@example.org>',
    'S: 250 OK',
    'C: RCPT TO:<b@example.org>',
    'S: 250 OK',
    'C: DATA',
    'S: 354 go ahead',
    ...body.map((l) => (l === '' ? prefix.trimEnd() : prefix + l)),
    'C: .',
    'S: 250 OK',
    'C: QUIT',
    'S: 221 bye',
  );

const BODY = ['From: a@example.org', 'To: b@example.org', 'Subject: no date here', '', '..starts with a dot', `.${LONG}`, 'bye'];

for (const eol of ['\r\n', '\n']) {
  const tag = eol === '\n' ? 'LF' : 'CRLF';

  test(`message text is unstuffed and CRLF-joined; offsets map to the transcript (${tag})`, () => {
    const text = build(eol, BODY);
    const s = parseTranscript(text);
    const m = messageOfBlock(s.dataBlocks[0]);
    assert.equal(m.text, ['From: a@example.org', 'To: b@example.org', 'Subject: no date here', '', '.starts with a dot', LONG, 'bye'].join('\r\n') + '\r\n');
    // Every character of the message maps to the same character in the transcript.
    for (const needle of ['From', 'no date', '.starts', 'bye']) {
      const at = m.text.indexOf(needle);
      const t = mapMessageOffset(m, at);
      assert.equal(text.slice(t, t + needle.length), needle, needle);
    }
    // Column 998 of the long line (after the removed dot): transcript column 3 + 1 + 998.
    const longStart = m.text.indexOf(LONG);
    const mapped = mapMessageOffset(m, longStart + 998);
    const lineStart = text.lastIndexOf('\n', mapped) + 1;
    assert.equal(mapped - lineStart, 'C: .'.length + 998);
    // The CRLF we joined with maps to the end of the transcript line.
    const crlf = m.text.indexOf('\r\n');
    assert.equal(text.slice(mapMessageOffset(m, crlf) - 4, mapMessageOffset(m, crlf)), '.org');
  });

  test(`every message problem lands on the same text in the transcript (${tag})`, () => {
    const text = build(eol, BODY);
    const s = parseTranscript(text);
    const m = messageOfBlock(s.dataBlocks[0]);
    const direct = validateMessage(m.text);
    const mapped = validateTranscript(text).filter((p) => CODES[p.code].source === 'eml');
    assert.equal(mapped.length, direct.length);
    for (let i = 0; i < direct.length; i++) {
      const original = m.text.slice(direct[i].offset, direct[i].offset + direct[i].length);
      if (original.includes('\r\n')) continue; // spans crossing lines include transcript prefixes
      const p = mapped.find((q) => q.code === direct[i].code && q.message === direct[i].message)!;
      assert.equal(where(text, p).covered, original, direct[i].code);
    }
  });

  test(`missing Date and a 1006-octet line are reported at the right place (needs the real message validator) (${tag})`, () => {
    const text = build(eol, BODY);
    const problems = validateTranscript(text);
    const date = problems.find((p) => p.code === 'missing-date');
    assert.ok(date, 'missing-date reported');
    const dataStart = text.indexOf('C: From:');
    const dataEnd = text.indexOf(`${eol}C: .${eol}`);
    assert.ok(date.offset >= text.indexOf('C: DATA') && date.offset <= dataEnd, 'missing-date inside the DATA block');
    const tooLong = problems.find((p) => p.code === 'line-too-long');
    assert.ok(tooLong, 'line-too-long reported');
    const longLine = text.indexOf(`C: .${LONG}`);
    assert.ok(tooLong.offset >= longLine + 4 && tooLong.offset + tooLong.length <= longLine + 4 + LONG.length, 'inside the long line, after the removed dot');
    assert.ok(dataStart > 0);
    // The transcript's own limit fires too (1000 octets with CRLF on the wire).
    assert.ok(problems.some((p) => p.code === 'text-line-too-long'));
  });
}

test('an empty, elided body is not validated as a message', () => {
  const text = lines('\n', 'S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', '# <2048 bytes encoded mime message (source size 2041 bytes)>', 'C: .', 'S: 250 OK', 'C: QUIT', 'S: 221 bye');
  assert.equal(parseTranscript(text).dataBlocks[0].elided, true);
  assert.deepEqual(validateTranscript(text), []);
});

test('BDAT chunks are joined without unstuffing', () => {
  const text = lines('\r\n', 'S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 CHUNKING', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: BDAT 12', 'C: Subject: x', 'S: 250 OK', 'C: BDAT 5 LAST', 'C: .hi', 'S: 250 OK', 'C: QUIT', 'S: 221 bye');
  const s = parseTranscript(text);
  assert.deepEqual(s.problems, []);
  const m = messageOfBlock(s.dataBlocks[0]);
  assert.equal(m.text, 'Subject: x\r\n.hi\r\n');
  assert.equal(s.transactions[0].end?.reply?.code, 250);
});

test('raw UTF-8 headers are fine in an SMTPUTF8 transaction (RFC 6531), not otherwise', () => {
  const body = (param: string) =>
    lines('\n', 'S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 SMTPUTF8', `C: MAIL FROM:<jörg@example.org>${param}`, 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: From: Jörg <jörg@example.org>', 'C: To: b@example.org', 'C: Subject: Grüße', 'C: Date: Fri, 01 Mar 2024 10:00:00 +0000', 'C: Message-ID: <1@example.org>', 'C:', 'C: hi', 'C: .', 'S: 250 OK', 'C: QUIT', 'S: 221 bye');
  assert.deepEqual(validateTranscript(body(' SMTPUTF8')).filter((p) => p.code === 'non-ascii-header'), []);
  // Needs the real message validator: without SMTPUTF8 the raw ö is reported.
  assert.ok(validateTranscript(body('')).some((p) => p.code === 'non-ascii-header'));
});

test('a DATA body over 1 MB (built through a Buffer) is the same message as the line-by-line join, in latin1 and in wider text', () => {
  // 1.3 MB of body: above the size where messageOfBlock stops joining strings.
  const plain = 'Latin-1 only: \u00fc\u00e9\u00ff and ASCII '.padEnd(76, 'x');
  const wide = 'Wider: \u20ac \ud83d\ude00 lone \ud800 surrogate '.padEnd(76, 'y');
  for (const [label, sample, extra] of [
    ['latin1', plain, ''],
    ['UTF-16', plain, wide],
  ] as const) {
    for (const eol of ['\r\n', '\n']) {
      const body = ['From: a@example.org', '', '..dot-stuffed line', ''];
      for (let i = 0; i < 17000; i++) body.push(i === 9000 && extra ? extra : sample);
      body.push('.', 'last');
      const text = build(eol, body.map((l) => (l.startsWith('.') ? '.' + l : l)));
      const block = parseTranscript(text).dataBlocks[0];
      const m = messageOfBlock(block);
      // The same block as a plain object takes the line-by-line path.
      const reference = messageOfBlock({ ...block, lines: block.lines, stuffed: block.stuffed, command: block.command });
      assert.ok(m.text.length > 0x100000, `${label}: large enough`);
      assert.equal(m.text, reference.text, `${label} ${JSON.stringify(eol)}: text`);
      assert.equal(m.text, body.join('\r\n') + '\r\n', `${label} ${JSON.stringify(eol)}: unstuffed lines`);
      assert.deepEqual([m.messageStarts, m.transcriptStarts, m.lengths], [reference.messageStarts, reference.transcriptStarts, reference.lengths]);
      const at = m.text.indexOf('last');
      assert.equal(text.slice(mapMessageOffset(m, at), mapMessageOffset(m, at) + 4), 'last');
    }
  }
});

test('a DATA body over 1 MB whose lines have no marker (swaks --no-send-hints) is the same message, LF and CRLF', () => {
  // An unmarked line with an LF break is one character shorter than its message line with CRLF, so the body cannot be joined in place.
  const body = ['From: a@example.org', '', '..dot-stuffed line'];
  for (let i = 0; i < 17000; i++) body.push(`line ${i} `.padEnd(76, 'z'));
  for (const eol of ['\n', '\r\n']) {
    const text = ['<-  220 mx.example.com ESMTP', 'EHLO client.example.org', '<-  250 mx.example.com', 'MAIL FROM:<a@example.org>', '<-  250 OK', 'RCPT TO:<b@example.org>', '<-  250 OK', 'DATA', '<-  354 go ahead', ...body.map((l) => (l.startsWith('.') ? '.' + l : l)), '.', '<-  250 OK', 'QUIT', '<-  221 bye', ''].join(eol);
    const session = parseTranscript(text);
    assert.equal(session.dialect, 'swaks');
    const block = session.dataBlocks[0];
    const m = messageOfBlock(block);
    const reference = messageOfBlock({ ...block, lines: block.lines, stuffed: block.stuffed, command: block.command });
    assert.ok(m.text.length > 0x100000, 'large enough');
    assert.equal(m.text, body.join('\r\n') + '\r\n', `${JSON.stringify(eol)}: unstuffed lines`);
    assert.equal(m.text, reference.text);
  }
});
