/**
 * The vscode-free parts of the first-minutes features: session log file names,
 * decoded part names and languages, and the New Message template (validated by
 * the real validator).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newMessageSnippet } from '../../src/client/newMessageTemplate';
import { languageOfPart, partFileName, safeFileName } from '../../src/client/partNames';
import { describeSessionLog, sessionLogFileName, subjectOfTranscript } from '../../src/client/sessionLogNames';
import { validateMessage } from '../../src/mail/message/validate';

describe('session log names', () => {
  const when = new Date(Date.UTC(2026, 11, 3, 8, 15, 2, 123));
  test('time first (sorts as text), outcome, server slug', () => {
    assert.equal(sessionLogFileName(when, 'sent', 'UI test server'), '2026-12-03T08-15-02-123Z-sent-ui-test-server.smtp');
    assert.equal(sessionLogFileName(when, 'failed', 'Ünïcode / ../../etc', 2), '2026-12-03T08-15-02-123Z-failed-unicode-etc-2.smtp');
    assert.equal(sessionLogFileName(when, 'cancelled', '***'), '2026-12-03T08-15-02-123Z-cancelled-server.smtp');
  });
  test('a name reads back; other names are not ours', () => {
    assert.deepEqual(describeSessionLog('2026-12-03T08-15-02-123Z-sent-ui-test-server.smtp'), { when, status: 'sent', server: 'ui-test-server' });
    assert.deepEqual(describeSessionLog('2026-12-03T08-15-02-123Z-failed-x-2.smtp')?.status, 'failed');
    assert.equal(describeSessionLog('notes.smtp'), undefined);
    assert.equal(describeSessionLog('2026-12-03T08-15-02-123Z-sent-x.eml'), undefined);
  });
  test('the Subject inside DATA, LF and CRLF', () => {
    assert.equal(subjectOfTranscript('S: 220 x\r\nC: DATA\r\nC: Subject: Hello there\r\nC: .\r\n'), 'Hello there');
    assert.equal(subjectOfTranscript('C: DATA\nC: subject:   spaced  \n'), 'spaced');
    assert.equal(subjectOfTranscript('C: DATA\nC: From: a@b\n'), undefined);
  });
});

describe('decoded part names', () => {
  test('the part name, made safe', () => {
    assert.equal(partFileName({ filename: 'team.csv', contentType: 'text/csv' }), 'team.csv');
    assert.equal(partFileName({ filename: '../../etc/passwd', contentType: 'text/plain' }), '__.._etc_passwd');
    assert.equal(safeFileName('a\u0000b:c'), 'a_b_c');
    assert.equal(safeFileName('   '), 'part.bin');
  });
  test('no name: part.<extension of the type>', () => {
    assert.equal(partFileName({ contentType: 'text/html' }), 'part.html');
    assert.equal(partFileName({ contentType: 'message/rfc822' }), 'part.eml');
    assert.equal(partFileName({ contentType: 'application/x-tar' }), 'part.tar');
    assert.equal(partFileName({ filename: ' ', contentType: 'weird' }), 'part.bin');
  });
  test('languages by type; unknown types are left to the name', () => {
    assert.equal(languageOfPart('TEXT/HTML'), 'html');
    assert.equal(languageOfPart('message/rfc822'), 'eml');
    assert.equal(languageOfPart('application/json'), 'json');
    assert.equal(languageOfPart('text/csv'), undefined);
  });
});

describe('New Message template', () => {
  /** The snippet as VS Code inserts it with the placeholders' default values. */
  const expand = (snippet: string) => snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '').replace(/\\([$}\\])/g, '$1');
  for (const eol of ['\r\n', '\n']) {
    test(`valid as it stands, with and without a sender (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
      for (const from of [undefined, 'Ada <ada@work.example>', 'ada$}@work.example']) {
        const text = expand(newMessageSnippet({ from, eol, now: new Date(Date.UTC(2026, 11, 3, 8, 0, 0)) }));
        const problems = validateMessage(text);
        assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), [], text);
        assert.match(text, new RegExp(`^From: ${from ? from.replace(/[$}]/g, '\\$&') : 'you@example\\.org'}${eol}To: recipient@example\\.org${eol}Subject: Subject${eol}Date: `));
        assert.match(text, from ? /Message-ID: <[^@\s]+@work\.example>/ : /Message-ID: <[^@\s]+@example\.org>/);
      }
    });
  }
  test('the cursor starts on To', () => {
    assert.match(newMessageSnippet(), /^To: \$\{1:recipient@example\.org\}$/m);
  });
});
