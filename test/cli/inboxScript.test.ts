/**
 * `smtp-eml inbox --script FILE.smtp` as a person runs it: a script with
 * problems is refused with its diagnostics (exit 1, nothing listens); a good
 * one answers as it says, and every session's transcript is announced.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sendMessage } from '../../src/send/send';
import { runCli, startCliInbox } from '../helpers/cli';

const MESSAGE = 'From: a@example.com\nTo: b@example.com, c@example.com\nSubject: cli script\nDate: Thu, 03 Dec 2026 08:00:00 +0000\nMessage-ID: <c@example.com>\n\nbody\n';

describe('inbox --script', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-cli-script-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a script with a reply RFC 5321 does not allow is refused with its diagnostics', async () => {
    const script = join(dir, 'bad.smtp');
    writeFileSync(script, 'S: 220 ready\nC: DATA\nS: 250 not after DATA\n');
    const r = await runCli(['inbox', '--port', '0', '--dir', join(dir, 'unused'), '--script', script]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^${script.replace(/[.]/g, '\\.')}:3:4: warning reply-unexpected `, 'm'));
    assert.match(r.stderr, /has 1 problem; the inbox did not start/);
    assert.equal(r.stdout, '');
  });

  test('an unreadable script is a usage problem (exit 2)', async () => {
    const r = await runCli(['inbox', '--port', '0', '--dir', join(dir, 'unused'), '--script', join(dir, 'missing.smtp')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read .*missing\.smtp/);
  });

  test('a good script is played: the second RCPT refused; the session transcript announced; SIGINT stops it', { timeout: 60_000 }, async () => {
    const script = join(dir, 'full.smtp');
    writeFileSync(script, 'C: RCPT TO:<c@example.com>\nS: 452 4.2.2 Mailbox full\n');
    const inbox = await startCliInbox(['--dir', join(dir, 'inbox'), '--script', script]);
    try {
      await inbox.waitFor(/listening on 127\.0\.0\.1:\d+, storing messages in \S+, answering as \S+full\.smtp says/);
      const r = await sendMessage({ text: MESSAGE, profile: { name: 'cli script', host: '127.0.0.1', port: inbox.port, security: 'none' } });
      assert.equal(r.ok, true, r.error?.message);
      assert.deepEqual(r.recipients.map((x) => x.accepted), [true, false]);
      const [, transcript] = await inbox.waitFor(/^session (\S+\.smtp)$/m);
      assert.match(readFileSync(transcript!, 'utf8'), /^C: RCPT TO:<c@example\.com>\nS: 452 4\.2\.2 Mailbox full$/m);
      assert.equal(await inbox.stop('SIGINT'), 0);
    } finally {
      await inbox.stop('SIGKILL');
    }
  });
});
