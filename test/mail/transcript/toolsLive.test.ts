/**
 * The swaks and msmtp dialects against the real tools (Debian packages `swaks`
 * and `msmtp`, installed by .ci/run): each sends to a real smtp-server on
 * 127.0.0.1 and its log is read as a transcript: detected, no line-prefix,
 * the expected outcome, the exposed AUTH data found, and the C:/S:
 * conversion gives the same diagnostics.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { applyReplacements, convertToCanonical, credentialRedactions } from '../../../src/mail/transcript/convert';
import { detectDialect } from '../../../src/mail/transcript/lines';
import { parseTranscript, recipientOutcomes, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';

const installed = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

let server: SMTPServer;
let port = 0;
let prdrServer: Server;
let prdrPort = 0;

/**
 * A minimal PRDR server (draft-hall-prdr; smtp-server has no PRDR), a raw net
 * server: after the data it answers 353, then one reply per accepted recipient
 * (`refuse-content@` refuses the message), then the final reply.
 */
function servePrdr(socket: Socket): void {
  let buffer = '';
  let inData = false;
  let prdr = false;
  let rcpts: string[] = [];
  socket.write('220 prdr.example ESMTP\r\n');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('latin1');
    let nl: number;
    while ((nl = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      if (inData) {
        if (line !== '.') continue;
        inData = false;
        if (prdr) {
          const lines = ['353 PRDR content analysis beginning'];
          for (const r of rcpts) lines.push(r.startsWith('refuse-content@') ? `550 5.7.1 content refused for <${r}>` : `250 2.0.0 accepted for <${r}>`);
          lines.push('250 2.0.0 OK');
          socket.write(lines.map((l) => l + '\r\n').join(''));
        } else socket.write('250 2.0.0 OK\r\n');
        continue;
      }
      const verb = line.split(' ')[0].toUpperCase();
      if (verb === 'EHLO') socket.write('250-prdr.example\r\n250-PIPELINING\r\n250 PRDR\r\n');
      else if (verb === 'MAIL') {
        prdr = /\sPRDR\b/i.test(line);
        rcpts = [];
        socket.write('250 2.1.0 OK\r\n');
      } else if (verb === 'RCPT') {
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        if (address.startsWith('nobody@')) socket.write('550 5.1.1 no such user\r\n');
        else {
          rcpts.push(address);
          socket.write('250 2.1.5 OK\r\n');
        }
      } else if (verb === 'DATA') {
        inData = true;
        socket.write('354 go ahead\r\n');
      } else if (verb === 'QUIT') socket.end('221 2.0.0 bye\r\n');
      else socket.write('250 OK\r\n');
    }
  });
  socket.on('error', () => socket.destroy());
}

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
  prdrServer = createServer(servePrdr);
  await new Promise<void>((resolve) => prdrServer.listen(0, '127.0.0.1', resolve));
  prdrPort = (prdrServer.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => prdrServer.close(() => resolve()));
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

/** Warnings and errors, as `code covered-text`. */
const findings = (t: string) =>
  validateTranscript(t)
    .filter((p) => p.severity === 'error' || p.severity === 'warning')
    .map((p) => `${p.code} ${t.slice(p.offset, p.offset + p.length)}`);

const swaksArgs = (...extra: string[]): string[] => ['--server', '127.0.0.1', '--port', String(port), '--from', 'me@example.org', '--to', 'a@example.com,nobody@example.com', '--helo', 'client.example.org', ...extra];

