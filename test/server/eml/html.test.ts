/**
 * The HTML checks in the language server: hover with caniemail's notes, the
 * quick fixes (each re-validated: its problem is gone and nothing broke), the
 * settings (`smtpEml.html.enabled`, `smtpEml.html.clients` per folder), and
 * Persian messages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { validateMessage } from '../../../src/mail/message/validate';
import { bundleFor } from '../../../src/mail/i18n';
import { toDiagnostics } from '../../../src/server/diagnostics';
import { emlFeatures } from '../../../src/server/eml/emlFeatures';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from '../../../src/server/settings';
import { startTestClient } from '../../helpers/lspClient';
import { ENCODINGS, EOLS, htmlMessage } from '../../mail/html/helpers';
import { applyEdits, featureContext } from './util';
import { serverBundleFor } from '../../../src/server/l10n';

const withHtml = (html: Partial<ServerSettings['html']>): ServerSettings => ({ ...DEFAULT_SETTINGS, html: { ...DEFAULT_SETTINGS.html, ...html } });

function diagnosticsOf(text: string, settings = DEFAULT_SETTINGS): lsp.Diagnostic[] {
  const ctx = featureContext(text, settings);
  return toDiagnostics(ctx.document, emlFeatures.validate(ctx), settings);
}

function actionsFor(text: string, code: string, locale = 'en'): lsp.CodeAction[] {
  const ctx = { ...featureContext(text), locale, l10n: serverBundleFor(locale) };
  const d = toDiagnostics(ctx.document, emlFeatures.validate(ctx), DEFAULT_SETTINGS).find((x) => x.code === code);
  assert.ok(d, `${code} diagnostic present`);
  return emlFeatures.codeActions!(ctx, d.range, [d]);
}

function applyAction(text: string, action: lsp.CodeAction): string {
  const edits = Object.values(action.edit?.changes ?? {})[0];
  assert.ok(edits?.length, 'the action edits the document');
  return applyEdits(text, edits);
}

describe('hover on a flagged feature', () => {
  test('shows each target client, its support and caniemail notes, and links the feature', () => {
    const text = htmlMessage('<div style="display:flex">x</div>', 'quoted-printable', '\r\n');
    const ctx = featureContext(text);
    const at = text.indexOf('display:flex') + 3;
    const hover = emlFeatures.hover!(ctx, ctx.document.positionAt(at));
    assert.ok(hover);
    const value = (hover.contents as lsp.MarkupContent).value;
    assert.match(value, /\*\*display:flex\*\* — \[caniemail\.com\]\(https:\/\/www\.caniemail\.com\/features\/css-display-flex\/\)/);
    assert.match(value, /\| Outlook \(Windows\) \| ❌ not supported \|/);
    assert.match(value, /\| Gmail \(iOS\) \| ⚠️ partial \| Not supported with non Google accounts\. \|/);
    assert.match(value, /\| Apple Mail \(macOS\) \| ✅ supported \|/);
    assert.doesNotMatch(value, /Samsung/, 'only target clients');
    assert.deepEqual(hover.range, { start: ctx.document.positionAt(text.indexOf('display:flex')), end: ctx.document.positionAt(text.indexOf('display:flex') + 12) });
  });
  test('in Persian', () => {
    const text = htmlMessage('<div style="display:flex">x</div>', '8bit', '\n');
    const ctx = { ...featureContext(text), locale: 'fa', l10n: serverBundleFor('fa') };
    const hover = emlFeatures.hover!(ctx, ctx.document.positionAt(text.indexOf('display:flex') + 1));
    assert.match((hover!.contents as lsp.MarkupContent).value, /\| کلاینت \| پشتیبانی \| یادداشت‌ها \|/);
  });
});

describe('quick fix: add alt=""', () => {
  const html = '<p>Our logo, twice the width of the text column so that the line is long:</p><img src="https://example.com/logo.png" width="10">';
  for (const cte of ENCODINGS) {
    for (const { name, eol } of EOLS) {
      test(`${cte}, ${name}`, () => {
        const text = htmlMessage(html, cte, eol);
        const [action] = actionsFor(text, 'html-image-alt-missing').filter((a) => a.edit);
        assert.ok(action, 'fix offered');
        const fixed = applyAction(text, action);
        const after = validateMessage(fixed);
        assert.deepEqual(after.filter((p) => p.code === 'html-image-alt-missing'), [], 'alt added');
        assert.deepEqual(after.filter((p) => p.severity === 'error' || /^(qp-|base64-)/.test(p.code)).map((p) => p.code), [], 'nothing broken');
      });
    }
  }
});

describe('quick fix: wrap in multipart/alternative', () => {
  for (const cte of ENCODINGS) {
    for (const { name, eol } of EOLS) {
      test(`a message whose body is HTML (${cte}, ${name})`, () => {
        const text = htmlMessage('<h1>Receipt</h1><p>Total: &euro;12</p>', cte, eol, { alternative: false });
        const [action] = actionsFor(text, 'html-no-text-alternative').filter((a) => a.edit);
        const fixed = applyAction(text, action);
        const after = validateMessage(fixed);
        assert.deepEqual(after.map((p) => p.code), [], fixed);
        assert.match(fixed, /Content-Type: multipart\/alternative;\r?\n boundary="/);
        assert.match(fixed, /Content-Type: text\/plain; charset=utf-8/);
        assert.match(fixed, /Receipt\r?\n\r?\nTotal: =E2=82=AC12/);
        assert.ok(fixed.includes(`Content-Transfer-Encoding: ${cte}${eol}`), 'the HTML part keeps its encoding');
      });
    }
  }
  test('an HTML part inside multipart/mixed', () => {
    const text = [
      'From: a@example.com',
      'Date: Thu, 03 Dec 2026 09:00:00 +0000',
      'Message-ID: <m@example.com>',
      'To: b@example.com',
      'Subject: s',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>See the attachment.</p>',
      '--m',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="a.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0=',
      '--m--',
      '',
    ].join('\n');
    const [action] = actionsFor(text, 'html-no-text-alternative').filter((a) => a.edit);
    const fixed = applyAction(text, action);
    assert.deepEqual(validateMessage(fixed).map((p) => p.code), [], fixed);
    assert.match(fixed, /See the attachment\./);
  });
});

describe('Decode Part for base64 parts', () => {
  test('problems of a base64 HTML part offer the Decode Part command', () => {
    const text = htmlMessage('<p>x</p><img src="a.png">', 'base64', '\r\n');
    const actions = actionsFor(text, 'html-image-alt-missing');
    assert.ok(actions.some((a) => a.command?.command === 'smtpEml.decodePart'));
    assert.ok(actions.some((a) => a.edit), 'and the re-encoding fix');
  });
});

describe('settings', () => {
  test('smtpEml.html.enabled: false turns the family off', () => {
    const text = htmlMessage('<script>1</script><div style="display:flex"></div>', '8bit', '\n', { alternative: false });
    assert.ok(diagnosticsOf(text).some((d) => String(d.code).startsWith('html-')));
    const off = readSettings({ html: { enabled: false } });
    assert.deepEqual(diagnosticsOf(text, off).filter((d) => String(d.code).startsWith('html-')), []);
    assert.equal(readSettings({ 'html.enabled': false }).html.enabled, false, 'dotted keys too');
  });
  test('smtpEml.html.clients changes the result; invalid values fall back to the defaults', () => {
    const text = htmlMessage('<div style="display:flex">x</div>', '8bit', '\n');
    assert.ok(diagnosticsOf(text).some((d) => d.code === 'html-client-unsupported'));
    assert.deepEqual(diagnosticsOf(text, withHtml({ clients: ['apple-mail.*'] })).filter((d) => String(d.code).startsWith('html-client')), []);
    assert.deepEqual(readSettings({ html: { clients: 'outlook.*' } }).html.clients, DEFAULT_SETTINGS.html.clients);
    assert.deepEqual(readSettings({ 'html.clients': ['gmail.ios', 7, ''] }).html.clients, ['gmail.ios']);
  });
  test('severity per code like every other code', () => {
    const text = htmlMessage('<td style="padding:1px">', '8bit', '\n');
    const d = diagnosticsOf(text, { ...DEFAULT_SETTINGS, diagnostics: { 'html-client-partial': 'warning' } }).find((x) => x.code === 'html-client-partial');
    assert.equal(d?.severity, 2);
  });
  test('per folder over LSP: each folder its own target clients', { timeout: 30_000 }, async () => {
    const apple = { html: { clients: ['apple-mail.*'] } };
    const outlook = { html: { clients: ['outlook.windows'] } };
    const { client } = await startTestClient({ settings: (scopeUri?: string) => (scopeUri?.startsWith('file:///a/') ? apple : scopeUri?.startsWith('file:///b/') ? outlook : {}) });
    try {
      const text = htmlMessage('<div style="display:flex">x</div>', 'quoted-printable', '\r\n');
      const a = await client.open('file:///a/news.eml', 'eml', text);
      const b = await client.open('file:///b/news.eml', 'eml', text);
      assert.deepEqual(a.filter((d) => String(d.code).startsWith('html-client')), []);
      const flex = b.find((d) => d.code === 'html-client-unsupported');
      assert.ok(flex);
      assert.equal(flex.message, 'display:flex: not supported in Outlook (Windows)');
      // No RFC behind client support: the hover links caniemail's page of the feature instead.
      assert.equal(flex.codeDescription, undefined);
    } finally {
      await client.dispose();
    }
  });
});

describe('Persian messages', () => {
  test('the client-support message keeps names left-to-right inside Persian prose', () => {
    const text = htmlMessage('<div style="display:flex">x</div><img src="x.png">', '8bit', '\n');
    const problems = validateMessage(text, { html: { clients: ['outlook.windows'] }, l10n: bundleFor('fa') });
    const flex = problems.find((p) => p.code === 'html-client-unsupported')!;
    assert.equal(flex.message, '\u2066display:flex\u2069: در \u2066Outlook (Windows)\u2069 پشتیبانی نمی‌شود');
    assert.match(problems.find((p) => p.code === 'html-image-alt-missing')!.message, /بی/);
  });
});

describe('one problem per feature and part', () => {
  test('the other uses are related information, and hover there too', () => {
    const text = htmlMessage('<div style="display:flex">a</div><p>b</p><div style="display:flex">c</div>', 'quoted-printable', '\r\n');
    const flex = diagnosticsOf(text).filter((d) => d.code === 'html-client-unsupported' && /^display:flex/.test(String(d.message)));
    assert.equal(flex.length, 1);
    assert.match(String(flex[0].message), /\(and 1 more use in this part\)$/);
    const second = text.lastIndexOf('display:flex');
    const ctx = featureContext(text);
    assert.deepEqual(flex[0].relatedInformation?.map((r) => r.location.range), [{ start: ctx.document.positionAt(second), end: ctx.document.positionAt(second + 12) }]);
    const hover = emlFeatures.hover!(ctx, ctx.document.positionAt(second + 2));
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: ctx.document.positionAt(second), end: ctx.document.positionAt(second + 12) });
  });
});
