/**
 * OAuth2 (SASL XOAUTH2) sending against smtp-server on 127.0.0.1 with
 * `authMethods: ['XOAUTH2']`: the token from a real token command (a child
 * process), renewal after a refused token, plain words for an expired token,
 * a failing command and a server without XOAUTH2; the token (plain, base64,
 * and inside the XOAUTH2 response) absent from every log line, the result and
 * its error. Also the CLI's `send --oauth2-token-command`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { runTokenCommand, xoauth2Response } from '../../src/send/oauth2';
import { sendMessage } from '../../src/send/send';
import type { SendResult, SmtpProfile } from '../../src/send/types';
import { runCli } from '../helpers/cli';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtpServer';

const USER = 'alice@example.com';
const MESSAGE = ['From: Alice <alice@example.com>', 'To: bob@example.com', 'Subject: oauth', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <o@example.com>', '', 'Hello', ''].join('\r\n');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'smtp-eml-oauth2-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A token command: a node script that prints the next token of `tokens` on each run
 * (a counter file remembers how many runs there were).
 */
function tokenCommand(tokens: string[]): { command: string; runs: () => number } {
  const counter = join(dir, `count-${Math.random().toString(36).slice(2)}`);
  writeFileSync(counter, '0');
  const script = join(dir, `token-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(
    script,
    `const fs = require('fs'); const n = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')); fs.writeFileSync(${JSON.stringify(counter)}, String(n + 1)); process.stdout.write(${JSON.stringify(tokens)}[Math.min(n, ${tokens.length - 1})] + '\\n');`,
  );
  return { command: `"${process.execPath}" "${script}"`, runs: () => Number(require('node:fs').readFileSync(counter, 'utf8')) };
}

/** A server that accepts only `valid` tokens for USER (XOAUTH2 only); refused tokens get Google's 334 challenge. */
async function oauthServer(valid: string[], seen: string[]): Promise<TestSmtpServer> {
  return startTestSmtpServer({
    users: { [USER]: 'unused' },
    authMethods: ['XOAUTH2'],
    extra: {
      onAuth(auth, _session, callback) {
        assert.equal(auth.method, 'XOAUTH2');
        seen.push(auth.accessToken ?? '');
        if (auth.username === USER && valid.includes(auth.accessToken ?? '')) return callback(null, { user: USER });
        callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
      },
    },
  });
}

/** The test server speaks plain SMTP on loopback, so sending a token there is allowed explicitly (a real server uses TLS). */
function profile(port: number): SmtpProfile {
  return { name: 'oauth', host: '127.0.0.1', port, security: 'none', allowCleartextAuth: true, user: USER, auth: 'oauth2', connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000 };
}

/** Every text a user or a log could see of a result. */
function everything(result: SendResult, logged: string[]): string {
  return [result.transcript, JSON.stringify(result), ...logged].join('\n');
}

function assertNoToken(text: string, tokens: string[]): void {
  for (const t of tokens) {
    assert.ok(!text.includes(t), `token ${t} leaked`);
    assert.ok(!text.includes(Buffer.from(t).toString('base64')), `base64 of ${t} leaked`);
    assert.ok(!text.includes(xoauth2Response(USER, t)), `XOAUTH2 response of ${t} leaked`);
  }
}

async function send(port: number, command: string): Promise<{ result: SendResult; logged: string[] }> {
  const logged: string[] = [];
  const result = await sendMessage({ text: MESSAGE, profile: profile(port), getAccessToken: () => runTokenCommand(command), onLog: (l) => logged.push(l) });
  return { result, logged };
}

