/**
 * The Inbox view in a real extension host: Send with no profile lands in the
 * one local inbox; the view's listing shows the message (Subject, From, To)
 * in its session; the session's transcript opens as a validated `.smtp` file
 * (a raw client's RCPT before MAIL is flagged there); delete one, delete all.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { connect } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReplayOutcome } from '../../../src/client/replayCommands';
import type { SendOutcome } from '../../../src/client/sendCommands';
import type { InboxSessionEntry } from '../../../src/send/inboxListing';
import { readReplies } from '../../helpers/lineReader';
import { codeOf, describeDiagnostics, waitFor, waitForCode } from './helpers';

const config = () => vscode.workspace.getConfiguration('smtpEml');
const listing = async (): Promise<InboxSessionEntry[]> => (await vscode.commands.executeCommand<InboxSessionEntry[]>('smtpEml.inbox.refresh'))!;

/**
 * Says `lines` to the inbox one at a time, each after the whole reply to the
 * previous one (the greeting first; a multi-line EHLO reply may come in several
 * segments); resolves when the server has closed the connection after the last.
 */
async function rawSession(port: number, lines: string[]): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const replies = readReplies(socket);
  try {
    await replies.next();
    for (const line of lines) {
      socket.write(`${line}\r\n`);
      await replies.next();
    }
    await closed;
  } finally {
    socket.destroy();
  }
}

/** The read-only URI the Inbox view opens a transcript of the inbox folder by. */
function inboxTranscriptUri(file: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'smtp-eml-inbox', path: `/${path.basename(file)}` });
}

