/**
 * End to end through a real MTA: sendMessage to a private Postfix on
 * 127.0.0.1:2626 (test/helpers/postfix.ts), then the delivered Maildir file
 * must hold the sent message byte for byte (Postfix stores CRLF as LF and adds
 * its four delivery headers on top). Without Postfix the test is skipped with
 * a reason, except under CI=true, where it fails: CI must not skip silently.
 * Then Postfix as a client: its smtp client relays (opportunistic STARTTLS,
 * pipelining) into the local inbox, whose session transcript must validate clean.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { prepareData } from '../../src/mail/envelope';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { startLocalInbox, type InboxSession, type LocalInbox, type StoredEnvelope } from '../../src/send/inbox';
import { sendMessage } from '../../src/send/send';
import { mailauth, stubResolver, testKey } from '../helpers/dkim';
import { postfixUnavailableReason, startPostfix, type PostfixInstance } from '../helpers/postfix';

const unavailable = postfixUnavailableReason();
const inCi = process.env.CI === 'true';
const skip = unavailable && !inCi ? `skipped: ${unavailable}` : false;

const MESSAGE = [
  'From: Sender <sender@example.org>',
  'To: Alice <alice@example.test>, carol@example.test',
  'Cc: bob@example.test',
  'Bcc: alice@example.test',
  'Subject: Through a real MTA',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <postfix-test@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hello Alice,',
  '.',
  '.leading dot and trailing space ',
  'Grüße',
  '',
].join('\r\n');

describe('Postfix (real MTA on 127.0.0.1)', { skip }, () => {
  let postfix: PostfixInstance | undefined;
  before(async () => {
    if (unavailable) assert.fail(`CI=true but Postfix cannot run: ${unavailable}`);
    postfix = await startPostfix();
  });
  after(async () => {
    await postfix?.stop();
  });

  test('a second instance on the same port is refused (Postfix would share it via SO_REUSEPORT)', async () => {
    await assert.rejects(startPostfix(postfix!.port), /127\.0\.0\.1:2626 already answers/);
  });

  test('delivers the sent bytes into the Maildir; the unknown user is refused with 550 5.1.1', async () => {
    const pf = postfix!;
    const result = await sendMessage({
      text: MESSAGE,
      profile: { name: 'postfix', host: '127.0.0.1', port: pf.port, security: 'none', clientName: 'client.test', socketTimeout: 20_000 },
    });
    assert.equal(result.ok, true, `${result.error?.message}\n${result.transcript}\n${pf.log()}`);
    assert.deepEqual(result.envelope.to, ['alice@example.test', 'carol@example.test', 'bob@example.test']);
    const carol = result.recipients.find((r) => r.address === 'carol@example.test')!;
    assert.equal(carol.accepted, false);
    assert.match(carol.reply, /^550 5\.1\.1 /);
    assert.deepEqual(result.recipients.filter((r) => r.accepted).map((r) => r.address), ['alice@example.test', 'bob@example.test']);
    assert.match(result.response ?? '', /^250 2\.0\.0 Ok: queued as \w+/);
    assert.ok(result.queueId);
    assert.match(result.transcript, /^S: 221 2\.0\.0 Bye$/m);
    assert.deepEqual(validateTranscript(result.transcript).filter((p) => p.severity === 'error'), []);

    const expected = prepareData(MESSAGE).replace(/\r\n/g, '\n');
    for (const user of ['alice', 'bob']) {
      const file = await pf.waitForDelivery(user);
      const delivered = readFileSync(file);
      const text = delivered.toString('utf8');
      // Postfix's four delivery headers on top, then our message byte for byte.
      assert.ok(text.endsWith(expected), `${user}: delivered file does not end with the sent message:\n${text}`);
      const added = text.slice(0, text.length - expected.length);
      assert.match(added, new RegExp(`^Return-Path: <sender@example\\.org>\\nX-Original-To: ${user}@example\\.test\\nDelivered-To: ${user}@example\\.test\\nReceived: [^]*\\n$`));
      assert.equal(added.match(/^\S/gm)?.length, 4, 'exactly four added fields');
      assert.ok(delivered.includes(Buffer.from('Grüße\n', 'utf8')));
      assert.ok(!/^Bcc:/im.test(text));
      assert.ok(!text.includes('\r'));
    }
  });

  test('a DKIM-signed message comes out of Postfix with a signature mailauth accepts', async () => {
    const pf = postfix!;
    const key = testKey();
    const before = readdirSync(pf.newMailDir('bob'));
    const result = await sendMessage({
      text: MESSAGE.replace('To: Alice <alice@example.test>, carol@example.test', 'To: Bob <bob@example.test>').replace('Cc: bob@example.test\r\n', '').replace('Bcc: alice@example.test\r\n', ''),
      profile: { name: 'postfix', host: '127.0.0.1', port: pf.port, security: 'none', clientName: 'client.test', socketTimeout: 20_000 },
      dkim: { selector: 's1', privateKey: key.privatePem },
    });
    assert.equal(result.ok, true, `${result.error?.message}\n${result.transcript}\n${pf.log()}`);
    assert.match(result.transcript, /^# DKIM: signed by d=example\.org s=s1 /m);
    let file: string | undefined;
    for (let i = 0; i < 100 && !file; i++) {
      file = readdirSync(pf.newMailDir('bob')).find((f) => !before.includes(f));
      if (!file) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(file, `no new delivery for bob\n${pf.log()}`);
    const delivered = readFileSync(join(pf.newMailDir('bob'), file));
    // Postfix stores LF line ends and adds its delivery fields on top; neither is signed.
    const verdict = await mailauth.dkimVerify(delivered.toString('utf8').replace(/\r?\n/g, '\r\n'), { resolver: stubResolver({ 's1._domainkey.example.org': key }) });
    assert.equal(verdict.results[0].status.result, 'pass', JSON.stringify(verdict.results[0].status));
  });
});

describe('Postfix as a relay client of the local inbox', { skip }, () => {
  let dir: string;
  let inbox: LocalInbox | undefined;
  let postfix: PostfixInstance | undefined;
  const sessions: InboxSession[] = [];
  let sessionArrived: () => void = () => undefined;
  /** Resolves with the first session that stored a message (Postfix may also open sessions that store nothing). */
  const storedSession = async (): Promise<InboxSession> => {
    for (;;) {
      const s = sessions.find((x) => x.messages.length);
      if (s) return s;
      await new Promise<void>((resolve) => (sessionArrived = resolve));
    }
  };

  before(async () => {
    if (unavailable) assert.fail(`CI=true but Postfix cannot run: ${unavailable}`);
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-postfix-relay-'));
    inbox = await startLocalInbox({ port: 0, dir });
    inbox.onSession((s) => {
      sessions.push(s);
      sessionArrived();
    });
    // Opportunistic TLS, as Debian configures Postfix: it takes the inbox's STARTTLS.
    postfix = await startPostfix(undefined, { relayTo: `127.0.0.1:${inbox.port}`, relayTls: 'may' });
  });
  after(async () => {
    await postfix?.stop();
    await inbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("Postfix's smtp client relays into the inbox: the message is stored and the session's transcript validates clean", async () => {
    const pf = postfix!;
    const text = MESSAGE.replace('To: Alice <alice@example.test>, carol@example.test', 'To: Dave <dave@elsewhere.test>').replace('Cc: bob@example.test\r\n', '').replace('Bcc: alice@example.test\r\n', '');
    const result = await sendMessage({
      text,
      profile: { name: 'postfix', host: '127.0.0.1', port: pf.port, security: 'none', clientName: 'client.test', socketTimeout: 20_000 },
    });
    assert.equal(result.ok, true, `${result.error?.message}\n${result.transcript}\n${pf.log()}`);
    // Postfix holds the connection in its cache for a moment; stopping it ends the session.
    const stored = await Promise.race([
      storedSession(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the inbox stored nothing\n${pf.log()}`)), 30_000).unref()),
    ]);
    const log = pf.log();
    await pf.stop();
    postfix = undefined;

    const eml = stored.messages[0]!;
    const envelope = JSON.parse(readFileSync(eml.replace(/\.eml$/, '.envelope.json'), 'utf8')) as StoredEnvelope;
    assert.equal(envelope.mailFrom, 'sender@example.org');
    assert.deepEqual(envelope.rcptTo, ['dave@elsewhere.test']);
    const received = readFileSync(eml, 'utf8');
    // Postfix adds its Received field on top and relays the rest unchanged.
    assert.match(received, /^Received: from client\.test /);
    assert.ok(received.endsWith(prepareData(text)), received);

    const transcript = readFileSync(stored.transcript, 'utf8');
    assert.match(transcript, /^C: EHLO mx\.test$/m);
    assert.match(transcript, /^C: STARTTLS\nS: 220 .*\n# TLS: STARTTLS, TLSv1\.[23], cipher \S+\nC: EHLO mx\.test$/m, log);
    assert.match(transcript, /^C: MAIL FROM:<sender@example\.org>/m);
    assert.match(transcript, /^C: RCPT TO:<dave@elsewhere\.test>/m);
    assert.match(transcript, /^C: QUIT$/m);
    const problems = validateTranscript(transcript).map((p) => `${p.code} ${p.severity} ${JSON.stringify(transcript.slice(p.offset, p.offset + p.length))}`);
    assert.deepEqual(problems, [], transcript);
  });
});
