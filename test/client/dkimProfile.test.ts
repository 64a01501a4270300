/** The `dkim` entry of server profiles in settings: what is read, what is refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readProfiles } from '../../src/client/sendLogic';

test('a profile dkim entry keeps domain, selector and keyFile; key material in settings is refused', () => {
  const { profiles, problems } = readProfiles([
    { name: 'signed', host: 'smtp.example.org', dkim: { domain: 'example.org', selector: 's2026', keyFile: '/keys/s2026.pem' } },
    { name: 'leaky', host: 'smtp.example.org', dkim: { selector: 's1', privateKey: '-----BEGIN PRIVATE KEY-----', passphrase: 'x' } },
    { name: 'no-selector', host: 'smtp.example.org', dkim: { domain: 'example.org' } },
  ]);
  assert.deepEqual(profiles.map((p) => p.dkim), [{ domain: 'example.org', selector: 's2026', keyFile: '/keys/s2026.pem' }, { selector: 's1' }, undefined]);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /privateKey and dkim.passphrase are ignored.*SecretStorage/);
  assert.match(problems[1], /dkim needs a selector/);
});
