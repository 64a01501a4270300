/**
 * The bundled CLI (dist/cli.js, built by `npm test` before the unit phase)
 * run as a child process: check, send against real servers on 127.0.0.1,
 * inbox as a foreground server, --help and --version.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { prepareData } from '../../src/mail/envelope';
import { sendMessage } from '../../src/send/send';
import { VERSION } from '../../src/version';
import { CLI_PATH, runCli, startCliInbox } from '../helpers/cli';
import { startTestSmtpServer, TLS_CERT_FILE, type TestSmtpServer } from '../helpers/smtpServer';


interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `code` is the exit status, 99 when it was killed. */
async function run(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  const r = await runCli(args, { ...options, hangMs: 60_000 });
  return { code: r.status ?? 99, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
before(() => {
  assert.ok(existsSync(CLI_PATH), `${CLI_PATH} is missing: run node scripts/build.mjs (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'smtp-eml-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const GOOD = 'From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nCc: carol@example.com\r\nBcc: dave@example.com\r\nSubject: CLI\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <cli@example.com>\r\n\r\nHello\r\n.\r\n';

describe('--help, --version, usage errors', () => {
  test('--version prints the version', async () => {
    const r = await run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${VERSION}\n`);
  });

  test('--help lists every command', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    for (const c of ['smtp-eml check', 'smtp-eml send FILE --host', 'smtp-eml inbox', 'SMTP_PASSWORD']) assert.ok(r.stdout.includes(c), c);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no command', [], /Usage:/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown option', ['check', '--bogus', 'x.eml'], /Unknown option '--bogus'/],
    ['check without files', ['check'], /check needs at least one FILE/],
    ['bad format', ['check', '--format', 'xml', 'x.eml'], /--format must be text or json/],
    ['send without host', ['send', 'x.eml'], /send needs --host/],
    ['send with a bad security', ['send', 'x.eml', '--host', 'h', '--security', 'ssl'], /--security must be starttls, tls or none/],
    ['send with a bad port', ['send', 'x.eml', '--host', 'h', '--port', '99999'], /--port must be a port number/],
    // send and replay read their connection options alike (src/cli/connectionArgs.ts).
    ['send to port 0', ['send', 'x.eml', '--host', 'h', '--port', '0'], /--port must be a port number 1-65535, not "0"/],
    ['replay without host', ['replay', 'x.smtp'], /replay needs --host/],
    ['replay with a bad security', ['replay', 'x.smtp', '--host', 'h', '--security', 'ssl'], /--security must be starttls, tls or none/],
    ['replay to port 0', ['replay', 'x.smtp', '--host', 'h', '--port', '0'], /--port must be a port number 1-65535, not "0"/],
    // Node's timers hold at most 2^31-1 ms: a longer timeout would fire at once.
    ['replay with a timeout past what a timer holds', ['replay', 'x.smtp', '--host', 'h', '--timeout', '2147483648'], /--timeout must be a number of milliseconds from 1 to 2147483647, not "2147483648"/],
    ['send with a timeout past what a timer holds', ['send', 'x.eml', '--host', 'h', '--timeout', '2147483648'], /--timeout must be a number of milliseconds from 1 to 2147483647/],
  ];
  for (const [name, args, message] of usage) {
    test(`${name}: exit 2 and a message`, async () => {
      const r = await run(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
    });
  }
});