describe('XOAUTH2 sending', () => {
  test('the token from the command logs in; the token is in no log line, result or error', async () => {
    const token = 'ya29.a0AfH6SMBx-valid_token~1';
    const seen: string[] = [];
    const server = await oauthServer([token], seen);
    try {
      const cmd = tokenCommand([token]);
      const { result, logged } = await send(server.port, cmd.command);
      assert.equal(result.ok, true, result.error?.message);
      assert.deepEqual(seen, [token]);
      assert.equal(server.received.length, 1);
      assert.equal(server.received[0].user, USER);
      assert.match(result.transcript, /^C: AUTH XOAUTH2 <redacted>$/m);
      assert.match(result.transcript, /^S: 235 /m);
      assertNoToken(everything(result, logged), [token]);
      assert.deepEqual(validateTranscript(result.transcript).filter((p) => p.severity === 'error'), []);
    } finally {
      await server.close();
    }
  });

  test('a refused (expired) token: the command runs again and the fresh token logs in', async () => {
    const expired = 'ya29.expired-token-000';
    const fresh = 'ya29.fresh-token-111';
    const seen: string[] = [];
    const server = await oauthServer([fresh], seen);
    try {
      const cmd = tokenCommand([expired, fresh]);
      const { result, logged } = await send(server.port, cmd.command);
      assert.equal(result.ok, true, result.error?.message);
      assert.deepEqual(seen, [expired, fresh]);
      assert.equal(cmd.runs(), 2);
      assertNoToken(everything(result, logged), [expired, fresh]);
    } finally {
      await server.close();
    }
  });

  test('an expired token that stays expired: plain words, stage auth, no token anywhere', async () => {
    const expired = 'ya29.always-expired-222';
    const server = await oauthServer([], []);
    try {
      const { result, logged } = await send(server.port, tokenCommand([expired]).command);
      assert.equal(result.ok, false);
      assert.equal(result.stage, 'auth');
      assert.equal(result.error?.code, 535);
      assert.match(result.error!.message, /refused the OAuth2 access token: 535 .*most likely expired.*ran 2 times/);
      assert.equal(server.received.length, 0);
      assertNoToken(everything(result, logged), [expired]);
    } finally {
      await server.close();
    }
  });

  test('a token command that fails, prints nothing, or prints a non-token: plain words, nothing sent', async () => {
    const server = await oauthServer(['x-valid'], []);
    try {
      const cases: Array<[string, RegExp]> = [
        [`"${process.execPath}" -e "process.stderr.write('refresh token revoked\\n'); process.exit(3)"`, /token command failed \(exit status 3\): refresh token revoked/],
        [`"${process.execPath}" -e ""`, /printed no token/],
        [`"${process.execPath}" -e "console.log('Enter passphrase: ')"`, /not an access token/],
      ];
      for (const [command, expected] of cases) {
        const { result } = await send(server.port, command);
        assert.equal(result.ok, false);
        assert.equal(result.stage, 'auth');
        assert.match(result.error!.message, expected);
      }
      assert.equal(server.received.length, 0);
    } finally {
      await server.close();
    }
  });

  test('a server without XOAUTH2 says so', async () => {
    const server = await startTestSmtpServer({ users: { [USER]: 'pw' }, authMethods: ['PLAIN'] });
    try {
      const { result, logged } = await send(server.port, tokenCommand(['ya29.not-used-333']).command);
      assert.equal(result.ok, false);
      assert.equal(result.stage, 'auth');
      assert.match(result.error!.message, /(does not accept XOAUTH2|refused the OAuth2)/);
      assertNoToken(everything(result, logged), ['ya29.not-used-333']);
    } finally {
      await server.close();
    }
  });

  test('CLI: send --oauth2-token-command; the token is in neither stdout nor stderr', async () => {
    const token = 'ya29.cli-token-444';
    const seen: string[] = [];
    const server = await oauthServer([token], seen);
    try {
      const file = join(dir, 'm.eml');
      writeFileSync(file, MESSAGE);
      const cmd = tokenCommand([token]);
      const r = await runCli(['send', file, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--allow-cleartext-auth', '--user', USER, '--oauth2-token-command', cmd.command]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(seen, [token]);
      assert.match(r.stdout, /^C: AUTH XOAUTH2 <redacted>$/m);
      assertNoToken(r.stdout + r.stderr, [token]);
      const bad = await runCli(['send', file, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--allow-cleartext-auth', '--oauth2-token-command', cmd.command]);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--oauth2-token-command needs --user/);
      const expired = await runCli(['send', file, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--allow-cleartext-auth', '--user', USER, '--oauth2-token-command', tokenCommand(['ya29.old-555']).command]);
      assert.equal(expired.status, 1);
      assert.match(expired.stderr, /most likely expired/);
      assertNoToken(expired.stdout + expired.stderr, ['ya29.old-555']);
    } finally {
      await server.close();
    }
  });
});
