import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  chooseMailboxMessage,
  chooseProfile,
  describeStage,
  gateSend,
  largeFileNotice,
  LOCAL_INBOX_PROFILE_NAME,
  mailboxMessageText,
  readProfiles,
  secretKeyFor,
  summarizeResult,
  type DiagnosticSummary,
} from '../../src/client/sendLogic';
import { splitMbox } from '../../src/mail/mbox/split';
import type { SendResult } from '../../src/send/types';

describe('readProfiles', () => {
  test('reads a full profile and defaults rejectUnauthorized to true', () => {
    const { profiles, problems } = readProfiles([
      { name: 'work', host: 'smtp.example.com', port: 587, security: 'starttls', user: 'me', caFile: '/ca.pem', clientName: 'box', connectionTimeout: 5000, greetingTimeout: 4000, socketTimeout: 3000, from: 'me@example.com' },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(profiles, [
      { name: 'work', host: 'smtp.example.com', port: 587, security: 'starttls', user: 'me', rejectUnauthorized: true, caFile: '/ca.pem', clientName: 'box', from: 'me@example.com', connectionTimeout: 5000, greetingTimeout: 4000, socketTimeout: 3000 },
    ]);
  });

  test('turning certificate checks off needs an explicit false', () => {
    assert.equal(readProfiles([{ name: 'a', host: 'h', rejectUnauthorized: false }]).profiles[0]!.rejectUnauthorized, false);
    assert.equal(readProfiles([{ name: 'a', host: 'h', rejectUnauthorized: 'no' }]).profiles[0]!.rejectUnauthorized, true);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['not an array', { name: 'x' }, /must be an array/],
    ['entry not an object', [42], /not an object/],
    ['no name', [{ host: 'h' }], /no "name"/],
    ['no host', [{ name: 'n' }], /no "host"/],
    ['bad port', [{ name: 'n', host: 'h', port: 70000 }], /port must be/],
    ['bad security', [{ name: 'n', host: 'h', security: 'ssl' }], /security must be one of starttls, tls, none/],
    ['bad timeout', [{ name: 'n', host: 'h', socketTimeout: -1 }], /socketTimeout must be/],
    ['duplicate name', [{ name: 'n', host: 'h' }, { name: 'n', host: 'i' }], /second profile named "n"/],
    ['password in settings', [{ name: 'n', host: 'h', password: 'secret' }], /SecretStorage/],
  ];
  for (const [label, raw, expected] of bad) {
    test(`reports ${label}`, () => {
      const { problems } = readProfiles(raw);
      assert.ok(problems.some((p) => expected.test(p)), JSON.stringify(problems));
    });
  }

  test('never copies a password from settings into a profile', () => {
    const { profiles } = readProfiles([{ name: 'n', host: 'h', password: 'secret' }]);
    assert.equal(JSON.stringify(profiles).includes('secret'), false);
  });

  test('no setting means no profiles and no problems', () => {
    assert.deepEqual(readProfiles(undefined), { profiles: [], problems: [] });
  });
});

describe('chooseProfile', () => {
  const a = { name: 'a', host: 'ha' };
  const b = { name: 'b', host: 'hb' };
  test('no profiles: the local test inbox', () => assert.deepEqual(chooseProfile([], undefined), { kind: 'local-inbox' }));
  test('one profile: that one', () => assert.deepEqual(chooseProfile([a], ''), { kind: 'profile', profile: a }));
  test('several: ask', () => assert.deepEqual(chooseProfile([a, b], undefined), { kind: 'ask', profiles: [a, b] }));
  test('the default wins', () => assert.deepEqual(chooseProfile([a, b], 'b'), { kind: 'profile', profile: b }));
  test('the default may name the local inbox', () =>
    assert.deepEqual(chooseProfile([a, b], LOCAL_INBOX_PROFILE_NAME), { kind: 'local-inbox' }));
  test('an unknown default is reported, not guessed', () =>
    assert.deepEqual(chooseProfile([a], 'gone'), { kind: 'unknown-default', name: 'gone', profiles: [a] }));
});

describe('gateSend', () => {
  const envelope = { from: 'a@example.com', to: ['b@example.com'], problems: [] as string[] };
  const error: DiagnosticSummary = { severity: 'error', code: 'missing-date', message: 'No Date field.', line: 0 };
  const warning: DiagnosticSummary = { severity: 'warning', code: 'missing-subject', message: 'No Subject.', line: 0 };

  test('a clean message goes', () => assert.deepEqual(gateSend(envelope, []), { kind: 'go' }));
  test('warnings do not stop a send', () => assert.deepEqual(gateSend(envelope, [warning]), { kind: 'go' }));
  test('errors ask, naming line and code', () => {
    const gate = gateSend(envelope, [warning, error]);
    assert.equal(gate.kind, 'confirm');
    assert.match((gate as { message: string }).message, /1 error \(line 1 \[missing-date\]: No Date field\.\)/);
  });
  test('a missing Date or Message-ID is offered to be filled in', () => {
    const info: DiagnosticSummary = { severity: 'information', code: 'missing-message-id', message: 'No Message-ID.', line: 0 };
    const both = gateSend(envelope, [info, warning, error]);
    assert.equal(both.kind, 'confirm');
    if (both.kind === 'confirm') assert.deepEqual(both.fillable, ['missing-date', 'missing-message-id']);
    const other = gateSend(envelope, [{ severity: 'error', code: 'duplicate-header', message: 'x', line: 2 }]);
    if (other.kind === 'confirm') assert.deepEqual(other.fillable, []);
    else assert.fail('not a confirm');
  });
  test('many errors are counted, three are named', () => {
    const gate = gateSend(envelope, [error, error, error, error, error]);
    assert.match((gate as { message: string }).message, /5 errors .* and 2 more/);
  });
  test('the dialog asks a short question and lists up to five errors, one per line', () => {
    const second: DiagnosticSummary = { severity: 'error', message: 'Unclosed multipart.', line: 8 };
    const one = gateSend(envelope, [error, warning]);
    assert.equal(one.kind, 'confirm');
    if (one.kind !== 'confirm') return;
    assert.equal(one.question, 'The message has 1 error. Send it anyway?');
    assert.equal(one.detail, 'Line 1 [missing-date]: No Date field.');
    const seven = gateSend(envelope, [error, second, error, error, error, error, error]);
    if (seven.kind !== 'confirm') return assert.fail('not a confirm');
    assert.equal(seven.question, 'The message has 7 errors. Send it anyway?');
    assert.deepEqual(seven.detail.split('\n'), [
      'Line 1 [missing-date]: No Date field.',
      'Line 9: Unclosed multipart.',
      'Line 1 [missing-date]: No Date field.',
      'Line 1 [missing-date]: No Date field.',
      'Line 1 [missing-date]: No Date field.',
      '… and 2 more',
    ]);
  });
  test('no recipient stops the send even without diagnostics', () => {
    const gate = gateSend({ from: 'a@example.com', to: [], problems: [] }, []);
    assert.equal(gate.kind, 'stop');
    assert.match((gate as { message: string }).message, /Nothing was sent\. .*no recipient/);
  });
  test('no From stops the send', () => {
    const gate = gateSend({ to: ['b@example.com'], problems: [] }, []);
    assert.match((gate as { message: string }).message, /no From address/);
  });
  test("the envelope's own problems are shown as they are", () => {
    const gate = gateSend({ to: [], problems: ['No recipient: the message has no To, Cc or Bcc address.'] }, []);
    assert.equal(gate.kind, 'stop');
    assert.match((gate as { message: string }).message, /No recipient: the message has no To, Cc or Bcc address\./);
    assert.equal((gate as { message: string }).message.match(/recipient/gi)!.length, 1, 'not said twice');
  });
});

describe('summarizeResult', () => {
  const base: SendResult = {
    ok: true,
    stage: 'quit',
    recipients: [
      { address: 'b@example.com', accepted: true, reply: '250 2.1.5 Ok' },
      { address: 'c@example.com', accepted: false, reply: '550 5.1.1 User unknown' },
    ],
    response: '250 2.0.0 Ok: queued as 4F2X1',
    queueId: '4F2X1',
    envelope: { from: 'a@example.com', to: ['b@example.com', 'c@example.com'] },
    transcript: '',
    elapsedMs: 1234,
  };
  test('success names the final reply, queue id and each recipient', () => {
    const s = summarizeResult(base, 'work');
    assert.equal(s.ok, true);
    assert.match(s.message, /^Sent via work to b@example\.com; queue id 4F2X1; server: "250 2\.0\.0 Ok: queued as 4F2X1"\. Refused: c@example\.com \(550 5\.1\.1 User unknown\) \(1\.2 s\)\.$/);
    assert.deepEqual(s.details, ['accepted b@example.com: 250 2.1.5 Ok', 'refused c@example.com: 550 5.1.1 User unknown']);
  });
  test('a refused recipient failure names the recipient and the reply', () => {
    const s = summarizeResult(
      {
        ...base,
        ok: false,
        stage: 'recipients',
        recipients: [{ address: 'nobody@example.com', accepted: false, reply: '550 5.1.1 No such user' }],
        error: { stage: 'recipients', code: 550, reply: '550 5.1.1 No such user', message: 'Server refused every recipient' },
      },
      'work',
    );
    assert.equal(s.ok, false);
    assert.match(s.message, /nobody@example\.com was refused \(550 5\.1\.1 No such user\)/);
    assert.match(s.message, /while sending recipients/i);
  });
  test('a connection failure says so in plain words', () => {
    const s = summarizeResult(
      { ...base, ok: false, stage: 'connecting', recipients: [], error: { stage: 'connecting', message: 'Connection refused by 127.0.0.1:2799' } },
      'work',
    );
    assert.equal(s.message, 'Sending via work failed while connecting: Connection refused by 127.0.0.1:2799.');
  });
  test('a reply that caused the failure is quoted when the message lacks it', () => {
    const s = summarizeResult(
      { ...base, ok: false, stage: 'auth', recipients: [], error: { stage: 'auth', code: 535, reply: '535 5.7.8 Bad credentials', message: 'Authentication failed' } },
      'work',
    );
    assert.match(s.message, /authenticating \(auth\): Authentication failed \(server: "535 5\.7\.8 Bad credentials"\)/);
  });
});

test('every stage has words', () => {
  for (const stage of ['connecting', 'tls', 'auth', 'sender', 'recipients', 'data', 'quit'] as const) {
    assert.notEqual(describeStage(stage), stage);
  }
});

test('password keys differ per profile and carry the name', () => {
  assert.notEqual(secretKeyFor('a'), secretKeyFor('b'));
  assert.ok(secretKeyFor('work').includes('work'));
});

describe('largeFileNotice', () => {
  test('small files: nothing to say', () => assert.equal(largeFileNotice(1024), undefined));
  test('over 20 MiB: no highlighting, diagnostics still come', () => {
    const n = largeFileNotice(21 * 1024 * 1024)!;
    assert.equal(n.diagnostics, true);
    assert.match(n.tooltip, /20 MB/);
  });
  test('over 50 MB: no diagnostics, and why', () => {
    const n = largeFileNotice(51 * 1024 * 1024)!;
    assert.equal(n.diagnostics, false);
    assert.match(n.text, /No diagnostics/);
    assert.match(n.tooltip, /50 MB/);
  });
});

describe('which message of a mailbox Send acts on', () => {
  const box = [
    'From a@example.org Thu Jan  1 10:00:00 2026',
    'From: a@example.org',
    '',
    '>From quoted',
    '',
    'From b@example.org Fri Jan  2 10:00:00 2026',
    'From: b@example.org',
    '',
    'b',
    '',
  ].join('\n');
  const messages = splitMbox(box);
  const at = (needle: string): number => box.indexOf(needle);
  const cursor = (offset: number): { start: number; end: number } => ({ start: offset, end: offset });
  test('a document that is one message is sent whole', () => {
    assert.deepEqual(chooseMailboxMessage(splitMbox('From: a@example.org\n\nx\n'), [cursor(3)]), { kind: 'whole' });
    assert.deepEqual(chooseMailboxMessage(splitMbox(box.slice(0, at('From b'))), [cursor(3)]), { kind: 'whole' });
  });
  test('the message under the cursor, or under every selection', () => {
    assert.deepEqual(chooseMailboxMessage(messages, [cursor(at('From: b'))]), { kind: 'message', index: 1 });
    assert.deepEqual(chooseMailboxMessage(messages, [{ start: at('From: a'), end: at('>From') }, cursor(2)]), { kind: 'message', index: 0 });
  });
  test('asks when the cursors name no single message (between messages, a selection across two, two cursors)', () => {
    const between = at('From b') - 1;
    assert.deepEqual(chooseMailboxMessage(messages, [cursor(between)]), { kind: 'ask' });
    assert.deepEqual(chooseMailboxMessage(messages, [{ start: at('From: a'), end: at('From: b') }]), { kind: 'ask', preselect: 0 });
    assert.deepEqual(chooseMailboxMessage(messages, [cursor(at('From: b')), cursor(2)]), { kind: 'ask', preselect: 1 });
    assert.deepEqual(chooseMailboxMessage(messages, []), { kind: 'ask' });
  });
  test('a caller may name the message (1-based); a wrong number asks', () => {
    assert.deepEqual(chooseMailboxMessage(messages, [cursor(0)], 2), { kind: 'message', index: 1 });
    assert.deepEqual(chooseMailboxMessage(messages, [cursor(0)], 3), { kind: 'ask' });
  });
  test('the sent text has no separator line and its mboxrd quoting undone', () => {
    assert.equal(mailboxMessageText(box, messages[0]), 'From: a@example.org\n\nFrom quoted\n');
  });
});

describe('OAuth2 profiles', () => {
  test('auth "oauth2" with a tokenCommand and a user is read; the rest are reported', () => {
    const { profiles, problems } = readProfiles([
      { name: 'gmail', host: 'smtp.gmail.com', user: 'me@gmail.com', auth: 'oauth2', tokenCommand: 'oama access me@gmail.com' },
      { name: 'no-command', host: 'h', user: 'u', auth: 'oauth2' },
      { name: 'no-user', host: 'h', auth: 'oauth2', tokenCommand: 'x' },
      { name: 'odd', host: 'h', user: 'u', auth: 'kerberos' },
      { name: 'plain', host: 'h', user: 'u', auth: 'password', tokenCommand: 'ignored' },
    ]);
    assert.equal(profiles[0].auth, 'oauth2');
    assert.equal(profiles[0].tokenCommand, 'oama access me@gmail.com');
    assert.deepEqual(profiles.slice(1).map((p) => p.auth), [undefined, undefined, undefined, undefined]);
    assert.equal(profiles[4].tokenCommand, undefined);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /needs a "tokenCommand"/);
    assert.match(problems[1], /needs a "user"/);
    assert.match(problems[2], /auth must be "password" or "oauth2"/);
  });
});
