/**
 * The inbox's server-side transcripts: every session, real clients on
 * 127.0.0.1 (nodemailer through our send path, swaks, msmtp), each writing a
 * `<stem>.smtp` that validates clean; a raw-socket client that misbehaves gets
 * the diagnostics of what it did wrong in its transcript.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseTranscript } from '../../src/mail/transcript/parse';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { startLocalInbox, type InboxSession, type LocalInbox, type StoredEnvelope } from '../../src/send/inbox';
import { sendMessage } from '../../src/send/send';

const installed = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

const MESSAGE = [
  'From: a@example.com',
  'To: b@example.com',
  'Subject: transcript',
  'Date: Thu, 03 Dec 2026 08:00:00 +0000',
  'Message-ID: <t1@example.com>',
  '',
  '.a line that starts with a dot',
  'body',
  '',
].join('\n');

/** `code text` of every problem, for readable assertions. */
const summary = (t: string): string[] => validateTranscript(t).map((p) => `${p.code} ${JSON.stringify(t.slice(p.offset, p.offset + p.length))}`);

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${cmd}: ${err.message}\n${stderr}`)) : resolve(stdout + stderr)));
    if (input !== undefined) child.stdin!.end(input);
  });
}

describe('server-side transcripts of the local inbox', () => {
  let dir: string;
  let inbox: LocalInbox;
  /** Resolvers of sessions awaited by a test, in order of arrival. */
  const waiting: Array<(s: InboxSession) => void> = [];
  const arrived: InboxSession[] = [];
  const nextSession = (): Promise<InboxSession> =>
    new Promise((resolve) => {
      const s = arrived.shift();
      if (s) resolve(s);
      else waiting.push(resolve);
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-inbox-tx-'));
    inbox = await startLocalInbox({ port: 0, dir });
    inbox.onSession((s) => {
      const w = waiting.shift();
      if (w) w(s);
      else arrived.push(s);
    });
  });
  after(async () => {
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('nodemailer (our send path): one .smtp next to the .eml, same stem, clean, the body dot-stuffed as on the wire', async () => {
    const session = nextSession();
    const r = await sendMessage({ text: MESSAGE, profile: { name: 'inbox', host: '127.0.0.1', port: inbox.port, security: 'none' } });
    assert.equal(r.ok, true, r.error?.message);
    const s = await session;
    assert.equal(s.messages.length, 1);
    const eml = s.messages[0]!;
    assert.equal(basename(s.transcript), basename(eml).replace(/\.eml$/, '.smtp'));
    const envelope = JSON.parse(readFileSync(eml.replace(/\.eml$/, '.envelope.json'), 'utf8')) as StoredEnvelope;
    assert.equal(envelope.transcript, basename(s.transcript));
    const text = readFileSync(s.transcript, 'utf8');
    assert.deepEqual(summary(text), []);
    assert.match(text, /^# smtp-eml local test inbox: session \S+$/m);
    assert.match(text, /^# connection from 127\.0\.0\.1:\d+ to 127\.0\.0\.1:\d+ \(no TLS\)$/m);
    assert.match(text, /^S: 220 /m);
    assert.match(text, /^C: EHLO /m);
    assert.match(text, /^C: \.\.a line that starts with a dot$/m);
    assert.match(text, /^C: \.\nS: 250 .*queued as/m);
    assert.match(text, new RegExp(`^# stored as ${basename(eml).replace(/\./g, '\\.')}$`, 'm'));
    assert.match(text, /^C: QUIT\nS: 221 /m);
    const parsed = parseTranscript(text);
    assert.equal(parsed.dataBlocks.length, 1);
    assert.ok(parsed.dataBlocks[0]!.terminated);
  });

  test('STARTTLS is annotated and the session after it recorded', async () => {
    const session = nextSession();
    const r = await sendMessage({ text: MESSAGE, profile: { name: 'inbox', host: '127.0.0.1', port: inbox.port, security: 'starttls', rejectUnauthorized: false } });
    assert.equal(r.ok, true, r.error?.message);
    const text = readFileSync((await session).transcript, 'utf8');
    assert.match(text, /^C: STARTTLS\nS: 220 .*\n# TLS: STARTTLS, TLSv1\.[23], cipher \S+\nC: EHLO /m);
    assert.deepEqual(summary(text), []);
  });

  test('swaks: clean transcript', { skip: !installed('swaks') && 'swaks is not installed (.ci/run installs it)' }, async () => {
    const session = nextSession();
    await run('swaks', ['--server', '127.0.0.1', '--port', String(inbox.port), '--from', 'me@example.org', '--to', 'a@example.com,b@example.com', '--helo', 'client.example.org']);
    const s = await session;
    assert.equal(s.messages.length, 1);
    const text = readFileSync(s.transcript, 'utf8');
    assert.deepEqual(summary(text), []);
    assert.match(text, /^C: RCPT TO:<b@example\.com>$/m);
  });

  test('msmtp: pipelines RCPT and DATA after PIPELINING was advertised; clean transcript, each command with its reply', { skip: !installed('msmtp') && 'msmtp is not installed (.ci/run installs it)' }, async () => {
    const session = nextSession();
    await run('msmtp', ['--host=127.0.0.1', `--port=${inbox.port}`, '--from=me@example.org', '--tls=off', 'a@example.com', 'b@example.com'], MESSAGE);
    const s = await session;
    assert.equal(s.messages.length, 1);
    const text = readFileSync(s.transcript, 'utf8');
    assert.deepEqual(summary(text), []);
    // msmtp sends the envelope as one group (RFC 2920), which PIPELINING allows: the transcript
    // keeps the order the inbox answered in, whatever segments the group arrived in.
    assert.match(text, /^C: RCPT TO:<a@example\.com>\nS: 250 Accepted\nC: RCPT TO:<b@example\.com>\nS: 250 Accepted\nC: DATA\nS: 354 /m);
  });

  test('several messages in one session: <stem>.eml, <stem>-2.eml, one transcript', async () => {
    const session = nextSession();
    const socket = await open(inbox.port);
    await socket.say('EHLO client.example.org');
    for (let i = 0; i < 2; i++) {
      await socket.say('MAIL FROM:<a@example.com>');
      await socket.say('RCPT TO:<b@example.com>');
      await socket.say('DATA');
      await socket.say(`${MESSAGE.replace(/\n/g, '\r\n')}.`);
    }
    await socket.say('QUIT');
    const s = await session;
    assert.equal(s.messages.length, 2);
    const stem = basename(s.transcript, '.smtp');
    assert.deepEqual(s.messages.map((m) => basename(m)), [`${stem}.eml`, `${stem}-2.eml`]);
    assert.deepEqual(summary(readFileSync(s.transcript, 'utf8')), []);
  });

  test('a session that stores nothing still gets its transcript', async () => {
    const session = nextSession();
    const socket = await open(inbox.port);
    await socket.say('EHLO client.example.org');
    await socket.say('QUIT');
    const s = await session;
    assert.deepEqual(s.messages, []);
    const text = readFileSync(s.transcript, 'utf8');
    assert.deepEqual(summary(text), []);
    assert.ok(!readdirSync(dir).some((f) => f.startsWith(basename(s.transcript, '.smtp')) && f.endsWith('.eml')));
  });

  test('a raw client that sends RCPT before MAIL, a bare-LF body and an over-long line gets those diagnostics', async () => {
    const session = nextSession();
    const socket = await open(inbox.port);
    await socket.say('EHLO client.example.org');
    await socket.say('RCPT TO:<b@example.com>');
    await socket.say('MAIL FROM:<a@example.com>');
    await socket.say('RCPT TO:<b@example.com>');
    await socket.say('DATA');
    const body = `From: a@example.com\r\nTo: b@example.com\r\nSubject: bare\r\nDate: Thu, 03 Dec 2026 08:00:00 +0000\r\nMessage-ID: <b@example.com>\r\n\r\nfirst\nsecond\r\n${'x'.repeat(1200)}\r\n.`;
    await socket.say(body);
    socket.end();
    const s = await session;
    const text = readFileSync(s.transcript, 'utf8');
    const found = summary(text);
    assert.ok(found.includes('out-of-sequence "RCPT"'), found.join('\n'));
    assert.ok(found.includes('bare-lf "bare LF"'), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('text-line-too-long ')), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('missing-quit ')), found.join('\n'));
    assert.match(text, /^C: first\n# bare LF\nC: second$/m);
  });

  test('the same pipelined session gives the same transcript one command per segment, all in one segment, or cut mid-line', async () => {
    const group = ['MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'RCPT TO:<not an address>', 'RCPT TO:<c@example.com>', 'DATA'];
    const body = `${MESSAGE.replace(/\n/g, '\r\n')}.`;
    const transcripts: string[] = [];
    // Each command after the reply to the previous one: every command reaches the inbox in a segment of its own.
    {
      const session = nextSession();
      const socket = await open(inbox.port);
      await socket.say('EHLO client.example.org');
      for (const line of group) await socket.say(line);
      await socket.say(body);
      await socket.say('QUIT');
      transcripts.push(readFileSync((await session).transcript, 'utf8'));
    }
    // The group in one write (RFC 2920 §3: DATA last), then the data, its dot and QUIT in one write.
    {
      const session = nextSession();
      const socket = await open(inbox.port);
      await socket.say('EHLO client.example.org');
      await socket.say(group.join('\r\n'), group.length);
      await socket.say(`${body}\r\nQUIT`, 2);
      transcripts.push(readFileSync((await session).transcript, 'utf8'));
    }
    // The same bytes cut in the middle of lines (Nagle off, one write each, nothing awaited between).
    {
      const session = nextSession();
      const socket = await open(inbox.port);
      await socket.say('EHLO client.example.org');
      const bytes = `${group.join('\r\n')}\r\n`;
      await socket.sendInPieces([bytes.slice(0, 7), bytes.slice(7, 40), bytes.slice(40, 41), bytes.slice(41)], group.length);
      const rest = `${body}\r\nQUIT\r\n`;
      await socket.sendInPieces([rest.slice(0, 30), rest.slice(30, -8), rest.slice(-8)], 2);
      transcripts.push(readFileSync((await session).transcript, 'utf8'));
    }
    const [first, ...others] = transcripts.map(sameParts);
    for (const other of others) assert.equal(other, first);
    // Each command with its reply, in the order the inbox handled them (PIPELINING was offered).
    assert.match(first!, /^C: RCPT TO:<b@example\.com>\nS: 250 Accepted\nC: RCPT TO:<not an address>\nS: 501 .*\nC: RCPT TO:<c@example\.com>\nS: 250 Accepted\nC: DATA\nS: 354 /m);
    assert.match(first!, /^C: \.\nS: 250 OK: queued as ID\n# stored as NAME\nC: QUIT\nS: 221 /m);
    // The only problem is the client's bad address: no reply is out of place.
    for (const t of transcripts) assert.deepEqual(summary(t), ['command-syntax "not an address"']);
  });

  test('pipelining after HELO (no PIPELINING offered) is flagged', async () => {
    const session = nextSession();
    const socket = await open(inbox.port);
    await socket.say('HELO client.example.org');
    // Three commands in one write, without waiting for the replies.
    await socket.say('MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRSET', 3);
    await socket.say('QUIT');
    const text = readFileSync((await session).transcript, 'utf8');
    assert.match(text, /^C: MAIL FROM:<a@example\.com>\nC: RCPT TO:<b@example\.com>\nC: RSET\nS: 250 /m);
    const found = summary(text);
    assert.ok(found.some((f) => f.startsWith('missing-reply ')), found.join('\n'));
  });
});

