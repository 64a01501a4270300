/**
 * The swaks and msmtp dialects against the real tools (Debian packages `swaks`
 * and `msmtp`, installed by .ci/run): each sends to a real smtp-server on
 * 127.0.0.1 and its log is read as a transcript: detected, no line-prefix,
 * the expected outcome, the exposed AUTH data found, and the C:/S:
 * conversion gives the same diagnostics.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { convertToCanonical } from '../../../src/mail/transcript/convert';
import { detectDialect } from '../../../src/mail/transcript/lines';
import { parseTranscript, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';

const installed = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

let server: SMTPServer;
let port = 0;

before(async () => {
  server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'tester' }),
    onRcptTo: (address, _session, cb) =>
      address.address.startsWith('nobody') ? cb(Object.assign(new Error('No such user'), { responseCode: 550 })) : cb(),
    onData: (stream, _session, cb) => {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(stdout + stderr)));
    if (input !== undefined) child.stdin!.end(input);
  });
}

const summary = (t: string) => validateTranscript(t).map((p) => `${p.code} ${t.slice(p.offset, p.offset + p.length)}`);

test('a real swaks log reads as a transcript', { skip: !installed('swaks') && 'swaks is not installed (.ci/run installs it)' }, async () => {
  const log = await run('swaks', ['--server', '127.0.0.1', '--port', String(port), '--from', 'me@example.org', '--to', 'a@example.com,nobody@example.com', '--auth', 'LOGIN', '--auth-user', 'me@example.org', '--auth-password', 's3cret', '--helo', 'client.example.org']);
  assert.equal(detectDialect(log), 'swaks');
  const problems = validateTranscript(log);
  assert.deepEqual(problems.filter((p) => p.code === 'line-prefix'), []);
  // swaks prints AUTH LOGIN data as sent: user name and password, base64.
  const creds = problems.filter((p) => p.code === 'credentials-exposed').map((p) => log.slice(p.offset, p.offset + p.length));
  assert.deepEqual(creds, [Buffer.from('me@example.org').toString('base64'), Buffer.from('s3cret').toString('base64')]);
  const s = parseTranscript(log);
  assert.equal(s.dataBlocks.length, 1);
  assert.ok(s.dataBlocks[0].terminated);
  assert.match(transactionOutcome(s.transactions[0]).text, /^delivered to 1 of 2 recipients: 250 /);
  assert.deepEqual(summary(convertToCanonical(log)), summary(log));
});

test('a real msmtp --debug log reads as a transcript', { skip: !installed('msmtp') && 'msmtp is not installed (.ci/run installs it)' }, async () => {
  const message = 'From: me@example.org\nTo: a@example.com\nSubject: msmtp test\n\n.dot line\nbody\n';
  const log = await run(
    'msmtp',
    ['--debug', '--host=127.0.0.1', `--port=${port}`, '--from=me@example.org', '--auth=plain', '--user=me@example.org', '--passwordeval=echo s3cret', '--tls=off', 'a@example.com'],
    message,
  );
  assert.equal(detectDialect(log), 'msmtp');
  const problems = validateTranscript(log);
  assert.deepEqual(problems.filter((p) => p.code === 'line-prefix'), []);
  assert.deepEqual(problems.filter((p) => p.code === 'credentials-exposed').length, 1);
  const s = parseTranscript(log);
  assert.equal(s.transactions[0].rcpts[0].reply?.code, 250, 'pipelined replies matched in order');
  assert.ok(s.dataBlocks[0].lines.some((l) => l.content === '..dot line'));
  assert.equal(transactionOutcome(s.transactions[0]).kind, 'delivered');
  assert.equal(s.quit?.reply?.code, 221);
  assert.deepEqual(summary(convertToCanonical(log)), summary(log));
});