describe('Inbox view', () => {
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-eml-e2e-inbox-'));
    await vscode.commands.executeCommand('smtpEml.stopLocalInbox');
    await config().update('servers', undefined, vscode.ConfigurationTarget.Global);
    await config().update('defaultServer', undefined, vscode.ConfigurationTarget.Global);
    await config().update('localInbox.folder', dir, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('smtpEml.stopLocalInbox');
    await config().update('localInbox.folder', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists a sent message with Subject, From and To in its session, and opens it and its transcript', async () => {
    const content = [
      'From: Ada <ada@example.org>',
      'To: Bob <bob@example.net>',
      'Subject: =?UTF-8?B?SW5ib3ggdmlldyDinJM=?=',
      `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <inbox-view-${Date.now()}@example.org>`,
      '',
      'body',
      '',
    ].join('\r\n');
    const document = await vscode.workspace.openTextDocument({ language: 'eml', content });
    await vscode.window.showTextDocument(document);
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    assert.equal(outcome.status, 'sent', outcome.message);
    assert.equal(path.dirname(outcome.savedFile!), dir);

    const session = await waitFor(
      async () => (await listing()).find((s) => s.messages.some((m) => m.file === outcome.savedFile) && s.transcript && fs.readFileSync(s.transcript, 'utf8').includes('C: QUIT')),
      () => `a session with ${outcome.savedFile} and its finished transcript in ${fs.readdirSync(dir).join(', ')}`,
    );
    const message = session.messages[0]!;
    assert.equal(message.subject, 'Inbox view ✓');
    assert.equal(message.from, 'Ada <ada@example.org>');
    assert.equal(message.to, 'Bob <bob@example.net>');
    assert.match(session.client ?? '', /127\.0\.0\.1/);

    await vscode.commands.executeCommand('smtpEml.inbox.openMessage', { kind: 'message', message, session });
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, message.file);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'eml');

    const opened = await vscode.commands.executeCommand<string>('smtpEml.inbox.openTranscript', { kind: 'session', session });
    assert.equal(opened, session.transcript);
    // Read-only through the inbox's own file system, by the file's name.
    const transcript = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === inboxTranscriptUri(session.transcript!).toString()),
      () => 'the transcript document',
    );
    assert.equal(transcript.languageId, 'smtp-transcript');
    assert.equal(transcript.getText(), fs.readFileSync(session.transcript!, 'utf8'));
  });

  it("shows a misbehaving client's faults in its session transcript", async () => {
    const running = (await vscode.commands.executeCommand<{ port: number }>('smtpEml.startLocalInbox'))!;
    await rawSession(running.port, ['EHLO raw.example', 'RCPT TO:<b@example.net>', 'QUIT']);
    const session = await waitFor(
      async () => (await listing()).find((s) => s.messages.length === 0 && s.client?.startsWith('raw.example')),
      () => 'the raw client session in the listing',
    );
    await vscode.commands.executeCommand('smtpEml.inbox.openTranscript', { kind: 'session', session });
    const uri = inboxTranscriptUri(session.transcript!);
    const d = await waitForCode(uri, 'out-of-sequence');
    assert.equal(d.range.start.line, fs.readFileSync(session.transcript!, 'utf8').split('\n').findIndex((l) => l.startsWith('C: RCPT')), describeDiagnostics(uri));
    assert.equal(codeOf(d), 'out-of-sequence');
  });

  it('Start Local Test Inbox with Script: refuses a script with a disallowed reply, plays a good one for Send', async () => {
    const bad = path.join(dir, '..', `${path.basename(dir)}-bad.smtp`);
    fs.writeFileSync(bad, 'S: 220 ready\nC: DATA\nS: 250 not after DATA\n');
    const refused = await vscode.commands.executeCommand<{ problems: Array<{ code: string; line: number }> }>('smtpEml.startLocalInboxWithScript', vscode.Uri.file(bad));
    assert.deepEqual(refused?.problems.map((p) => [p.code, p.line]), [['reply-unexpected', 3]]);

    const good = path.join(dir, '..', `${path.basename(dir)}-full.smtp`);
    fs.writeFileSync(good, 'C: RCPT TO:<carol@example.net>\nS: 452 4.2.2 Mailbox full\n');
    const started = await vscode.commands.executeCommand<{ port: number }>('smtpEml.startLocalInboxWithScript', vscode.Uri.file(good));
    assert.ok(started?.port);
    const document = await vscode.workspace.openTextDocument({
      language: 'eml',
      content: `From: ada@example.org\r\nTo: bob@example.net, carol@example.net\r\nSubject: scripted\r\nDate: ${new Date().toUTCString().replace('GMT', '+0000')}\r\nMessage-ID: <scripted-${Date.now()}@example.org>\r\n\r\nbody\r\n`,
    });
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    assert.equal(outcome.status, 'sent', outcome.message);
    assert.deepEqual(outcome.result?.recipients.map((r) => [r.address, r.accepted]), [['bob@example.net', true], ['carol@example.net', false]]);
    // Back to the plain inbox for the next test.
    await vscode.commands.executeCommand('smtpEml.startLocalInbox');
    fs.rmSync(bad);
    fs.rmSync(good);
  });

  it('Start Local Test Inbox with Script… plays the text of a read-only inbox transcript, and of an unsaved one', async () => {
    const sendToBobAndCarol = async (subject: string): Promise<SendOutcome> => {
      const document = await vscode.workspace.openTextDocument({
        language: 'eml',
        content: `From: ada@example.org\r\nTo: bob@example.net, carol@example.net\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString().replace('GMT', '+0000')}\r\nMessage-ID: <${subject}-${Date.now()}@example.org>\r\n\r\nbody\r\n`,
      });
      return (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    };
    // The previous test's scripted session, where carol's mailbox was full: its record becomes the script.
    const recorded = (await listing()).find((s) => s.messages.some((m) => m.subject === 'scripted'));
    assert.ok(recorded?.transcript, 'the scripted session and its transcript are listed');
    await vscode.commands.executeCommand('smtpEml.inbox.openTranscript', { kind: 'session', session: recorded });
    const transcript = vscode.window.activeTextEditor?.document;
    assert.equal(transcript?.uri.toString(), inboxTranscriptUri(recorded.transcript).toString(), 'the read-only transcript is the active editor');
    assert.equal(transcript?.languageId, 'smtp-transcript');
    const started = await vscode.commands.executeCommand<{ port: number }>('smtpEml.startLocalInboxWithScript');
    assert.ok(started?.port, 'the inbox starts with the transcript in the editor as its script');
    const replayed = await sendToBobAndCarol('replayed');
    assert.equal(replayed.status, 'sent', replayed.message);
    assert.deepEqual(replayed.result?.recipients.map((r) => [r.address, r.accepted]), [['bob@example.net', true], ['carol@example.net', false]]);

    // An unsaved transcript has no file: only its document holds the script.
    const unsaved = await vscode.workspace.openTextDocument({ language: 'smtp-transcript', content: 'C: RCPT TO:<bob@example.net>\nS: 550 5.1.1 No such user here\n' });
    await vscode.window.showTextDocument(unsaved);
    const again = await vscode.commands.executeCommand<{ port: number }>('smtpEml.startLocalInboxWithScript');
    assert.ok(again?.port, 'the inbox starts with the unsaved transcript as its script');
    const refused = await sendToBobAndCarol('unsaved-script');
    assert.equal(refused.status, 'sent', refused.message);
    assert.deepEqual(refused.result?.recipients.map((r) => [r.address, r.accepted]), [['bob@example.net', false], ['carol@example.net', true]]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // Back to the plain inbox for the next test.
    await vscode.commands.executeCommand('smtpEml.startLocalInbox');
  });

  it('the "Replay against…" code lens replays a recorded session against the inbox and opens the live transcript', async () => {
    // The first test's session (the plain inbox answered it; the scripted one refused a recipient).
    const session = (await listing()).find((s) => s.messages.some((m) => m.subject === 'Inbox view ✓'))!;
    const uri = vscode.Uri.file(session.transcript!);
    await vscode.window.showTextDocument(uri);
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found?.find((l) => l.command?.command === 'smtpEml.replayTranscript');
      },
      () => 'the Replay against… code lens',
    );
    assert.match(lenses.command!.title, /Replay against/);
    const running = (await vscode.commands.executeCommand<{ port: number }>('smtpEml.startLocalInbox'))!;
    const outcome = (await vscode.commands.executeCommand<ReplayOutcome>('smtpEml.replayTranscript', { ...(lenses.command!.arguments![0] as object), host: '127.0.0.1', port: running.port }))!;
    assert.equal(outcome.result.ok, true, outcome.result.transcript);
    const live = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.transcriptUri)!;
    assert.equal(live.languageId, 'smtp-transcript');
    assert.match(live.getText(), /^# result: every reply as in the transcript$/m);
  });

  it('deletes one message, then everything the inbox wrote (other files stay)', async () => {
    const before = await listing();
    const withMessage = before.find((s) => s.messages.length > 0)!;
    const message = withMessage.messages[0]!;
    const removed = await vscode.commands.executeCommand<number>('smtpEml.inbox.delete', { kind: 'message', message, session: withMessage });
    assert.equal(removed, 1);
    assert.equal(fs.existsSync(message.file), false);
    assert.equal(fs.existsSync(message.file.replace(/\.eml$/, '.envelope.json')), false);

    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await vscode.commands.executeCommand('smtpEml.inbox.deleteAll', true);
    assert.deepEqual(fs.readdirSync(dir), ['notes.txt']);
    assert.deepEqual(await listing(), []);
  });
});
