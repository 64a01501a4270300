/**
 * The inbox's transcript recorder fed as smtp-server feeds it (the bytes the
 * socket received, then each command it read and each reply it sent), with
 * the same client bytes cut into TCP segments in different ways: the
 * transcript must not depend on the cut where pipelining is allowed, and must
 * show the client's early commands where it is not (RFC 2920 §3).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { SessionRecorder } from '../../src/send/sessionRecorder';

const dir = mkdtempSync(join(tmpdir(), 'smtp-eml-recorder-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** One step of a session as the recorder sees it. */
type Step = { received: string } | { command: string } | { reply: string } | { note: string } | { noteAfterReply: string };

let files = 0;
/** Plays `steps` into a fresh recorder and returns the transcript without its first three notes. */
async function record(steps: Step[]): Promise<string> {
  const file = join(dir, `s${++files}.smtp`);
  const recorder = new SessionRecorder(file, { id: 'id', remoteAddress: '127.0.0.1', remotePort: 1, localAddress: '127.0.0.1', localPort: 2, time: new Date(0), server: 'test' });
  for (const step of steps) {
    if ('received' in step) recorder.receivedBytes(Buffer.from(step.received, 'latin1'));
    else if ('command' in step) recorder.client(step.command);
    else if ('reply' in step) recorder.server(step.reply);
    else if ('note' in step) recorder.note(step.note);
    else recorder.noteAfterReply(step.noteAfterReply);
  }
  await recorder.close('closed');
  return readFileSync(file, 'utf8').split('\n').slice(3).join('\n');
}

/** The dialogue after the greeting: each command with the reply smtp-server gives it, in the order it reads them. */
function dialogue(hello: string, helloReply: string): Array<[string, string]> {
  return [
    [hello, helloReply],
    ['MAIL FROM:<a@example.com>', '250 Accepted'],
    ['RCPT TO:<b@example.com>', '250 Accepted'],
    ['RCPT TO:<c@example.com>', '452 4.2.2 Mailbox full'],
    ['RSET', '250 Flushed'],
  ];
}

/**
 * The session with the client's bytes arriving in `segments` (each a list of
 * whole or partial lines sent together); smtp-server reads a command only
 * once its line is complete, and answers it before it reads the next.
 */
function session(pairs: Array<[string, string]>, segments: string[]): Step[] {
  const steps: Step[] = [{ reply: '220 inbox ESMTP' }];
  const wire = pairs.map(([c]) => `${c}\r\n`).join('');
  assert.equal(segments.join(''), wire, 'the segments carry the dialogue');
  let arrived = 0;
  let read = 0;
  let next = 0;
  for (const [command, reply] of pairs) {
    read += command.length + 2;
    // Segments up to the end of this command's line have arrived before it is read.
    while (arrived < read) {
      steps.push({ received: segments[next]! });
      arrived += segments[next++]!.length;
    }
    steps.push({ command }, { reply });
  }
  return steps;
}

const EHLO_REPLY = '250-inbox\r\n250-PIPELINING\r\n250 SIZE 1000';

