/**
 * The local test inbox (src/send/inbox.ts) on 127.0.0.1: stores each message
 * as .eml + .envelope.json (+ the session's .smtp), takes every recipient, offers no AUTH, and is
 * reached by sendMessage like any server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { prepareData } from '../../src/mail/envelope';
import { startLocalInbox, type LocalInbox, type StoredEnvelope } from '../../src/send/inbox';
import { sendMessage } from '../../src/send/send';
import { portAnswers } from '../helpers/postfix';

const MESSAGE = 'From: a@example.com\nTo: b@example.com, c@elsewhere.example\nBcc: d@example.net\nSubject: inbox\n\n.dot\nbody\n';

describe('local test inbox', () => {
  let dir: string;
  let inbox: LocalInbox;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-inbox-'));
    inbox = await startLocalInbox({ port: 0, dir });
  });
  after(async () => {
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('stores the message and its envelope; onMessage names the file', async () => {
    const files: string[] = [];
    const delivered = new Promise<string>((resolve) => inbox.onMessage((f) => { files.push(f); resolve(f); }));
    const r = await sendMessage({ text: MESSAGE, profile: { name: 'inbox', host: '127.0.0.1', port: inbox.port, security: 'none' } });
    assert.equal(r.ok, true, r.error?.message);
    const file = await delivered;
    assert.match(basename(file), /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{12}\.eml$/);
    assert.equal(readFileSync(file, 'utf8'), prepareData(MESSAGE));
    const envelope = JSON.parse(readFileSync(file.replace(/\.eml$/, '.envelope.json'), 'utf8')) as StoredEnvelope;
    assert.equal(envelope.mailFrom, 'a@example.com');
    assert.deepEqual(envelope.rcptTo, ['b@example.com', 'c@elsewhere.example', 'd@example.net']);
    assert.equal(envelope.remoteAddress, '127.0.0.1');
    assert.equal(envelope.size, Buffer.byteLength(prepareData(MESSAGE)));
    assert.ok(!Number.isNaN(Date.parse(envelope.time)));
    assert.equal(r.queueId, basename(file).slice(-16, -4));
    // The message, its envelope and the session's transcript, no leftovers (.tmp).
    assert.deepEqual(readdirSync(dir).sort(), [basename(file), basename(file).replace(/\.eml$/, '.envelope.json'), basename(file).replace(/\.eml$/, '.smtp')].sort());
    assert.match(r.transcript, /^S: 220 .*never relays/m);
    assert.doesNotMatch(r.transcript, /^S: 250[- ]AUTH/m);
  });

  test('STARTTLS works with certificate checks off', async () => {
    const r = await sendMessage({ text: MESSAGE, profile: { name: 'inbox', host: '127.0.0.1', port: inbox.port, security: 'starttls', rejectUnauthorized: false } });
    assert.equal(r.ok, true, r.error?.message);
    assert.match(r.transcript, /^# TLS: STARTTLS/m);
  });

  test('a taken port is an error, not a second listener', async () => {
    await assert.rejects(startLocalInbox({ port: inbox.port, dir }), /EADDRINUSE/);
  });

  test('close stops listening', async () => {
    const other = await startLocalInbox({ port: 0, dir: join(dir, 'other') });
    assert.equal(await portAnswers(other.port), true);
    await other.close();
    assert.equal(await portAnswers(other.port), false);
  });
});
