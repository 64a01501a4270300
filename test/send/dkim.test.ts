/**
 * Signing on send: messages sent with DKIM to a real SMTP server on 127.0.0.1
 * (smtp-server) arrive with a signature that an independent verifier
 * (mailauth's dkimVerify with a stub resolver) accepts; the session log names
 * the signer and holds no key material; a bad key stops the send before any
 * connection. The CLI's `send --dkim-key` and `check --dkim-keys` end to end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sendMessage } from '../../src/send/send';
import type { SmtpProfile } from '../../src/send/types';
import { runCli } from '../helpers/cli';
import { mailauth, stubResolver, testKey } from '../helpers/dkim';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtpServer';

const MESSAGE = [
  'From: Alice <alice@example.com>',
  'To: Bob <bob@example.com>',
  'Bcc: Eve <eve@example.com>',
  'Subject: Signed on the way out',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <signed-send@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Grüße aus Köln,',
  '.leading dot and   spaces  ',
  '',
].join('\n');

const NAME = 's1._domainkey.example.com';
const profile = (port: number): SmtpProfile => ({ name: 'dkim test', host: '127.0.0.1', port, security: 'none', connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000 });

describe('DKIM signing on send', () => {
  let server: TestSmtpServer;
  let dir: string;
  before(async () => {
    server = await startTestSmtpServer();
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-dkim-send-'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const type of ['rsa', 'ed25519'] as const) {
    test(`${type}: the received message verifies in mailauth; Bcc is gone; the log names the signer, not the key`, async () => {
      const key = testKey(type);
      const logged: string[] = [];
      const result = await sendMessage({ text: MESSAGE, profile: profile(server.port), dkim: { selector: 's1', privateKey: key.privatePem }, onLog: (l) => logged.push(l) });
      assert.equal(result.ok, true, result.error?.message);
      const got = server.received.at(-1)!;
      assert.deepEqual(got.rcptTo.sort(), ['bob@example.com', 'eve@example.com']);
      assert.doesNotMatch(got.data.toString(), /^Bcc:/im);
      assert.match(got.data.toString(), /^DKIM-Signature: v=1; a=(rsa|ed25519)-sha256; c=relaxed\/relaxed; d=example\.com;/);
      const verdict = await mailauth.dkimVerify(got.data, { resolver: stubResolver({ [NAME]: key }) });
      assert.equal(verdict.results[0].status.result, 'pass', JSON.stringify(verdict.results[0].status));
      assert.equal(verdict.results[0].signingDomain, 'example.com');
      const log = logged.join('\n');
      assert.match(log, new RegExp(`# DKIM: signed by d=example\\.com s=s1 \\(${type}-sha256`));
      assert.doesNotMatch(log, /PRIVATE KEY/);
      const secret = key.privatePem.split('\n')[2];
      assert.ok(!log.includes(secret) && !result.transcript.includes(secret), 'no key material in the log');
    });
  }

  test('--dkim-domain style override: d= as given', async () => {
    const result = await sendMessage({ text: MESSAGE, profile: profile(server.port), dkim: { selector: 's1', domain: 'mail.example.net', privateKey: testKey().privatePem } });
    assert.equal(result.ok, true);
    const got = server.received.at(-1)!;
    const verdict = await mailauth.dkimVerify(got.data, { resolver: stubResolver({ 's1._domainkey.mail.example.net': testKey() }) });
    assert.equal(verdict.results[0].status.result, 'pass');
  });

  test('an encrypted key with the wrong passphrase: refused before connecting, nothing sent', async () => {
    const encrypted = testKey().privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'right one' }).toString();
    const before = server.received.length;
    const wrong = await sendMessage({ text: MESSAGE, profile: profile(server.port), dkim: { selector: 's1', privateKey: encrypted, passphrase: 'wrong' } });
    assert.equal(wrong.ok, false);
    assert.match(wrong.error!.message, /wrong passphrase/);
    assert.match(wrong.transcript, /refused before connecting/);
    assert.doesNotMatch(wrong.transcript, /^C: /m);
    assert.equal(server.received.length, before);
    const right = await sendMessage({ text: MESSAGE, profile: profile(server.port), dkim: { selector: 's1', privateKey: encrypted, passphrase: 'right one' } });
    assert.equal(right.ok, true, right.error?.message);
  });

  test('CLI: send --dkim-key signs; check --dkim-keys verifies the received copy, and catches an edited body', async () => {
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, testKey().privatePem);
    const messageFile = join(dir, 'out.eml');
    writeFileSync(messageFile, MESSAGE);
    const sent = await runCli(['send', messageFile, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--dkim-key', keyFile, '--dkim-selector', 's1']);
    assert.equal(sent.status, 0, sent.stderr);
    assert.match(sent.stdout, /# DKIM: signed by d=example\.com s=s1 \(rsa-sha256, 1024-bit key\)/);
    const received = server.received.at(-1)!.data;
    const verdict = await mailauth.dkimVerify(received, { resolver: stubResolver({ [NAME]: testKey() }) });
    assert.equal(verdict.results[0].status.result, 'pass');

    const keysFile = join(dir, 'keys.json');
    writeFileSync(keysFile, JSON.stringify({ [NAME]: testKey().record }));
    const receivedFile = join(dir, 'received.eml');
    writeFileSync(receivedFile, received);
    const clean = await runCli(['check', '--dkim-keys', keysFile, receivedFile]);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.doesNotMatch(clean.stdout, /dkim-/);
    const withoutKeys = await runCli(['check', receivedFile]);
    assert.match(withoutKeys.stdout, /information dkim-key-unavailable No public key for s1\._domainkey\.example\.com/);
    writeFileSync(receivedFile, received.toString('utf8').replace('Grüße', 'Grüsse'));
    const edited = await runCli(['check', '--dkim-keys', keysFile, receivedFile]);
    assert.equal(edited.status, 1);
    assert.match(edited.stdout, /error dkim-body-hash-mismatch The body changed after signing/);
  });

  test('CLI usage errors', async () => {
    const noSelector = await runCli(['send', 'x.eml', '--host', 'h', '--dkim-key', 'k.pem']);
    assert.equal(noSelector.status, 2);
    assert.match(noSelector.stderr, /--dkim-key needs --dkim-selector/);
    const badKeys = await runCli(['check', '--dkim-keys', join(dir, 'nope.json'), 'x.eml']);
    assert.equal(badKeys.status, 2);
    assert.match(badKeys.stderr, /cannot read the DKIM keys file/);
  });
});