// Each of swaks' output modes, as the installed swaks writes it: read without a false error or warning.
const MODES: Array<{ flags: string[]; outcome: string; elided?: boolean; data?: boolean }> = [
  { flags: ['--suppress-data'], outcome: 'delivered to 1 of 2 recipients: 250 OK: message queued', elided: true },
  { flags: ['--hide-receive'], outcome: 'message sent, no final reply in the transcript', data: true },
  { flags: ['--hide-send'], outcome: '' },
  { flags: ['--no-send-hints'], outcome: 'delivered to 1 of 2 recipients: 250 OK: message queued', data: true },
  { flags: ['--no-receive-hints'], outcome: 'delivered to 1 of 2 recipients: 250 OK: message queued', data: true },
  { flags: ['--no-hints'], outcome: 'delivered to 1 of 2 recipients: 250 OK: message queued', data: true },
  { flags: ['--no-hints', '--suppress-data'], outcome: 'delivered to 1 of 2 recipients: 250 OK: message queued', elided: true },
  { flags: ['--hide-receive', '--suppress-data'], outcome: 'message sent, no final reply in the transcript', elided: true },
  { flags: ['--pipeline'], outcome: 'delivered to 1 of 2 recipients: 250 OK: message queued', data: true },
];
for (const mode of MODES) {
  test(`real swaks ${mode.flags.join(' ')}: no false error or warning`, { skip: !installed('swaks') && 'swaks is not installed (.ci/run installs it)' }, async () => {
    const log = await run('swaks', swaksArgs(...mode.flags));
    assert.equal(detectDialect(log), 'swaks');
    assert.deepEqual(findings(log), [], log);
    const s = parseTranscript(log);
    assert.deepEqual(s.transactions.map((t) => transactionOutcome(t).text), mode.outcome ? [mode.outcome] : []);
    if (mode.elided) assert.equal(s.dataBlocks[0].elided, true);
    // An elided DATA is not validated as a message; a printed one is.
    if (mode.data) assert.ok(s.dataBlocks[0].lines.some((l) => l.content.startsWith('X-Mailer: swaks')), 'the message lines are the DATA block');
    assert.deepEqual(findings(convertToCanonical(log)), []);
  });
}

test('real swaks --auth-plaintext: the decoded user name and password are credentials-exposed', { skip: !installed('swaks') && 'swaks is not installed (.ci/run installs it)' }, async () => {
  const login = await run('swaks', swaksArgs('--auth', 'LOGIN', '--auth-user', 'me@example.org', '--auth-password', 's3cret', '--auth-plaintext'));
  assert.deepEqual(findings(login), ['credentials-exposed me@example.org', 'credentials-exposed s3cret']);
  const plain = await run('swaks', swaksArgs('--auth', 'PLAIN', '--auth-user', 'me@example.org', '--auth-password', 's3cret', '--auth-plaintext'));
  assert.deepEqual(findings(plain), ['credentials-exposed \\0me@example.org\\0s3cret']);
  // The redaction leaves nothing to report and no secret behind.
  for (const log of [login, plain]) {
    const redacted = applyReplacements(log, credentialRedactions(log));
    assert.deepEqual(findings(redacted), []);
    assert.ok(!redacted.includes('s3cret'));
  }
});

test('real swaks --prdr against a PRDR server: per-recipient replies understood', { skip: !installed('swaks') && 'swaks is not installed (.ci/run installs it)' }, async () => {
  const log = await run('swaks', ['--server', '127.0.0.1', '--port', String(prdrPort), '--from', 'me@example.org', '--to', 'a@example.com,nobody@example.com,refuse-content@example.com', '--helo', 'client.example.org', '--prdr']);
  assert.match(log, /353 PRDR/);
  assert.deepEqual(findings(log), [], log);
  const s = parseTranscript(log);
  const t = s.transactions[0];
  assert.deepEqual(t.prdr?.map((o) => [o.rcpt.address, o.reply.code]), [['a@example.com', 250], ['refuse-content@example.com', 550]]);
  assert.equal(transactionOutcome(t).text, 'delivered to 1 of 3 recipients: 250 2.0.0 OK');
  assert.deepEqual(recipientOutcomes(t).map((r) => r.accepted), [true, false]);
  assert.deepEqual(findings(convertToCanonical(log)), []);
});
