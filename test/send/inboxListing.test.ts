/**
 * Reading the inbox folder back for the Inbox view and the picker: sessions
 * newest first with their messages (Subject, From, To decoded, received time),
 * sessions that stored nothing, deleting one or all (only the inbox's files).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalInbox, type InboxSession, type LocalInbox } from '../../src/send/inbox';
import { clearInbox, clientOfTranscript, deleteInboxMessage, deleteInboxSession, listInbox, readListFields } from '../../src/send/inboxListing';
import { sendMessage } from '../../src/send/send';
import { readLines } from '../helpers/lineReader';

describe('readListFields', () => {
  const cases: Array<[string, string, { subject: string; from: string; to: string }]> = [
    ['plain, LF', 'Subject: Hello\nFrom: a@example.com\nTo: b@example.com\n\nbody: x\n', { subject: 'Hello', from: 'a@example.com', to: 'b@example.com' }],
    ['CRLF, folded, encoded word', 'subject: =?UTF-8?B?2LPZhNin2YU=?=\r\n  again\r\nFrom: "A" <a@example.com>\r\n\r\nTo: not a header\r\n', { subject: 'سلام again', from: '"A" <a@example.com>', to: '' }],
    ['no header at all', '\r\nSubject: in the body\r\n', { subject: '', from: '', to: '' }],
    ['a field name that only starts like Subject', 'Subjects: no\nTo: c@example.com\n\n', { subject: '', from: '', to: 'c@example.com' }],
  ];
  for (const [name, head, expected] of cases) test(name, () => assert.deepEqual(readListFields(head), expected));

  test('clientOfTranscript', () => {
    assert.equal(clientOfTranscript('# connection from 127.0.0.1:5000 to 127.0.0.1:25 (no TLS)\nS: 220 hi\nC: EHLO box.example\n'), 'box.example (127.0.0.1)');
    assert.equal(clientOfTranscript('# connection from 127.0.0.1:5000 to 127.0.0.1:25 (no TLS)\nS: 220 hi\n'), '127.0.0.1');
    assert.equal(clientOfTranscript('S: 220 hi\n'), undefined);
    assert.equal(clientOfTranscript('# connection from 127.0.0.1:5000 to 127.0.0.1:25 (no TLS)\nC: EHLO [127.0.0.1]\n'), '[127.0.0.1]');
  });
});

describe('listInbox against a running inbox', () => {
  let dir: string;
  let inbox: LocalInbox;
  const sessions: InboxSession[] = [];
  let sessionEnded: () => void = () => undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-inbox-list-'));
    inbox = await startLocalInbox({ port: 0, dir });
    inbox.onSession((s) => {
      sessions.push(s);
      sessionEnded();
    });
  });
  after(async () => {
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ended = (count: number): Promise<void> =>
    new Promise((resolve) => {
      sessionEnded = () => sessions.length >= count && resolve();
      sessionEnded();
    });

  /** One raw session: each line sent after the previous reply. */
  const say = (lines: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket = connect(inbox.port, '127.0.0.1');
      const queue = [...lines];
      readLines(socket, (line) => {
        // One write per complete reply (its last line is `ddd text`); the DATA body goes after 354 in one piece.
        if (!/^\d{3}(?: |$)/.test(line)) return;
        const next = queue.shift();
        if (next !== undefined) socket.write(`${next}\r\n`);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });

  test('sessions newest first, messages in order, fields decoded; deleting one, a session, all', async () => {
    const r = await sendMessage({
      text: 'From: Ada <ada@example.org>\nTo: Bob <bob@example.net>\nSubject: =?UTF-8?Q?caf=C3=A9?=\n\nbody\n',
      profile: { name: 'inbox', host: '127.0.0.1', port: inbox.port, security: 'none' },
    });
    assert.equal(r.ok, true, r.error?.message);
    await ended(1);
    const body = (subject: string): string => `From: c@example.com\r\nTo: d@example.com\r\nSubject: ${subject}\r\n\r\nx\r\n.`;
    await say(['EHLO two.example', 'MAIL FROM:<c@example.com>', 'RCPT TO:<d@example.com>', 'DATA', body('first'), 'MAIL FROM:<c@example.com>', 'RCPT TO:<d@example.com>', 'DATA', body('second'), 'QUIT']);
    await ended(2);
    await say(['EHLO empty.example', 'QUIT']);
    await ended(3);
    writeFileSync(join(dir, 'notes.txt'), 'not the inbox’s');

    const listed = await listInbox(dir);
    assert.deepEqual(
      listed.map((s) => s.messages.map((m) => m.subject)),
      [[], ['first', 'second'], ['café']],
    );
    assert.deepEqual(listed.slice(0, 2).map((s) => s.client), ['empty.example (127.0.0.1)', 'two.example (127.0.0.1)']);
    assert.match(listed[2]!.client!, /127\.0\.0\.1/);
    const cafe = listed[2]!.messages[0]!;
    assert.equal(cafe.from, 'Ada <ada@example.org>');
    assert.equal(cafe.to, 'Bob <bob@example.net>');
    assert.ok(Math.abs(cafe.received.getTime() - Date.now()) < 60_000);
    assert.equal(basename(listed[1]!.transcript!), `${listed[1]!.stem}.smtp`);

    await deleteInboxMessage(listed[1]!.messages[0]!.file);
    assert.deepEqual((await listInbox(dir))[1]!.messages.map((m) => m.subject), ['second']);
    await deleteInboxSession((await listInbox(dir))[1]!);
    assert.deepEqual((await listInbox(dir)).map((s) => s.client), listed.filter((_, i) => i !== 1).map((s) => s.client));

    assert.equal(await clearInbox(dir), 1);
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
    assert.deepEqual(await listInbox(dir), []);
  });

  test('a folder that does not exist is an empty inbox', async () => {
    assert.deepEqual(await listInbox(join(dir, 'missing')), []);
    assert.equal(await clearInbox(join(dir, 'missing')), 0);
  });
});