describe('SessionRecorder: the transcript does not depend on TCP segmentation', () => {
  const pairs = dialogue('EHLO client.example', EHLO_REPLY);
  const lines = pairs.map(([c]) => `${c}\r\n`);
  // A conforming client waits for the EHLO reply (RFC 2920 §3.1: EHLO ends a group); the rest may come in any cut.
  const ehlo = lines[0]!;
  const rest = lines.slice(1).join('');

  test('after PIPELINING was offered: one command per segment, the group in one segment, cut mid-line: one transcript, each command with its reply', async () => {
    const perCommand = await record(session(pairs, lines));
    const oneGroup = await record(session(pairs, [ehlo, rest]));
    const cut = await record(session(pairs, [ehlo, rest.slice(0, 5), rest.slice(5, 40), rest.slice(40, 41), rest.slice(41, 77), rest.slice(77)]));
    const byteByByte = await record(session(pairs, [ehlo, ...rest]));
    assert.equal(oneGroup, perCommand);
    assert.equal(cut, perCommand);
    assert.equal(byteByByte, perCommand);
    assert.match(perCommand, /^C: RCPT TO:<b@example\.com>\nS: 250 Accepted\nC: RCPT TO:<c@example\.com>\nS: 452 4\.2\.2 Mailbox full\nC: RSET\nS: 250 Flushed$/m);
    assert.deepEqual(validateTranscript(`S: 220 inbox ESMTP\n${perCommand.split('\n').slice(1).join('\n')}`).filter((p) => p.code !== 'missing-quit').map((p) => p.code), []);
  });

  test('without PIPELINING (HELO): commands that were there before a reply went out are written before it, so the validator reports them', async () => {
    const helo = dialogue('HELO client.example', '250 inbox');
    const heloLines = helo.map(([c]) => `${c}\r\n`);
    const waited = await record(session(helo, heloLines));
    const pipelined = await record(session(helo, [heloLines[0]!, heloLines.slice(1).join('')]));
    // A client that waited for each reply: in order, clean.
    assert.match(waited, /^C: MAIL FROM:<a@example\.com>\nS: 250 Accepted\nC: RCPT TO:<b@example\.com>\nS: 250 Accepted$/m);
    // One that did not: the group, then the replies, as on the wire.
    assert.match(pipelined, /^C: MAIL FROM:<a@example\.com>\nC: RCPT TO:<b@example\.com>\nC: RCPT TO:<c@example\.com>\nC: RSET\nS: 250 Accepted\nS: 250 Accepted\nS: 452 4\.2\.2 Mailbox full\nS: 250 Flushed$/m);
    const codes = (t: string): string[] => validateTranscript(t).map((p) => p.code).filter((c) => c !== 'missing-quit');
    assert.deepEqual(codes(waited), []);
    assert.ok(codes(pipelined).length > 0, 'the validator reports the pipelined group after HELO');
    // A note (a scripted close after the reply to MAIL, the RCPT behind it never read) comes after the reply.
    const closed = await record([
      { reply: '220 inbox ESMTP' },
      { received: heloLines[0]! },
      { command: helo[0]![0] },
      { reply: helo[0]![1] },
      { received: heloLines[1]! + heloLines[2]! },
      { command: helo[1]![0] },
      { reply: '250 Accepted' },
      { note: 'script (line 1): closing the connection' },
    ]);
    assert.match(closed, /^C: MAIL FROM:<a@example\.com>\nS: 250 Accepted\n# script \(line 1\): closing the connection\n# closed\n$/m);
  });

  test('an EHLO reply without PIPELINING counts as not offered; a later EHLO that offers it allows it again', async () => {
    const without = dialogue('EHLO client.example', '250-inbox\r\n250 SIZE 1000');
    const withoutLines = without.map(([c]) => `${c}\r\n`);
    assert.match(await record(session(without, [withoutLines[0]!, withoutLines.slice(1).join('')])), /^C: MAIL FROM:<a@example\.com>\nC: RCPT TO:<b@example\.com>\n/m);
    const again: Array<[string, string]> = [['HELO client.example', '250 inbox'], ...pairs];
    const againLines = again.map(([c]) => `${c}\r\n`);
    assert.match(await record(session(again, [againLines[0]!, againLines[1]!, againLines.slice(2).join('')])), /^C: MAIL FROM:<a@example\.com>\nS: 250 Accepted\nC: RCPT TO:<b@example\.com>\nS: 250 Accepted\n/m);
  });

  test('a note given before a reply is written right after it, even when the next pipelined command was read first', async () => {
    const text = await record([
      { reply: '220 inbox ESMTP' },
      { received: `EHLO client.example\r\n` },
      { command: 'EHLO client.example' },
      { reply: EHLO_REPLY },
      { received: 'NOOP\r\nQUIT\r\n' },
      { command: 'NOOP' },
      { noteAfterReply: 'stored as x.eml' },
      { reply: '250 OK' },
      { command: 'QUIT' },
      { reply: '221 Bye' },
    ]);
    assert.match(text, /^C: NOOP\nS: 250 OK\n# stored as x\.eml\nC: QUIT\nS: 221 Bye\n# closed\n$/m);
  });
});
