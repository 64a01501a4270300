/**
 * The scripted inbox: a `.smtp` script validated before use (a reply RFC 5321
 * does not allow after its command refuses it), then played against our send
 * path on 127.0.0.1: each fault of the script shows in the send result
 * (refused recipient, retry later, lost connection, a stall), and the
 * inbox's own transcript of the session records it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalInbox, type InboxSession, type LocalInbox } from '../../src/send/inbox';
import { loadInboxScript } from '../../src/send/inboxScript';
import { ScriptPlayer } from '../../src/send/scriptedConnection';
import { sendMessage } from '../../src/send/send';
import type { SendResult } from '../../src/send/types';
import { readLines } from '../helpers/lineReader';

const MESSAGE = 'From: a@example.com\nTo: b@example.com, c@example.com\nSubject: scripted\nDate: Thu, 03 Dec 2026 08:00:00 +0000\nMessage-ID: <s@example.com>\n\nbody\n';

describe('loadInboxScript', () => {
  test('reads greeting, rules, waits and closes; skips the DATA body', () => {
    const { script, problems } = loadInboxScript(
      ['# wait 10ms', 'S: 220 scripted', 'C: RCPT TO:<c@example.com>', '# wait 1.5s', 'S: 452-4.2.2 Mailbox full', 'S: 452 4.2.2 try later', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C: RCPT TO:<in-body@example.com>', 'C: .', 'S: 554 5.7.1 no', '# close'].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.equal(script!.greeting!.code, 220);
    assert.equal(script!.greeting!.waitMs, 10);
    assert.deepEqual(
      script!.rules.map((r) => [r.verb, r.argument, r.code, r.texts, r.waitMs, r.close, r.line]),
      [
        ['RCPT', 'TO:<C@EXAMPLE.COM>', 452, ['4.2.2 Mailbox full', '4.2.2 try later'], 1500, false, 3],
        ['DATA', undefined, 354, ['go'], 0, false, 7],
        ['.', undefined, 554, ['5.7.1 no'], 0, true, 11],
      ],
    );
  });

  test('refuses a reply RFC 5321 does not allow after the command, and a line that is not C:/S:/#', () => {
    const text = 'S: 220 ready\nC: DATA\nS: 250 no such thing\nX: what\n';
    const { script, problems } = loadInboxScript(text);
    assert.equal(script, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]),
      [
        ['reply-unexpected', '250'],
        ['line-prefix', 'X: what'],
      ],
    );
  });

  test('refuses a wait over an hour', () => {
    const { script, problems } = loadInboxScript('C: DATA\n# wait 2h\n# wait 90m\n');
    assert.equal(script, undefined);
    assert.deepEqual(problems.map((p) => p.message), ['A wait of at most 1 hour is allowed, not 90m.']);
  });

  test('rules are used once each, by verb and (where given) argument', () => {
    const { script } = loadInboxScript('C: RCPT\nS: 250 first\nC: RCPT TO:<x@example.com>\nS: 550 x\nC: RCPT\nS: 251 third\n');
    const player = new ScriptPlayer(script!);
    assert.equal(player.take('rcpt to:<X@Example.com>')?.texts[0], 'first');
    assert.equal(player.take('RCPT TO:<x@example.com>')?.code, 550);
    assert.equal(player.take('RCPT TO:<y@example.com>')?.code, 251);
    assert.equal(player.take('RCPT TO:<y@example.com>'), undefined);
    assert.equal(player.take('MAIL FROM:<a@example.com>'), undefined);
  });
});

describe('the scripted inbox against our send path', () => {
  let dir: string;
  const open: LocalInbox[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-inbox-script-'));
  });
  after(async () => {
    for (const inbox of open) await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts an inbox with `script`, sends MESSAGE through it, returns the result and the inbox's transcript. */
  async function play(script: string, timeoutMs?: number): Promise<{ result: SendResult; transcript: string; session: InboxSession }> {
    const loaded = loadInboxScript(script);
    assert.deepEqual(loaded.problems, []);
    const inbox = await startLocalInbox({ port: 0, dir: mkdtempSync(join(dir, 'x-')), script: loaded.script });
    open.push(inbox);
    const session = new Promise<InboxSession>((resolve) => inbox.onSession(resolve));
    const profile = { name: 'scripted', host: '127.0.0.1', port: inbox.port, security: 'none' as const, ...(timeoutMs ? { socketTimeout: timeoutMs, greetingTimeout: timeoutMs } : {}) };
    const result = await sendMessage({ text: MESSAGE, profile });
    const s = await session;
    return { result, transcript: readFileSync(s.transcript, 'utf8'), session: s };
  }

  test('452 4.2.2 Mailbox full at the second RCPT: sent to the first, the second refused', async () => {
    const { result, transcript, session } = await play('C: RCPT TO:<b@example.com>\nS: 250 fine\nC: RCPT TO:<c@example.com>\nS: 452 4.2.2 Mailbox full\n');
    assert.equal(result.ok, true, result.error?.message);
    assert.deepEqual(result.recipients.map((r) => [r.address, r.accepted]), [['b@example.com', true], ['c@example.com', false]]);
    assert.match(result.recipients[1]!.reply ?? '', /^452 4\.2\.2 Mailbox full/);
    assert.match(transcript, /^C: RCPT TO:<c@example\.com>\nS: 452 4\.2\.2 Mailbox full$/m);
    const envelope = JSON.parse(readFileSync(session.messages[0]!.replace(/\.eml$/, '.envelope.json'), 'utf8')) as { rcptTo: string[] };
    assert.deepEqual(envelope.rcptTo, ['b@example.com'], 'the refused recipient is not in the stored envelope');
  });

  test('421 at DATA: not sent, a temporary failure at DATA; nothing stored', async () => {
    const { result, session } = await play('C: DATA\nS: 421 4.3.2 Shutting down, try later\n');
    assert.equal(result.ok, false);
    assert.equal(result.error?.code, 421);
    assert.match(result.error?.message ?? '', /421/);
    assert.deepEqual(session.messages, []);
  });

  test('554 greeting: refused before EHLO', async () => {
    const { result, transcript } = await play('S: 554 5.3.2 No service here\n');
    assert.equal(result.ok, false);
    assert.equal(result.error?.code, 554);
    assert.match(transcript, /^S: 554 5\.3\.2 No service here$/m);
    assert.doesNotMatch(transcript, /^C: EHLO/m);
  });

  test('# close at the end of the message: the connection is lost before the reply', async () => {
    const { result, transcript, session } = await play('C: .\n# close\n');
    assert.equal(result.ok, false);
    assert.equal(result.error?.code, undefined);
    assert.match(result.error?.message ?? '', /clos|lost|ended|ECONNRESET|unexpected/i);
    assert.match(transcript, /^C: \.\n# script \(line 1\): closing the connection$/m);
    assert.deepEqual(session.messages, []);
  });

  test('# wait: a stall longer than the client waits ends in its timeout', async () => {
    const { result, transcript } = await play('C: MAIL\n# wait 30s\nS: 250 late\n', 1000);
    assert.equal(result.ok, false);
    assert.match(result.error?.message ?? '', /stopped answering \(no reply within 1000 ms\)/);
    assert.match(transcript, /^# script \(line 1\): waiting 30000 ms before answering$/m);
  });

  test('# close after a reply: a command pipelined behind it is never read, whether it came in the same segment or later', async () => {
    for (const [rule, reply] of [
      ['S: 250 2.1.5 last one', '250 2.1.5 last one'],
      ['S: 421 4.3.2 closing', '421 4.3.2 closing'],
    ] as const) {
      const loaded = loadInboxScript(`C: RCPT TO:<b@example.com>\n${rule}\n# close\n`);
      assert.deepEqual(loaded.problems, []);
      const inbox = await startLocalInbox({ port: 0, dir: mkdtempSync(join(dir, 'x-')), script: loaded.script });
      open.push(inbox);
      const transcripts: string[] = [];
      for (const together of [false, true]) {
        const session = new Promise<InboxSession>((resolve) => inbox.onSession(resolve));
        const heard = await talk(inbox.port, ['MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'RCPT TO:<c@example.com>', 'DATA'], together);
        assert.deepEqual(heard.slice(-2), ['250 Accepted', reply], `${reply}, ${together ? 'one segment' : 'one per reply'}: then the connection ends`);
        transcripts.push(readFileSync((await session).transcript, 'utf8'));
      }
      const [apart, together] = transcripts.map((t) => t.split('\n').filter((l) => !l.startsWith('# ') || l.startsWith('# script')).join('\n'));
      assert.equal(together, apart);
      assert.match(apart!, new RegExp(`^C: RCPT TO:<b@example\\.com>\\nS: ${reply.replace(/\./g, '\\.')}\\n# script \\(line 1\\): closing the connection\\n$`, 'm'));
      assert.doesNotMatch(apart!, /<c@example\.com>/);
    }
  });

  test('a positive rule only changes the text: the session goes on', async () => {
    const { result, transcript } = await play('C: MAIL\nS: 250 2.1.0 sender fine by the script\nC: .\nS: 250 2.0.0 kept by the script\n');
    assert.equal(result.ok, true, result.error?.message);
    assert.match(result.response ?? '', /^250 2\.0\.0 kept by the script/);
    assert.match(transcript, /^S: 250 2\.1\.0 sender fine by the script$/m);
  });
});

/**
 * A raw client: EHLO, then `commands` each after the reply to the one before,
 * or all in one write; resolves with every reply line (after EHLO's) once the
 * server closes the connection.
 */
function talk(port: number, commands: string[], together: boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    const replies: string[] = [];
    const queue = [...commands];
    let greeted = false;
    let helloed = false;
    readLines(socket, (line) => {
      if (helloed) replies.push(line);
      if (!/^\d{3}(?: |$)/.test(line)) return;
      if (!greeted) {
        greeted = true;
        socket.write('EHLO client.example\r\n');
      } else if (!helloed) {
        helloed = true;
        if (together) socket.write(queue.splice(0).map((c) => `${c}\r\n`).join(''));
        else socket.write(`${queue.shift()}\r\n`);
      } else if (!together && queue.length) socket.write(`${queue.shift()}\r\n`);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(replies));
  });
}
