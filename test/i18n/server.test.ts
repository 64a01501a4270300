/**
 * The language server speaks Persian when the client's `initialize` carries
 * `locale: 'fa'` (and the standalone server when started with `--locale fa`):
 * diagnostics, hovers and code-action titles are Persian, diagnostic codes,
 * ranges and severities are the same as in English.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import * as lsp from 'vscode-languageserver/node';
import { hasRtl, LRI, PDI } from '../../src/mail/bidi';
import { startTestClient } from '../helpers/lspClient';

const EML = 'From: Ali <ali@example.ir>\r\nTo: sara@example.ir\r\nSubject: salam\r\nMessage-ID: <1@example.ir>\r\n\r\nbody\r\n';
const SMTP = [
  'S: 220 mx.example.ir ESMTP',
  'C: EHLO client.example.ir',
  'S: 250-mx.example.ir',
  'S: 250 ENHANCEDSTATUSCODES',
  'C: MAIL FROM:<ali@example.ir>',
  'S: 250 2.1.0 ok',
  'C: RCPT TO:<nobody@example.ir>',
  'S: 550 5.1.1 no such user',
  'C: QUIT',
  'S: 221 2.0.0 bye',
  '',
].join('\r\n');

const hoverText = (h: lsp.Hover | null): string => {
  assert.ok(h, 'a hover');
  const c = h.contents as lsp.MarkupContent;
  return c.value;
};

/** The text of a diagnostic message (a string or markup in LSP 3.18). */
const text = (d: lsp.Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

async function session(locale: string | undefined) {
  const { client } = await startTestClient(locale ? { locale } : {});
  const emlDiagnostics = await client.open('file:///t/a.eml', 'eml', EML);
  const smtpDiagnostics = await client.open('file:///t/a.smtp', 'smtp-transcript', SMTP);
  const fieldHover = hoverText(await client.hover('file:///t/a.eml', { line: 2, character: 2 }));
  const codeHover = hoverText(await client.hover('file:///t/a.smtp', { line: 7, character: 4 }));
  const enhancedHover = hoverText(await client.hover('file:///t/a.smtp', { line: 7, character: 8 }));
  const verbHover = hoverText(await client.hover('file:///t/a.smtp', { line: 6, character: 5 }));
  const missingDate = emlDiagnostics.find((d) => d.code === 'missing-date');
  assert.ok(missingDate, 'missing-date reported');
  const actions = await client.codeActions('file:///t/a.eml', missingDate.range, [missingDate]);
  await client.dispose();
  return { emlDiagnostics, smtpDiagnostics, fieldHover, codeHover, enhancedHover, verbHover, actions };
}

test('fa client: Persian diagnostics, hovers and quick-fix titles; codes, ranges and severities unchanged', async () => {
  const en = await session(undefined);
  const fa = await session('fa-IR');
  const shape = (ds: lsp.Diagnostic[]) => ds.map((d) => [d.code, d.range, d.severity, d.source]);
  assert.deepEqual(shape(fa.emlDiagnostics), shape(en.emlDiagnostics));
  assert.deepEqual(shape(fa.smtpDiagnostics), shape(en.smtpDiagnostics));
  assert.ok(en.emlDiagnostics.length > 0);

  const date = fa.emlDiagnostics.find((d) => d.code === 'missing-date')!;
  assert.equal(text(date), `پیام فیلد ${LRI}Date${PDI} ندارد؛ هر پیام باید تاریخ نوشته شدنش را داشته باشد.`);
  assert.equal(text(en.emlDiagnostics.find((d) => d.code === 'missing-date')!), 'The message has no Date field; every message must carry the date it was written.');
  for (const d of fa.emlDiagnostics) assert.ok(hasRtl(text(d)), `${String(d.code)}: ${text(d)}`);
  for (const d of fa.smtpDiagnostics) assert.ok(hasRtl(text(d)), `${String(d.code)}: ${text(d)}`);

  assert.match(fa.fieldHover, /موضوع پیام/, fa.fieldHover);
  assert.match(en.fieldHover, /topic of the message/);
  assert.match(fa.codeHover, /^\*\*550\*\* صندوق پستی در دسترس نیست/, fa.codeHover);
  assert.match(fa.codeHover, /پایان منفی دائمی/);
  assert.match(fa.codeHover, new RegExp(`در پاسخ به ${LRI}RCPT${PDI}`));
  assert.match(en.codeHover, /Mailbox unavailable/);
  assert.match(fa.enhancedHover, /نشانی صندوق پستی مقصد نادرست است/, fa.enhancedHover);
  assert.match(fa.verbHover, /یک گیرنده‌ی پاکت/, fa.verbHover);
  assert.match(fa.verbHover, /RFC 5321 §4\.1\.1\.3/, 'RFC references stay intact');

  const faTitles = fa.actions.map((a) => a.title);
  const enTitles = en.actions.map((a) => a.title);
  assert.ok(enTitles.includes('Add a Date header (now)'), enTitles.join(' | '));
  assert.ok(faTitles.includes(`افزودن سرآیند ${LRI}Date${PDI} (اکنون)`), faTitles.join(' | '));
  assert.equal(faTitles.length, enTitles.length);
});

test('standalone server: --locale fa answers in Persian, without it in English', async () => {
  const serverPath = join(__dirname, '..', '..', '..', 'dist', 'server.js');
  for (const [args, persian] of [[['--locale', 'fa'], true], [[], false]] as const) {
    const child = spawn(process.execPath, [serverPath, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = lsp.createMessageConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
    try {
      const published = new Promise<lsp.PublishDiagnosticsParams>((resolve) =>
        connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => resolve(p)),
      );
      connection.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
      connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
      connection.listen();
      await connection.sendRequest(lsp.InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
      await connection.sendNotification(lsp.InitializedNotification.type, {});
      await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
        textDocument: { uri: 'file:///t/b.eml', languageId: 'eml', version: 1, text: EML },
      });
      const { diagnostics } = await published;
      const date = diagnostics.find((d) => d.code === 'missing-date');
      assert.ok(date, 'missing-date');
      assert.equal(hasRtl(text(date)), persian, text(date));
    } finally {
      connection.dispose();
      child.kill();
    }
  }
});
