/**
 * `validateTranscript` parses without keeping the session model (no command,
 * reply or transaction lists, no cached line objects). Its problems must be
 * exactly those of the editor's path, which keeps the whole model:
 * `parseTranscript` + `validateSessionMessages` + `capProblems`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseTranscript } from '../../../src/mail/transcript/parse';
import { TranscriptParser } from '../../../src/mail/transcript/session';
import { capProblems, validateSessionMessages, validateTranscript } from '../../../src/mail/transcript/validate';
import { CORPUS, FIXTURES, lines, readFolder, session } from './util';

/** The editor's path: the full model, then its messages. */
const withModel = (text: string) => {
  const s = parseTranscript(text);
  return capProblems([...s.problems, ...validateSessionMessages(s)], s.leftOut);
};

const samples: Array<{ name: string; text: string }> = [
  ...readFolder(join(CORPUS, 'rfc')),
  ...readFolder(join(CORPUS, 'rfc-normalized')),
  ...readFolder(FIXTURES).filter((f) => f.name.endsWith('.txt')),
];

for (const eol of ['\r\n', '\n']) {
  const msg = (...ls: string[]) => ls.map((l) => `C: ${l}`);
  samples.push(
    {
      // SMTPUTF8 declared: raw UTF-8 in the headers is allowed (non-ascii-header dropped); in the next transaction it is not.
      name: `SMTPUTF8 and a plain transaction ${JSON.stringify(eol)}`,
      text: session(eol, [
        'C: MAIL FROM:<a@example.org> SMTPUTF8', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go',
        ...msg('From: Zoë <a@example.org>', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Subject: café', '', 'body'), 'C: .', 'S: 250 OK',
        'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go',
        ...msg('From: Zoë <a@example.org>', 'Subject: café', '', 'body'), 'C: .', 'S: 250 OK',
      ], ['8BITMIME', 'SMTPUTF8', 'PIPELINING']),
    },
    {
      // Two DATA bodies in one SMTPUTF8 transaction (pipelined): only the transaction's last block may carry UTF-8 headers.
      name: `two DATA in one SMTPUTF8 transaction ${JSON.stringify(eol)}`,
      text: session(eol, [
        'C: MAIL FROM:<a@example.org> SMTPUTF8', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'C: DATA', 'S: 354 go',
        ...msg('Subject: é', '', 'x'), 'C: .', 'S: 354 go', ...msg('Subject: ü', '', 'y'), 'C: .', 'S: 250 OK', 'S: 250 OK',
      ], ['8BITMIME', 'SMTPUTF8', 'PIPELINING']),
    },
    {
      name: `BDAT chunks, an unterminated DATA and missing replies ${JSON.stringify(eol)}`,
      text: lines(eol,
        'S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250-CHUNKING', 'S: 250 PIPELINING', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK',
        'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: BDAT 9', 'C: Subject', 'S: 250 OK', 'C: BDAT 3 LAST', 'C: x', 'S: 250 OK',
        'C: MAIL FROM:<a@example.org>', 'C: RCPT TO:<b@example.org>', 'C: DATA', 'S: 250 OK', 'S: 250 OK', 'S: 354 go', 'C: To: nobody', 'C: ', 'C: ..x'),
    },
  );
}

for (const { name, text } of samples) {
  test(`${name}: the same problems with and without the session model`, () => {
    const expected = withModel(text);
    assert.deepEqual(validateTranscript(text), expected);
    assert.deepEqual(validateTranscript(text.replace(/\r?\n/g, '\r\n')), withModel(text.replace(/\r?\n/g, '\r\n')));
  });
}

test('the SMTPUTF8 samples do exercise the message checks both ways', () => {
  const codes = validateTranscript(samples.find((s) => s.name.startsWith('SMTPUTF8'))!.text).map((p) => p.code);
  // Reported for the plain transaction only: one From and one Subject with raw UTF-8.
  assert.equal(codes.filter((c) => c === 'non-ascii-header').length, 2);
});

test('validation keeps no session model: no commands, replies or plain transactions listed, no line objects kept', () => {
  const text = session('\r\n', [
    'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C: ', 'C: y', 'C: .', 'S: 250 OK',
    'C: MAIL FROM:<a@example.org> SMTPUTF8', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C: ', 'C: y', 'C: .', 'S: 250 OK',
  ]);
  const parser = new TranscriptParser(text, undefined, false);
  const s = parser.run();
  assert.equal(s.commands.length, 0);
  assert.equal(s.replies.length, 0);
  assert.equal(s.transactions.length, 1, 'only the transaction the message checks read (SMTPUTF8)');
  assert.equal(s.dataBlocks.length, 2);
  assert.notEqual(parser.table.line(3), parser.table.line(3), 'a new view each time, none kept');
  // The model keeps everything.
  const full = parseTranscript(text);
  assert.equal(full.commands.length, 10);
  assert.equal(full.transactions.length, 2);
  assert.equal(full.lines[3], full.lines[3]);
});

/**
 * Lines whose mixes reach the places where validation reads a reply or a
 * command in place and the model makes objects: one-line and multi-line
 * replies, enhanced codes of the right and the wrong class, AUTH challenges,
 * PRDR, pipelined groups, paths with and without UTF-8, BDAT and DATA bodies.
 */
const PIECES = [
  'S: 220 mx ready', 'S: 220-mx', 'S: 250-mx', 'S: 250-PIPELINING', 'S: 250-ENHANCEDSTATUSCODES', 'S: 250-PRDR', 'S: 250-SMTPUTF8',
  'S: 250-8BITMIME', 'S: 250-CHUNKING', 'S: 250 AUTH PLAIN LOGIN', 'S: 250 2.1.0 OK', 'S: 250 5.1.0 wrong class', 'S: 250 OK',
  'S: 250 2.1', 'S: 251-2.1.5 will forward', 'S: 550-5.1.1 no', 'S: 550 5.1.1 no', 'S: 550 no such user', 'S: 354 go', 'S: 353 PRDR',
  'S: 334 ', 'S: 334 VXNlcm5hbWU6', 'S: 235 2.7.0 ok', 'S: 221 bye', 'S: 421 closing', 'S: 999 what', 'S: 25', 'S: 250x', 'S: <pseudo line>',
  'C: EHLO a.example', 'C: HELO a.example', 'C: MAIL FROM:<a@example.org>', 'C: MAIL FROM:<a@example.org> PRDR SMTPUTF8 BODY=8BITMIME',
  'C: MAIL FROM:<zoë@example.org>', 'C: RCPT TO:<b@example.org>', 'C: RCPT TO:<ü@example.org>', 'C: RCPT TO:b@example.org', 'C: RCPT TO:<>',
  'C: rcpt to:<c@example.org> NOTIFY=NEVER', 'C: DATA', 'C: .', 'C: ..x', 'C: Subject: é', 'C:', 'C: BDAT 7 LAST', 'C: BDAT 3', 'C: BDAT x',
  'C: AUTH PLAIN', 'C: AUTH LOGIN dXNlcg==', 'C: cGFzcw==', 'C: *', 'C: STARTTLS', 'C: RSET', 'C: QUIT', 'C: NOOP', 'C: VRFY', 'C: FROB',
  'C: DATA\tx', '# note', '', 'X: junk',
];

test('generated transcripts: the same problems with and without the session model (fast-check)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.constantFrom('\r\n', '\n'), (ls, eol) => {
      const text = ls.join(eol);
      assert.deepEqual(validateTranscript(text), withModel(text));
    }),
    { numRuns: 2000 },
  );
});
