/**
 * `smtp-eml replay`: a transcript recorded by the inbox from one session
 * replays against the inbox with exit 0; with an expected reply changed it
 * exits 1 and names the line; against the scripted inbox it reproduces the
 * script's faults; exit 2 when it cannot run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalInbox, type InboxSession, type LocalInbox } from '../../src/send/inbox';
import { loadInboxScript } from '../../src/send/inboxScript';
import { replaySteps } from '../../src/send/replay';
import { sendMessage } from '../../src/send/send';
import { portAnswers } from '../helpers/postfix';
import { runCli } from '../helpers/cli';

const MESSAGE = 'From: a@example.com\nTo: b@example.com, c@example.com\nSubject: replay\nDate: Thu, 03 Dec 2026 08:00:00 +0000\nMessage-ID: <r@example.com>\n\n.dot line\nbody\n';

describe('replaySteps', () => {
  test('pairs a pipelined group with its replies, skips the DATA body and the AUTH exchange lines', () => {
    const steps = replaySteps(
      ['S: 220 hi', 'C: EHLO me', 'S: 250-hi', 'S: 250 PIPELINING', 'C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: <redacted>', 'S: 334 UGFzc3dvcmQ6', 'C: <redacted>', 'S: 235 ok', 'C: MAIL FROM:<a@example.com>', 'C: RCPT TO:<b@example.com>', 'C: DATA', 'S: 250 ok', 'S: 452 full', 'S: 354 go', 'C: Subject: x', 'C: ..dot', '# bare LF', 'C: .', 'S: 250 queued', 'C: QUIT', 'S: 221 bye'].join('\n'),
    );
    assert.deepEqual(
      steps.map((s) => (s.kind === 'body' ? ['body', s.lines.map((l) => `${l.text}${l.bareLf ? '<LF>' : ''}`)] : [s.kind === 'greeting' ? 'greeting' : s.text, s.expect?.code, s.expect?.line])),
      [
        ['greeting', 220, 1],
        ['EHLO me', 250, 3],
        ['AUTH LOGIN', 235, 10],
        ['MAIL FROM:<a@example.com>', 250, 14],
        ['RCPT TO:<b@example.com>', 452, 15],
        ['DATA', 354, 16],
        ['body', ['Subject: x', '..dot<LF>']],
        ['.', 250, 21],
        ['QUIT', 221, 23],
      ],
    );
  });
});

describe('smtp-eml replay', () => {
  let dir: string;
  let inbox: LocalInbox;
  let scripted: LocalInbox;
  let recorded: string;
  let recordedScripted: string;

  /** Sends MESSAGE to `target` and returns the inbox's transcript of that session. */
  async function record(target: LocalInbox): Promise<string> {
    const session = new Promise<InboxSession>((resolve) => target.onSession(resolve));
    const r = await sendMessage({ text: MESSAGE, profile: { name: 'replay', host: '127.0.0.1', port: target.port, security: 'none' } });
    assert.ok(r.recipients.length === 2, r.error?.message);
    const file = (await session).transcript;
    const copy = join(dir, `${target === inbox ? 'plain' : 'scripted'}.smtp`);
    writeFileSync(copy, readFileSync(file));
    return copy;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-replay-'));
    inbox = await startLocalInbox({ port: 0, dir: join(dir, 'inbox') });
    const script = loadInboxScript('C: RCPT TO:<c@example.com>\nS: 452 4.2.2 Mailbox full\n').script!;
    scripted = await startLocalInbox({ port: 0, dir: join(dir, 'scripted'), script });
    recorded = await record(inbox);
    recordedScripted = await record(scripted);
  });
  after(async () => {
    await inbox.close();
    await scripted.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a recorded session replays against the inbox with exit 0, printing the live session', async () => {
    const r = await runCli(['replay', recorded, '--host', '127.0.0.1', '--port', String(inbox.port)]);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^C: \.\.dot line$/m);
    assert.match(r.stdout, /^S: 221 /m);
    assert.match(r.stdout, /^# result: every reply as in the transcript$/m);
    assert.match(r.stderr, /every reply as in the transcript/);
  });

  test('with an expected reply changed it exits 1 and names the line', async () => {
    const lines = readFileSync(recorded, 'utf8').split('\n');
    const at = lines.findIndex((l) => l === 'C: RCPT TO:<c@example.com>') + 1;
    assert.match(lines[at]!, /^S: 250 /);
    lines[at] = 'S: 550 5.1.1 expected to be refused';
    const changed = join(dir, 'changed.smtp');
    writeFileSync(changed, lines.join('\n'));
    const r = await runCli(['replay', changed, '--host', '127.0.0.1', '--port', String(inbox.port)]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^${changed.replace(/[.]/g, '\\.')}:${at + 1}: RCPT: expected 550 5\\.1\\.1 expected to be refused, got 250 `, 'm'));
    assert.match(r.stdout, new RegExp(`^# differs from the transcript \\(line ${at + 1}\\): expected 550`, 'm'));
    // By class, 550 and 250 still differ; by code the rest matched.
    assert.equal((r.stderr.match(/: expected /g) ?? []).length, 1);
  });

  test('replayed against the scripted inbox it reproduces the fault (exit 0); against the plain one it differs (exit 1)', async () => {
    const again = await runCli(['replay', recordedScripted, '--host', '127.0.0.1', '--port', String(scripted.port)]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^C: RCPT TO:<c@example\.com>\nS: 452 4\.2\.2 Mailbox full$/m);
    const plain = await runCli(['replay', recordedScripted, '--host', '127.0.0.1', '--port', String(inbox.port)]);
    assert.equal(plain.status, 1);
    assert.match(plain.stderr, /: RCPT: expected 452 4\.2\.2 Mailbox full, got 250 /);
  });

  test('--match text tells apart replies with the same code', async () => {
    // The queue id in "250 OK: queued as ..." differs on every run.
    const r = await runCli(['replay', recorded, '--host', '127.0.0.1', '--port', String(inbox.port), '--match', 'text']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /: \.: expected 250 OK: queued as \w+, got 250 OK: queued as \w+/);
  });

  test('exit 2 when it cannot run: no server, no such file, wrong usage', async () => {
    const closed = await startLocalInbox({ port: 0, dir: join(dir, 'closed') });
    const port = closed.port;
    await closed.close();
    assert.equal(await portAnswers(port), false);
    const refused = await runCli(['replay', recorded, '--host', '127.0.0.1', '--port', String(port)]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /replay could not run: cannot connect to 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    assert.equal((await runCli(['replay', join(dir, 'missing.smtp'), '--host', '127.0.0.1'])).status, 2);
    assert.equal((await runCli(['replay', recorded])).status, 2);
    assert.equal((await runCli(['replay', recorded, '--host', '127.0.0.1', '--match', 'words'])).status, 2);
    const empty = join(dir, 'empty.smtp');
    writeFileSync(empty, '# nothing here\n');
    const nothing = await runCli(['replay', empty, '--host', '127.0.0.1', '--port', String(inbox.port)]);
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /no C: command/);
  });
});
