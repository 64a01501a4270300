/**
 * Send Message in a real extension host against a real SMTP server
 * (`smtp-server` on 127.0.0.1 with AUTH), and against the built-in local
 * test inbox when no profile is configured.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import * as vscode from 'vscode';
import type { SendOutcome } from '../../../src/client/sendCommands';
import { codeOf, describeDiagnostics, waitFor } from './helpers';

interface Received {
  from: string;
  to: string[];
  data: string;
  user?: string;
}

const USER = 'e2e-user';
const PASSWORD = 'e2e-secret-password';

function message(to: string, extra = ''): string {
  return [
    'From: Ada <ada@example.org>',
    `To: ${to}`,
    extra,
    'Subject: Sent from the e2e test',
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <e2e-${Date.now()}@example.org>`,
    '',
    'Hello from a real extension host.',
    '',
  ]
    .filter((l, i) => l !== '' || i > 2)
    .join('\r\n');
}

async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'eml', content });
  await vscode.window.showTextDocument(document);
  return document;
}

describe('Send Message', () => {
  let server: SMTPServer;
  let port = 0;
  const received: Received[] = [];
  const config = () => vscode.workspace.getConfiguration('smtpEml');

  before(async () => {
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === USER && auth.password === PASSWORD) cb(null, { user: auth.username });
        else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('nobody@')) cb(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
            user: session.user as string | undefined,
          });
          cb(null, 'Message queued as E2E42');
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    await config().update('servers', [{ name: 'e2e', host: '127.0.0.1', port, security: 'none', user: USER, allowCleartextAuth: true }], vscode.ConfigurationTarget.Global);
    await config().update('defaultServer', 'e2e', vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('smtpEml.setPassword', 'e2e', PASSWORD), true);
  });

  after(async () => {
    await config().update('servers', undefined, vscode.ConfigurationTarget.Global);
    await config().update('defaultServer', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('smtpEml.clearPassword', 'e2e');
    await vscode.commands.executeCommand('smtpEml.stopLocalInbox');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('delivers an unsaved message with AUTH, drops Bcc, and opens the session as an smtp-transcript', async () => {
    const document = await openUntitled(message('Bob <bob@example.net>', 'Bcc: hidden@example.net'));
    assert.equal(document.isUntitled, true);
    const changed = new Set<string>();
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => changed.add(u.toString())));
    const before = received.length;
    let outcome: SendOutcome;
    try {
      outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
      assert.equal(outcome.status, 'sent', outcome.message);
      assert.match(outcome.message, /E2E42/, 'the queue id or final reply is shown');

      assert.equal(received.length, before + 1);
      const got = received.at(-1)!;
      assert.equal(got.user, USER, 'authenticated');
      assert.equal(got.from, 'ada@example.org');
      assert.deepEqual([...got.to].sort(), ['bob@example.net', 'hidden@example.net']);
      assert.doesNotMatch(got.data, /^Bcc:/im, 'Bcc is never transmitted');
      assert.doesNotMatch(got.data, /hidden@example\.net/);
      assert.match(got.data, /^Subject: Sent from the e2e test/m);

      const transcript = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.transcriptUri);
      assert.ok(transcript, 'the transcript document is open');
      assert.equal(transcript.languageId, 'smtp-transcript');
      // Saved as an .smtp file and opened read-only: no "Untitled-N", nothing to save on close.
      assert.equal(transcript.uri.scheme, 'smtp-eml-log');
      assert.match(transcript.uri.path, /^\/\d{4}-\d\d-\d\dT[\d-]+Z-sent-e2e\.smtp$/);
      assert.equal(transcript.isUntitled, false);
      assert.equal(transcript.isDirty, false);
      const stat = await vscode.workspace.fs.stat(transcript.uri);
      assert.equal(stat.permissions, vscode.FilePermission.Readonly, 'the log is read-only');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(transcript.uri, Buffer.from('x'))), /NoPermissions|permission/i);
      const text = transcript.getText();
      assert.match(text, /^S: 221\b/m, 'the session runs through 221');
      assert.match(text, /^C: QUIT/m);
      assert.equal(text.includes(PASSWORD), false, 'the password is not in the log');
      assert.equal(text.includes(Buffer.from(PASSWORD).toString('base64')), false, 'nor its base64');
      assert.ok(
        vscode.window.visibleTextEditors.some((e) => e.document === transcript),
        'the transcript is shown beside the message',
      );
      await waitFor(
        () => changed.has(transcript.uri.toString()),
        () => `diagnostics for the transcript ${transcript.uri.toString()}`,
      );
      const errors = vscode.languages.getDiagnostics(transcript.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${codeOf(d)}: ${d.message}`), [], describeDiagnostics(transcript.uri));
    } finally {
      sub.dispose();
    }
  });

  it('names the refused recipient and the reply', async () => {
    const document = await openUntitled(message('Nobody <nobody@example.net>'));
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    assert.equal(outcome.status, 'failed', outcome.message);
    assert.match(outcome.message, /nobody@example\.net/);
    assert.match(outcome.message, /550/);
    assert.ok(outcome.transcriptUri, 'the log is opened on failure too');
  });

  it('stops before sending when there is no recipient, and says why', async () => {
    const document = await openUntitled('From: Ada <ada@example.org>\r\nSubject: nobody\r\n\r\nbody\r\n');
    const before = received.length;
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    assert.equal(outcome.status, 'stopped');
    assert.match(outcome.message, /recipient/i);
    assert.equal(received.length, before, 'nothing was sent');
  });

  it("stops on the language server's error diagnostics unless told to send anyway", async () => {
    const document = await openUntitled('From: Ada <ada@example.org>\r\nTo: bob@example.net\r\nSubject: no date\r\n\r\nbody\r\n');
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'missing-date'),
      () => `missing-date on the untitled message; have ${describeDiagnostics(document.uri)}`,
    );
    const before = received.length;
    const stopped = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'stop' }))!;
    assert.equal(stopped.status, 'stopped');
    assert.match(stopped.message, /\[missing-date\]/);
    assert.equal(received.length, before, 'nothing was sent');
    const sent = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    assert.equal(sent.status, 'sent', sent.message);
    assert.equal(received.length, before + 1);
  });

  it('Add Missing Fields and Send fills in Date and Message-ID in the message, then sends it', async () => {
    const document = await openUntitled('From: Ada <ada@example.org>\r\nTo: bob@example.net\r\nSubject: typed by hand\r\n\r\nbody\r\n');
    await waitFor(
      () => ['missing-date', 'missing-message-id'].every((c) => vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === c)),
      () => `missing-date and missing-message-id on the untitled message; have ${describeDiagnostics(document.uri)}`,
    );
    const before = received.length;
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'fill' }))!;
    assert.equal(outcome.status, 'sent', outcome.message);
    assert.equal(received.length, before + 1);
    const text = document.getText();
    assert.match(text, /^Date: \w{3}, \d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\r$/m, 'Date added to the message');
    assert.match(text, /^Message-ID: <[^@\s]+@example\.org>\r$/m, 'Message-ID added at the domain of From');
    assert.match(text, /^Subject: typed by hand\r\nDate: .*\r\nMessage-ID: .*\r\n\r\nbody/m, 'both at the end of the header');
    const got = received.at(-1)!.data;
    assert.match(got, /^Date: /m);
    assert.match(got, /^Message-ID: <[^@\s]+@example\.org>/m);
    await waitFor(
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'missing-date' || codeOf(d) === 'missing-message-id'),
      () => `the missing-* diagnostics to go; have ${describeDiagnostics(document.uri)}`,
    );
  });

  it('refuses a second Send of the same document while the first runs', async () => {
    const document = await openUntitled(message('Bob <bob@example.net>'));
    const first = vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' });
    const second = await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' });
    assert.equal(second!.status, 'busy');
    assert.equal((await first)!.status, 'sent');
  });

  it('with no profile, sends to the local test inbox and the message lands in its folder', async () => {
    await config().update('servers', undefined, vscode.ConfigurationTarget.Global);
    await config().update('defaultServer', undefined, vscode.ConfigurationTarget.Global);
    const document = await openUntitled(message('Carol <carol@example.net>'));
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: document.uri, onErrors: 'send' }))!;
    assert.equal(outcome.status, 'sent', outcome.message);
    assert.equal(outcome.server, 'Local test inbox');
    const file = await waitFor(() => outcome.savedFile, () => 'the saved file name');
    assert.ok(fs.existsSync(file), file);
    assert.match(fs.readFileSync(file, 'utf8'), /^Subject: Sent from the e2e test/m);
  });
});
