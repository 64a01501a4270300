/**
 * Certificates that must be refused: an expired certificate and one
 * for another host, from a CA the profile trusts (`caFile`), over implicit TLS
 * and STARTTLS against `smtp-server` on 127.0.0.1. The certificates are made at
 * test time with the `openssl` CLI (OpenSSL 3.0 has no negative `-days`, so the
 * expired one is signed with `openssl ca -startdate/-enddate`). A valid
 * certificate from the same CA is accepted, so a refusal is about the defect.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { sendMessage } from '../../src/send/send';
import type { Security, SendResult } from '../../src/send/types';
import { assertNoSecrets, MESSAGE, PASSWORD, USER } from './sendHarness';

interface Pki {
  dir: string;
  caFile: string;
  valid: { key: Buffer; cert: Buffer };
  expired: { key: Buffer; cert: Buffer };
  wrongHost: { key: Buffer; cert: Buffer };
}

function makePki(): Pki {
  const dir = mkdtempSync(path.join(tmpdir(), 'smtp-eml-pki-'));
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=smtp-eml hardening test CA');
  mkdirSync(path.join(dir, 'db'));
  writeFileSync(path.join(dir, 'db', 'index.txt'), '');
  writeFileSync(path.join(dir, 'db', 'serial'), '1000\n');
  const config = (san: string): string =>
    [
      '[ ca ]', 'default_ca = test_ca',
      '[ test_ca ]', 'database = db/index.txt', 'serial = db/serial', 'new_certs_dir = db', 'default_md = sha256',
      'policy = any', 'copy_extensions = none', 'x509_extensions = leaf_ext', 'unique_subject = no',
      '[ any ]', 'commonName = supplied',
      '[ leaf_ext ]', `subjectAltName = ${san}`, 'basicConstraints = CA:FALSE', 'extendedKeyUsage = serverAuth',
    ].join('\n');
  const leaf = (name: string, san: string, start: string, end: string): { key: Buffer; cert: Buffer } => {
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(path.join(dir, `${name}.cnf`), config(san));
    run('ca', '-batch', '-config', `${name}.cnf`, '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.crt`, '-startdate', start, '-enddate', end, '-notext');
    return { key: readFileSync(path.join(dir, `${name}.key`)), cert: readFileSync(path.join(dir, `${name}.crt`)) };
  };
  const now = Date.now();
  const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  const day = 24 * 3600 * 1000;
  return {
    dir,
    caFile: path.join(dir, 'ca.crt'),
    valid: leaf('localhost', 'IP:127.0.0.1,DNS:localhost', stamp(now - day), stamp(now + 7 * day)),
    expired: leaf('expired', 'IP:127.0.0.1,DNS:localhost', stamp(now - 20 * day), stamp(now - 10 * day)),
    wrongHost: leaf('wrong.example', 'DNS:wrong.example', stamp(now - day), stamp(now + 7 * day)),
  };
}

let pki: Pki;
before(() => {
  pki = makePki();
});
after(() => {
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});

/** Sends through smtp-server with the given certificate; records what reached it. */
async function sendWithCert(credentials: { key: Buffer; cert: Buffer }, security: Security): Promise<{ result: SendResult; logs: string[]; received: string[] }> {
  const received: string[] = [];
  const server = new SMTPServer({
    secure: security === 'tls',
    key: credentials.key,
    cert: credentials.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username }),
    onMailFrom: (address, _session, cb) => {
      received.push(`MAIL ${address.address}`);
      cb();
    },
    onData: (stream, _session, cb) => {
      stream.resume();
      stream.on('end', () => {
        received.push('DATA');
        cb();
      });
    },
    logger: false,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  const logs: string[] = [];
  try {
    const result = await sendMessage({
      text: MESSAGE,
      password: PASSWORD,
      profile: { name: 'tls', host: '127.0.0.1', port, security, user: USER, caFile: pki.caFile, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000 },
      onLog: (l) => logs.push(l),
    });
    return { result, logs, received };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

for (const security of ['tls', 'starttls'] as const) {
  describe(`certificates over ${security === 'tls' ? 'implicit TLS' : 'STARTTLS'}`, () => {
    test('a valid certificate from the trusted CA is accepted (control)', async () => {
      const { result, received } = await sendWithCert(pki.valid, security);
      assert.equal(result.ok, true, result.error?.message);
      assert.deepEqual(received, ['MAIL alice@example.test', 'DATA']);
    });

    for (const [name, pick, reason] of [
      ['an expired certificate', (p: Pki) => p.expired, /expired/i],
      ['a certificate for another host', (p: Pki) => p.wrongHost, /altname|host|name/i],
    ] as const) {
      test(`${name} is refused at the tls stage, before any credential or address is sent`, async () => {
        const { result, logs, received } = await sendWithCert(pick(pki), security);
        assert.equal(result.ok, false);
        assert.equal(result.error?.stage, 'tls', result.error?.message);
        assert.match(result.error!.message, reason);
        assert.match(result.error!.message, /certificate/i);
        assert.deepEqual(received, [], 'nothing reached the server');
        assert.ok(!/^C: (AUTH|MAIL)/m.test(result.transcript), 'no AUTH or MAIL was sent (transcript)');
        assert.match(result.transcript, /not sent/);
        assertNoSecrets('result', JSON.stringify(result));
        assertNoSecrets('onLog', logs.join('\n'));
      });
    }
  });
}
