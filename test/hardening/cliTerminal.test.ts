/**
 * The CLI against hostile files and servers, run as a person runs it:
 * control characters never reach the terminal raw (in every command's output),
 * a closed pipe ends quietly, inputs are read only from regular files and
 * with a size limit, timeouts are range-checked, AUTH in the clear needs a
 * flag, and a send whose outcome is unknown says so.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI_PATH, runCli } from '../helpers/cli';
import { destroy, raw, reply, startFaultServer, type FaultServer } from '../helpers/faultServer';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'smtp-eml-cli-terminal-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], options: { env?: NodeJS.ProcessEnv; hangMs?: number } = {}) => runCli(args, { cwd: dir, hangMs: 60_000, ...options });
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/;
const STACK = /\n\s+at .+:\d+:\d+\)?\n/;

const MESSAGE = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <t@example.com>\r\n\r\nHello\r\n';

describe('terminal escapes are shown escaped', () => {
  const hostile = `From: a@example.com\r\nTo: b@example.com\r\n\x1b]0;pwned\x07\x1b[2J\u009b31m\r\nSubject: s\r\n\r\nbody\r\n`;

  test('check (text): the header line that carries them is quoted with \\x1b', async () => {
    writeFileSync(join(dir, 'esc.eml'), hostile);
    const r = await run(['check', 'esc.eml']);
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL);
    assert.match(r.stdout, /\\x1b\]0;pwned\\x07\\x1b\[2J/);
  });

  test('check (json): valid JSON, the value unchanged, no raw control character', async () => {
    const r = await run(['check', '--format', 'json', 'esc.eml']);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    const parsed = JSON.parse(r.stdout) as Array<{ message: string }>;
    assert.ok(parsed.some((p) => p.message.includes('\x1b]0;pwned\x07')), 'the parsed message keeps the text');
  });

  test('a file name with escapes, in an error', async () => {
    const r = await run(['check', '\x1b[2Jmissing.eml']);
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.match(r.stderr, /\\x1b\[2Jmissing\.eml/);
  });

  test('send: server text in the log (stdout) and in the result (stderr)', async () => {
    const server = await startFaultServer({
      greeting: () => raw('220 evil \x1b]0;owned\x07 ESMTP\r\n'),
      afterData: () => reply('250 2.0.0 queued \x1b[2J\x1b[31m as X1'),
    });
    try {
      writeFileSync(join(dir, 'm.eml'), MESSAGE);
      const r = await run(['send', 'm.eml', '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none']);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL);
      assert.match(r.stdout, /^S: 220 evil \\x1b\]0;owned\\x07 ESMTP$/m);
      assert.match(r.stderr, /queued \\x1b\[2J\\x1b\[31m as X1/);
    } finally {
      await server.close();
    }
  });
});

describe('inputs: a closed pipe, devices, FIFOs and size', () => {
  test('check ... | head -1: ends quietly, no EPIPE stack', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `C: FOO${i}`).join('\n');
    writeFileSync(join(dir, 'many.smtp'), `${many}\n`);
    const args = [CLI_PATH, 'check', ...Array(20).fill('many.smtp')];
    const r = await new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Like `head -1`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (status, signal) => {
        clearTimeout(timer);
        resolve({ status, signal, stderr });
      });
    });
    assert.equal(r.signal, null, 'killed by the hang detector');
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 400)}`);
    assert.doesNotMatch(r.stderr, STACK);
    assert.doesNotMatch(r.stderr, /EPIPE/);
  });

  test('/dev/zero: a clear error at once', async () => {
    const r = await run(['check', '/dev/zero'], { hangMs: 30_000 });
    assert.equal(r.signal, null);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read \/dev\/zero: .*a device, not a regular file/);
  });

  test('a FIFO: a clear error, no hang', async () => {
    const fifo = join(dir, 'pipe.eml');
    execFileSync('mkfifo', [fifo]);
    const r = await run(['check', 'pipe.eml'], { hangMs: 30_000 });
    assert.equal(r.signal, null, 'hung on the FIFO');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /named pipe \(FIFO\)/);
    const s = await run(['send', 'pipe.eml', '--host', '127.0.0.1', '--port', '9', '--security', 'none'], { hangMs: 30_000 });
    assert.equal(s.status, 2);
    assert.match(s.stderr, /named pipe/);
  });

  test('a directory', async () => {
    mkdirSync(join(dir, 'folder.eml'));
    const r = await run(['check', 'folder.eml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is a directory/);
  });

  test('over 200 MB: refused before reading; --max-size changes the limit', async () => {
    const big = join(dir, 'big.eml');
    writeFileSync(big, MESSAGE);
    truncateSync(big, 201 * 1024 * 1024); // sparse: no disk used
    const r = await run(['check', 'big.eml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /larger than the 200 MB limit \(--max-size MB raises it\)/);
    writeFileSync(join(dir, 'two.eml'), MESSAGE + 'x'.repeat(2 * 1024 * 1024));
    const small = await run(['check', '--max-size', '1', 'two.eml']);
    assert.equal(small.status, 2);
    assert.match(small.stderr, /larger than the 1 MB limit/);
    const ok = await run(['check', '--max-size', '3', 'two.eml']);
    assert.ok(ok.status === 0 || ok.status === 1, ok.stderr);
    const bad = await run(['check', '--max-size', 'lots', 'two.eml']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-size must be/);
  });
});

describe('send options and outcomes', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer();
    writeFileSync(join(dir, 'send.eml'), MESSAGE);
  });
  after(() => server.close());

  for (const value of ['3000000000', '0', '2147483648', '-5']) {
    test(`--timeout ${value}: a usage error naming the range, nothing sent`, async () => {
      const before = server.record.connections;
      const r = await run(['send', 'send.eml', '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', `--timeout=${value}`]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--timeout must be a number of milliseconds from 1 to 2147483647/);
      assert.equal(server.record.connections, before);
    });
  }

  test('--security none --user: refused unless --allow-cleartext-auth', async () => {
    const before = server.record.connections;
    const r = await run(['send', 'send.eml', '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--user', 'me'], { env: { SMTP_PASSWORD: 'pw-123456' } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not sent: .*in the clear.*--allow-cleartext-auth/);
    assert.equal(server.record.connections, before, 'nothing was sent');
    const ok = await run(['send', 'send.eml', '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--user', 'me', '--allow-cleartext-auth'], { env: { SMTP_PASSWORD: 'pw-123456' } });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^# warning: AUTH without TLS/m);
  });

  test('connection lost after the final dot: "delivery unknown", not "not sent"', async () => {
    const lossy = await startFaultServer({ afterData: () => destroy() });
    try {
      const r = await run(['send', 'send.eml', '--host', '127.0.0.1', '--port', String(lossy.port), '--security', 'none']);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^smtp-eml: delivery unknown: .*may have been delivered; check before sending again/m);
      assert.doesNotMatch(r.stderr, /not sent/);
    } finally {
      await lossy.close();
    }
  });
});
