/**
 * Long transcripts stay correct: 10,000 commands (answered, and pipelined with
 * their replies in one batch), a multi-megabyte DATA, a 1 MB line. No timing
 * thresholds: the benchmark helper measures speed; these prove the results.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTranscript, transactionOutcome } from '../../../src/mail/transcript/parse';
import { TranscriptParser } from '../../../src/mail/transcript/session';
import { validateTranscript } from '../../../src/mail/transcript/validate';

test('10,000 answered commands: every reply matched, no problem', () => {
  const L = ['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx'];
  for (let i = 0; i < 10000; i++) L.push(`C: VRFY user${i}`, `S: 252 2.1.5 user${i}`);
  L.push('C: QUIT', 'S: 221 bye');
  const s = parseTranscript(L.join('\r\n'));
  assert.deepEqual(s.problems, []);
  assert.equal(s.commands.length, 10002);
  assert.equal(s.commands[9000].reply?.lines[0].text, '2.1.5 user8999');
});

test('10,000 pipelined RCPTs, then their replies in order', () => {
  const L = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 PIPELINING', 'C: MAIL FROM:<a@example.org>'];
  for (let i = 0; i < 10000; i++) L.push(`C: RCPT TO:<r${i}@example.com>`);
  L.push('S: 250 OK');
  for (let i = 0; i < 10000; i++) L.push(i % 2 ? `S: 550 no r${i}` : `S: 250 r${i}`);
  L.push('C: RSET', 'S: 250 OK', 'C: QUIT', 'S: 221 bye');
  const s = parseTranscript(L.join('\n'));
  assert.deepEqual(s.problems, []);
  const t = s.transactions[0];
  assert.equal(t.rcpts.length, 10000);
  assert.equal(t.rcpts[9999].reply?.lines[0].text, 'no r9999');
  assert.equal(transactionOutcome(t).kind, 'reset');
});

test('10,000 commands with no reply at all: one missing-reply each, 100 kept (the catalogue\'s cap)', () => {
  const L = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 PIPELINING', 'C: MAIL FROM:<a@example.org>'];
  for (let i = 0; i < 10000; i++) L.push(`C: RCPT TO:<r${i}@example.com>`);
  const s = parseTranscript(L.join('\n'));
  assert.equal(s.problems.filter((p) => p.code === 'missing-reply').length, 100);
  assert.equal(s.leftOut.get('missing-reply'), 10001 - 100);
});

test('a 5 MB DATA body is one message of the right size', () => {
  const L = ['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go'];
  const line = 'C: ' + 'abcdefghij'.repeat(7);
  const n = 70000;
  for (let i = 0; i < n; i++) L.push(i === 5 ? 'C: ..dot' : line);
  L.push('C: .', 'S: 250 OK', 'C: QUIT', 'S: 221 bye');
  const s = parseTranscript(L.join('\r\n'));
  assert.deepEqual(s.problems, []);
  assert.equal(s.dataBlocks[0].lines.length, n);
  assert.equal(s.dataBlocks[0].octets, (n - 1) * 72 + 7);
});

test('a 1 MB line and odd bytes: reported, never thrown', () => {
  const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', `C: <${' '.repeat(1_000_000)}`, `S: 250 ${'1.'.repeat(200_000)}`, '\u0000\uffff\ud800', 'C: QUIT', 'S: 221 bye'].join('\n');
  const codes = validateTranscript(text).map((p) => p.code);
  assert.ok(codes.includes('command-too-long'));
  assert.ok(codes.includes('line-prefix'));
});

/** A session of `count` answered transactions (MAIL, two RCPTs, DATA with a body), lines joined with `eol`. */
const transactions = (count: number, eol: string): string => {
  const L = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 PIPELINING'];
  for (let i = 0; i < count; i++) {
    L.push(`C: MAIL FROM:<s${i}@example.org>`, 'S: 250 OK', `C: RCPT TO:<a${i}@example.net>`, 'S: 250 OK', `C: RCPT TO:<b${i}@example.net>`, 'S: 550 no');
    L.push('C: DATA', 'S: 354 go', `C: Subject: ${i}`, 'C: ', 'C: body', 'C: .', 'S: 250 queued');
  }
  L.push('C: QUIT', 'S: 221 bye', '');
  return L.join(eol);
};

for (const eol of ['\r\n', '\n']) {
  test(`every answered command lets go of its transaction, whatever the session's length (${JSON.stringify(eol)})`, () => {
    for (const count of [10, 1000]) {
      const s = new TranscriptParser(transactions(count, eol), undefined).run();
      assert.deepEqual(s.problems, []);
      assert.equal(s.transactions.length, count);
      // Only a command still waiting for its final reply knows its transaction; here every one was answered.
      const waiting = s.commands.filter((c) => c.waitingIn !== undefined);
      assert.deepEqual(waiting.map((c) => c.verb), []);
      assert.ok(s.commands.length > count * 4);
    }
  });
  test(`a command waiting for its reply knows its transaction (${JSON.stringify(eol)})`, () => {
    const s = new TranscriptParser(['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.net>', ''].join(eol), undefined).run();
    const rcpt = s.commands.find((c) => c.verb === 'RCPT')!;
    assert.equal(rcpt.waitingIn, s.transactions[0]);
    assert.equal(s.commands.find((c) => c.verb === 'MAIL')!.waitingIn, undefined);
  });
}
