/**
 * Other tools' logs: swaks, msmtp --debug, nodemailer's logger, Postfix
 * transcripts. Each fixture is detected as its dialect, gives no line-prefix
 * error, gives the same diagnostics (by code and covered text) as its canonical
 * conversion, and converts to a transcript that parses as canonical.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { convertToCanonical } from '../../../src/mail/transcript/convert';
import { detectDialect, readLineTable, type Dialect, type LineTable } from '../../../src/mail/transcript/lines';
import { parseTranscript, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';
import { FIXTURES, where } from './util';

const CASES: Array<{ file: string; dialect: Dialect; codes: string[]; outcomes: string[] }> = [
  { file: 'swaks-starttls-auth.txt', dialect: 'swaks', codes: ['credentials-exposed', 'credentials-exposed'], outcomes: ['delivered to 1 recipient: 250 2.0.0 Ok: queued as 4TmQ2b0mXKz9sWl'] },
  { file: 'swaks-rcpt-rejected.txt', dialect: 'swaks', codes: [], outcomes: ['no recipient accepted (1 refused)'] },
  { file: 'msmtp-debug.txt', dialect: 'msmtp', codes: ['credentials-exposed'], outcomes: ['delivered to 1 recipient: 250 2.0.0 Ok: queued as 4TmQ8Z1fJnz9sWm'] },
  { file: 'nodemailer-debug.txt', dialect: 'nodemailer', codes: ['credentials-exposed'], outcomes: ['delivered to 1 recipient: 250 2.0.0 Ok: queued as 4TmQ2b0mXKz9sWl'] },
  { file: 'nodemailer-transaction-log.txt', dialect: 'nodemailer', codes: [], outcomes: ['delivered to 1 of 2 recipients: 250 Message Queued (F1E2D3C4)'] },
  { file: 'postfix-transcript.txt', dialect: 'postfix', codes: ['out-of-sequence'], outcomes: ['rejected at DATA: 554 5.5.1 Error: no valid recipients'] },
  { file: 'postfix-client-transcript.txt', dialect: 'postfix', codes: [], outcomes: ['rejected at DATA: 554 5.5.1 Error: no valid recipients'] },
];

const summary = (text: string) =>
  validateTranscript(text).map((p) => `${p.code} ${JSON.stringify(where(text, p).covered)} ${p.message}`);

for (const c of CASES) {
  for (const eol of ['\n', '\r\n']) {
    const text = readFileSync(join(FIXTURES, c.file), 'utf8').replace(/\r?\n/g, eol);
    const tag = `${c.file} (${eol === '\n' ? 'LF' : 'CRLF'})`;
    test(`${tag}: detected as ${c.dialect}, no line-prefix, expected codes`, () => {
      assert.equal(detectDialect(text), c.dialect);
      const problems = validateTranscript(text);
      assert.deepEqual(problems.filter((p) => p.code === 'line-prefix'), []);
      assert.deepEqual(problems.filter((p) => p.code !== 'missing-message-id').map((p) => p.code), c.codes);
      const s = parseTranscript(text);
      assert.deepEqual(s.transactions.map((t) => transactionOutcome(t).text), c.outcomes);
    });
    test(`${tag}: converts to C:/S: with the same diagnostics`, () => {
      const canonical = convertToCanonical(text);
      assert.equal(detectDialect(canonical), 'canonical');
      assert.ok(canonical.split(eol).every((l) => l === '' || /^(C:|S:|#)/.test(l)), 'every line is C:, S:, # or blank');
      assert.deepEqual(summary(canonical), summary(text));
      // Converting twice changes nothing.
      assert.equal(convertToCanonical(canonical), canonical);
      // Same number of protocol lines.
      const count = (t: string) => parseTranscript(t).lines.filter((l) => l.kind === 'client' || l.kind === 'server').length;
      assert.ok(count(canonical) >= count(text));
    });
  }
}

test('nodemailer: the DATA body logged without C: is the message; the summary line ends an unlogged body', () => {
  const debug = parseTranscript(readFileSync(join(FIXTURES, 'nodemailer-debug.txt'), 'utf8'));
  assert.equal(debug.dataBlocks.length, 1);
  assert.equal(debug.dataBlocks[0].lines[0].content, 'From: user@example.org');
  assert.equal(debug.dataBlocks[0].terminated, true);
  assert.equal(debug.dataBlocks[0].elided, false);
  const log = parseTranscript(readFileSync(join(FIXTURES, 'nodemailer-transaction-log.txt'), 'utf8'));
  assert.equal(log.dataBlocks[0].elided, true);
  assert.equal(log.dataBlocks[0].terminated, true);
  const converted = convertToCanonical(readFileSync(join(FIXTURES, 'nodemailer-transaction-log.txt'), 'utf8'));
  assert.match(converted, /# \[2024-03-01 12:00:07\] INFO {2}\[#1\] \[aB9xQ2\] <2048 bytes encoded mime message \(source size 2041 bytes\)>\nC: \.\n/);
  assert.equal(parseTranscript(converted).dataBlocks[0].elided, true);
});

test('swaks: TLS lines are marked, the dot-stuffed body line is unstuffed in the message', () => {
  const s = parseTranscript(readFileSync(join(FIXTURES, 'swaks-starttls-auth.txt'), 'utf8'));
  assert.ok(s.lines.some((l) => l.tls && l.kind === 'client'));
  const block = s.dataBlocks[0];
  assert.ok(block.lines.some((l) => l.content === '..and a line that starts with a dot'));
  assert.equal(s.auths[0].mechanism, 'LOGIN');
  assert.equal(s.auths[0].responses.length, 2);
});

test('a canonical file with one stray dialect line stays canonical and flags it', () => {
  const text = 'S: 220 mx\nC: EHLO a.example\nS: 250 mx\n -> NOOP\nC: QUIT\nS: 221 bye\n';
  assert.equal(detectDialect(text), 'canonical');
  assert.deepEqual(validateTranscript(text).map((p) => p.code), ['line-prefix']);
});

test('Postfix: indented Out:/In: lines, prose around them is annotation', () => {
  const s = parseTranscript(readFileSync(join(FIXTURES, 'postfix-transcript.txt'), 'utf8'));
  assert.equal(s.greeting?.code, 220);
  assert.equal(s.lines[0].kind, 'annotation');
  assert.equal(s.commands[0].verb, 'EHLO');
  assert.equal(s.commands[0].line.content, 'EHLO client.example.org');
});

test('Postfix: the smtp client transcript (Out: = client) is read the other way round', () => {
  const s = parseTranscript(readFileSync(join(FIXTURES, 'postfix-client-transcript.txt'), 'utf8'));
  assert.equal(s.greeting?.code, 220);
  assert.deepEqual(s.commands.map((c) => c.verb), ['EHLO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'QUIT']);
  assert.equal(s.transactions[0].rcpts[0].reply?.code, 550);
  // The 78-column wrap (smtpd_chat.c line_wrap, indent 4) is an annotation, not an error.
  assert.equal(s.lines.find((l) => l.content.includes('virtual mailbox table'))?.kind, 'annotation');
});

test('detection reads the head only until the canonical form cannot be passed, and no further', () => {
  // The head is 20,000 lines; canonical wins ties. Each case sits on one side of the point where the rest cannot change the winner.
  const head = (canonical: number, swaks: number, eol: string): string =>
    'C: NOOP\n'.repeat(canonical).replace(/\n/g, eol) + ' -> NOOP\n'.repeat(swaks).replace(/\n/g, eol);
  for (const eol of ['\n', '\r\n']) {
    assert.equal(detectDialect(head(10000, 10000, eol)), 'canonical', 'a tie');
    assert.equal(detectDialect(head(9999, 10001, eol)), 'swaks', 'one line short of the tie');
    assert.equal(detectDialect(head(9000, 11000, eol)), 'swaks');
    // A line of neither kind first: 9,999 canonical lines against the 10,000 left, where stopping one line early would be wrong.
    assert.equal(detectDialect(eol + head(9999, 10000, eol)), 'swaks', 'a blank line, then one short');
    assert.equal(detectDialect(eol + head(10000, 9999, eol)), 'canonical');
    // Lines past the head do not count, however many.
    assert.equal(detectDialect(head(10000, 12000, eol)), 'canonical', 'past the head');
    assert.equal(detectDialect(head(20000, 0, eol) + ' -> NOOP\n'.repeat(30000)), 'canonical');
    // Other-dialect lines first: the canonical count must pass theirs plus the rest.
    assert.equal(detectDialect(head(0, 5000, eol) + 'C: NOOP\n'.repeat(15000)), 'canonical');
    assert.equal(detectDialect(head(0, 10001, eol) + 'C: NOOP\n'.repeat(9999)), 'swaks');
  }
});

test('a file read as canonical first, to decide its dialect from those rows, gets the table its detected dialect gives', () => {
  const rowsOf = (t: LineTable): unknown[] =>
    Array.from({ length: t.count }, (_, k) => [t.offsets[k], t.ends[k], t.prefixOffsets[k], t.contentOffsets[k], t.kindCode(k), t.hasFlag(k, 8), t.isElidedData(k), t.isMaybeData(k)]);
  const fixtures = ['msmtp-debug.txt', 'nodemailer-debug.txt', 'nodemailer-transaction-log.txt', 'postfix-client-transcript.txt', 'postfix-transcript.txt', 'swaks-rcpt-rejected.txt', 'swaks-starttls-auth.txt'];
  const swaks = readFileSync(join(FIXTURES, 'swaks-starttls-auth.txt'), 'utf8');
  const cases: Array<[string, string, Dialect]> = [
    ['canonical', 'S: 220 mx\r\nC: EHLO a\r\nS: 250 mx\r\nC: DATA\r\nS: 354 go\r\nC: Subject: x\r\nC:\r\nC: ..dot\r\nC: .\r\nS: 250 ok\r\n', 'canonical'],
    ['notes and blank lines before the first C:', '# a note\n\n  \nC: EHLO a\nS: 250 mx\n -> NOOP\n', 'canonical'],
    // Starts like the canonical form, but most of its lines are swaks': read again as swaks.
    ['two canonical lines, then a swaks log', `S: 220 mx\nC: NOOP\n${swaks}`, 'swaks'],
    // Blank lines and notes count for no dialect: one C: line loses to two swaks lines.
    ['one canonical line, blank lines, two swaks lines', 'C: NOOP\n\n\n# note\n\n -> NOOP\n -> QUIT\n', 'swaks'],
    ...fixtures.map((f): [string, string, Dialect] => [f, readFileSync(join(FIXTURES, f), 'utf8'), detectDialect(readFileSync(join(FIXTURES, f), 'utf8'))]),
    ...fixtures.map((f): [string, string, Dialect] => {
      const text = `C: NOOP\n${readFileSync(join(FIXTURES, f), 'utf8')}`;
      return [`C: NOOP, then ${f}`, text, detectDialect(text)];
    }),
  ];
  for (const [name, text, dialect] of cases) {
    const table = readLineTable(text);
    assert.equal(table.dialect, dialect, name);
    assert.equal(detectDialect(text), dialect, name);
    assert.deepEqual(rowsOf(table), rowsOf(readLineTable(text, dialect)), name);
  }
  // The canonical-first reading was taken and given up at least once above (not every fixture stays canonical behind a C: line).
  assert.ok(cases.some(([name, , d]) => name.startsWith('C: NOOP') && d !== 'canonical'));
});