describe('check', () => {
  test('text format: file:line:col: severity code message, exit 1 on an error', async () => {
    for (const eol of ['\n', '\r\n']) {
      const p = file(`bad${eol.length}.eml`, ['From: alice@example.com', 'To: nobody', 'Subject: s', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <a@b.example>', '', 'x', ''].join(eol));
      const r = await run(['check', p]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:5: error address-syntax .+$`, 'm'));
      for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^.+:\d+:\d+: (error|warning|information|hint) [a-z0-9-]+ \S/);
    }
  });

  test('a clean message: no output, exit 0', async () => {
    const r = await run(['check', file('good.eml', GOOD)]);
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0);
  });

  test('warnings only: exit 0', async () => {
    const r = await run(['check', file('warn.eml', GOOD.replace('Subject: CLI\r\n', ''))]);
    assert.match(r.stdout, /:1:1: warning missing-subject /);
    assert.equal(r.code, 0);
  });

  test('a latin1 file counts one octet per character for line-too-long (RFC 5322 §2.1.1)', async () => {
    // 600 x 0xE9 is not UTF-8, so the CLI reads it byte for byte: 600 octets, under 998.
    // Read as UTF-8 octets it would count 1200 and fire line-too-long wrongly.
    const body = Buffer.concat([Buffer.from(GOOD, 'latin1'), Buffer.alloc(600, 0xe9), Buffer.from('\r\n', 'latin1')]);
    const p = join(dir, 'latin1.eml');
    writeFileSync(p, body);
    const r = await run(['check', '--format', 'json', p]);
    assert.doesNotMatch(r.stdout, /line-too-long/);
    const long = join(dir, 'latin1-long.eml');
    writeFileSync(long, Buffer.concat([Buffer.from(GOOD, 'latin1'), Buffer.alloc(1000, 0xe9), Buffer.from('\r\n', 'latin1')]));
    assert.match((await run(['check', long])).stdout, /error line-too-long/);
  });

  test('.smtp files are checked as transcripts', async () => {
    const p = file('t.smtp', 'S: 220 mx ESMTP\nC: EHLO me.example\nhello there\nS: 250 ok\nC: QUIT\nS: 221 bye\n');
    const r = await run(['check', p]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /:3:1: error line-prefix /);
  });

  test('JSON format', async () => {
    const p = file('j.eml', 'From: alice@example.com\nTo: nobody\n\nx\n');
    const r = await run(['check', '--format', 'json', p]);
    assert.equal(r.code, 1);
    const items = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    const bad = items.find((i) => i.code === 'address-syntax')!;
    assert.deepEqual({ file: bad.file, line: bad.line, column: bad.column, severity: bad.severity, source: bad.source }, { file: p, line: 2, column: 5, severity: 'error', source: 'eml' });
    assert.equal(typeof bad.message, 'string');
    assert.ok((bad.endColumn as number) > 5);
  });

  test('--locale fa, or LANG=fa_IR.UTF-8, gives Persian messages with the same codes; other locales English', async () => {
    const p = file('fa.eml', GOOD.replace('Date: Fri, 27 Nov 2026 10:00:00 +0000\r\n', ''));
    const persian = /:1:1: error missing-date پیام فیلد .*Date.* ندارد/;
    assert.match((await run(['check', '--locale', 'fa', p])).stdout, persian);
    assert.match((await run(['check', p], { env: { LANG: 'fa_IR.UTF-8' } })).stdout, persian);
    // LC_ALL comes before LANG, and --locale before both.
    assert.match((await run(['check', p], { env: { LANG: 'fa_IR.UTF-8', LC_ALL: 'de_DE.UTF-8' } })).stdout, /error missing-date The message has no Date field/);
    assert.match((await run(['check', '--locale', 'en', p], { env: { LANG: 'fa_IR.UTF-8' } })).stdout, /error missing-date The message has no Date field/);
    const transcript = file('fa.smtp', 'S: 220 mx ESMTP\nC: EHLO me.example\nhello there\nS: 250 ok\nC: QUIT\nS: 221 bye\n');
    const r = await run(['check', '--locale', 'fa', '--format', 'json', transcript]);
    const prefix = (JSON.parse(r.stdout) as Array<{ code: string; message: string }>).find((i) => i.code === 'line-prefix')!;
    assert.match(prefix.message, /[\u0600-\u06FF]/);
  });

  test('several files; an unreadable one is reported and exits 2', async () => {
    const r = await run(['check', file('ok2.eml', GOOD), join(dir, 'missing.eml')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read .*missing\.eml/);
  });
});

describe('send', () => {
  let server: TestSmtpServer;
  let tlsServer: TestSmtpServer;
  before(async () => {
    server = await startTestSmtpServer({ refuseRecipients: { 'carol@example.com': '550 5.1.1 User unknown' } });
    tlsServer = await startTestSmtpServer({ security: 'starttls', users: { 'cli-user': 'cli-pass-123' } });
  });
  after(async () => {
    await server.close();
    await tlsServer.close();
  });

  test('partial success: exit 0, the log on stdout, each refusal on stderr', async () => {
    const p = file('send.eml', GOOD);
    const r = await run(['send', p, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# smtp-eml .* session log\n/);
    assert.match(r.stdout, /^C: QUIT\nS: 221 Bye$/m);
    assert.match(r.stderr, /^smtp-eml: refused carol@example\.com: 550 5\.1\.1 User unknown$/m);
    assert.match(r.stderr, /^smtp-eml: sent to 2 of 3 recipients: 250 OK: queued as TEST123$/m);
    const got = server.received.at(-1)!;
    assert.deepEqual(got.rcptTo, ['bob@example.com', 'dave@example.com']);
    assert.equal(got.data.toString('utf8'), prepareData(GOOD));
  });

  test('--from, --to and --log', async () => {
    const log = join(dir, 'session.smtp');
    const r = await run(['send', file('send2.eml', GOOD), '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--from', 'bounce@example.org', '--to', 'x@example.org', '--to', 'y@example.org', '--log', log]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const got = server.received.at(-1)!;
    assert.equal(got.mailFrom, 'bounce@example.org');
    assert.deepEqual(got.rcptTo, ['x@example.org', 'y@example.org']);
    const transcript = readFileSync(log, 'utf8');
    assert.match(transcript, /^C: RCPT TO:<y@example\.org>$/m);
    const check = await run(['check', log]);
    assert.equal(check.code, 0, check.stdout);
  });

  test('every recipient refused: exit 1 and a one-line reason', async () => {
    const r = await run(['send', file('send3.eml', GOOD), '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--to', 'carol@example.com']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trimEnd().split('\n').at(-1), 'smtp-eml: not sent: Server refused recipient carol@example.com: 550 5.1.1 User unknown');
  });

  test('an injected --to is refused before connecting', async () => {
    const before = server.received.length;
    const r = await run(['send', file('send4.eml', GOOD), '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--to', 'x@example.org\r\nRCPT TO:<evil@example.net>']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not sent: Recipient .* cannot be used: it contains a line break/);
    assert.equal(server.received.length, before);
  });

  test('STARTTLS: refused without --ca/--insecure, sent with either; password from SMTP_PASSWORD, never printed', async () => {
    const p = file('send5.eml', GOOD);
    const base = ['send', p, '--host', '127.0.0.1', '--port', String(tlsServer.port), '--user', 'cli-user'];
    const refused = await run(base, { env: { SMTP_PASSWORD: 'cli-pass-123' } });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not sent: The server's TLS certificate was refused: self[- ]signed certificate/);
    for (const extra of [['--insecure'], ['--ca', TLS_CERT_FILE]]) {
      const r = await run([...base, ...extra], { env: { SMTP_PASSWORD: 'cli-pass-123' } });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^C: AUTH PLAIN <redacted>$/m);
      for (const secret of ['cli-pass-123', 'cli-user', Buffer.from('cli-user').toString('base64')]) {
        assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), secret);
      }
    }
  });

  test('password from stdin when there is no terminal; a wrong one exits 1', async () => {
    const p = file('send6.eml', GOOD);
    const base = ['send', p, '--host', '127.0.0.1', '--port', String(tlsServer.port), '--user', 'cli-user', '--insecure'];
    const ok = await run(base, { input: 'cli-pass-123\n' });
    assert.equal(ok.code, 0, ok.stderr);
    const wrong = await run(base, { input: 'nope\n' });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /not sent: Server refused the login: 535 /);
    const none = await run(base, { input: '' });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no password/);
  });
});

describe('inbox', () => {
  test('stores what it receives; Ctrl+C (SIGINT) stops it with exit 0', { timeout: 60_000 }, async () => {
    const inboxDir = join(dir, 'inbox');
    const inbox = await startCliInbox(['--dir', inboxDir]);
    try {
      const r = await sendMessage({ text: GOOD, profile: { name: 'cli inbox', host: '127.0.0.1', port: inbox.port, security: 'none' } });
      assert.equal(r.ok, true, r.error?.message);
      const [, stored] = await inbox.waitFor(/received (\S+\.eml)/);
      assert.equal(readFileSync(stored!, 'utf8'), prepareData(GOOD));
      assert.equal(readdirSync(inboxDir).filter((f) => f.endsWith('.envelope.json')).length, 1);
      assert.equal(await inbox.stop('SIGINT'), 0);
      assert.match(inbox.output(), /inbox stopped/);
    } finally {
      await inbox.stop('SIGKILL');
    }
  });
});