/** A transcript without what differs between sessions: its id, times, ports, queue id and file names. */
function sameParts(transcript: string): string {
  return transcript
    .replace(/^# (smtp-eml local test inbox: session|time:|connection closed at|stored as) .*$/gm, '# $1 NAME')
    .replace(/^(# connection from 127\.0\.0\.1:)\d+ to 127\.0\.0\.1:\d+/m, '$1PORT')
    .replace(/queued as \S+/g, 'queued as ID');
}

/**
 * A raw SMTP client: `say` writes a line and waits for `replies` complete
 * replies; `sendInPieces` writes each piece as it is (Nagle off: each goes out
 * at once) and then waits.
 */
async function open(port: number): Promise<{ say(line: string, replies?: number): Promise<string>; sendInPieces(pieces: string[], replies: number): Promise<string>; end(): void }> {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffer = '';
  let want: { count: number; resolve: (s: string) => void } | undefined;
  const check = (): void => {
    if (!want) return;
    const ends = buffer.match(/^\d{3} .*\r\n/gm)?.length ?? 0;
    if (ends >= want.count) {
      const got = buffer;
      buffer = '';
      const w = want;
      want = undefined;
      w.resolve(got);
    }
  };
  socket.on('data', (c: Buffer) => {
    buffer += c.toString('latin1');
    check();
  });
  const wait = (count: number): Promise<string> =>
    new Promise((resolve) => {
      want = { count, resolve };
      check();
    });
  await wait(1); // greeting
  return {
    say(line, replies = 1) {
      socket.write(`${line}\r\n`);
      return wait(replies);
    },
    sendInPieces(pieces, replies) {
      for (const piece of pieces) socket.write(piece);
      return wait(replies);
    },
    end() {
      socket.end();
    },
  };
}
