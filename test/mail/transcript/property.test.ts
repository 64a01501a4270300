/**
 * Property tests (fast-check): any mix of transcript lines, in any dialect,
 * parses without throwing, with every problem inside the text; conversion to
 * C:/S: never produces a line-prefix error and is idempotent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { convertToCanonical } from '../../../src/mail/transcript/convert';
import { splitLines } from '../../../src/mail/transcript/lines';
import { parseTranscript, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';

const PIECES = [
  'S: 220 mx ready', 'S: 250-mx', 'S: 250-PIPELINING', 'S: 250-ENHANCEDSTATUSCODES', 'S: 250 AUTH PLAIN LOGIN', 'S: 250 2.0.0 OK', 'S: 354 go',
  'S: 334 ', 'S: 334 VXNlcm5hbWU6', 'S: 235 2.7.0 ok', 'S: 550 5.1.1 no', 'S: 221 bye', 'S: 421 closing', 'S: 999 what', 'S: <pseudo line>',
  'C: EHLO a.example', 'C: HELO a.example', 'C: MAIL FROM:<a@example.org>', 'C: RCPT TO:<b@example.org>', 'C: DATA', 'C: .', 'C: ..x',
  'C:', 'C: BDAT 7 LAST', 'C: BDAT x', 'C: AUTH PLAIN', 'C: AUTH LOGIN dXNlcg==', 'C: cGFzcw==', 'C: *', 'C: STARTTLS', 'C: RSET',
  'C: QUIT', 'C: NOOP', 'C: FROB', 'C: Subject: hi', '# note', '', ' ...', 'X: junk', '\u0000', '\r',
];
const DIALECT_PREFIX: Record<string, [string, string]> = {
  swaks: [' -> ', '<-  '],
  msmtp: ['--> ', '<-- '],
  postfix: [' In:  ', ' Out: '],
  nodemailer: ['[2024-01-01 10:00:00] DEBUG [abc] C: ', '[2024-01-01 10:00:00] DEBUG [abc] S: '],
};

const transcript = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 60 });

test('any canonical mix: no throw, problems inside the text, outcomes computable', () => {
  fc.assert(
    fc.property(transcript, fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = lines.join(eol);
      const problems = validateTranscript(text);
      for (const p of problems) {
        assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${p.code} ${p.offset}+${p.length} in ${text.length}`);
      }
      for (const t of parseTranscript(text).transactions) transactionOutcome(t);
    }),
    { numRuns: 300 },
  );
});

test('any dialect mix converts to C:/S: without line-prefix errors, idempotently', () => {
  fc.assert(
    fc.property(transcript, fc.constantFrom(...Object.keys(DIALECT_PREFIX)), (lines, dialect) => {
      const [c, s] = DIALECT_PREFIX[dialect];
      const text = lines
        .filter((l) => l.startsWith('C:') || l.startsWith('S:'))
        .map((l) => (l.startsWith('C:') ? c : s) + l.slice(2).trimStart())
        .join('\n');
      const canonical = convertToCanonical(text);
      const again = convertToCanonical(canonical);
      assert.equal(again, canonical);
      assert.deepEqual(validateTranscript(canonical).filter((p) => p.code === 'line-prefix'), []);
    }),
    { numRuns: 300 },
  );
});

test('a session cut after "MAIL ", "MAIL FROM:", "RCPT " or "EHLO " keeps every problem inside the text', () => {
  // Found by the hardening fuzzer: an empty argument at the very end gave a 1-character range past the end.
  for (const eol of ['\n', '\r\n']) {
    const head = ['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx'].join(eol) + eol;
    for (const tail of ['C: MAIL ', 'C: MAIL FROM:', 'C: MAIL FROM: ', 'C: RCPT ', 'C: RCPT TO:', 'C: EHLO ', 'C: HELO']) {
      const text = head + tail;
      const problems = validateTranscript(text);
      assert.ok(problems.some((p) => p.code === 'command-syntax'), `${JSON.stringify(tail)}: reported`);
      for (const p of problems) assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${JSON.stringify(tail)}: ${p.code} ${p.offset}+${p.length} in ${text.length}`);
    }
  }
});

test('splitLines agrees with a reference split on CRLF, LF and lone CR', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'C: x', '\r', '\n', '\r\n', ' ', '.'), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const expected: Array<[number, number]> = [];
      const re = /\r\n|\r|\n/g;
      let start = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        expected.push([start, m.index]);
        start = m.index + m[0].length;
      }
      if (start < text.length) expected.push([start, text.length]);
      assert.deepEqual(splitLines(text).map((l) => [l.offset, l.end]), expected);
    }),
    { numRuns: 500 },
  );
});
