/**
 * The caniemail data and what the checks read from it, the CSS scanner, the
 * plain-text rendering, and the fixture messages: a clean table-layout email
 * gives no warnings for the default clients, and the target clients change
 * the result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { scanDeclarations, scanStylesheet, type CssDeclaration } from '../../../src/mail/html/css';
import { clientMatcher, clientName, DEFAULT_HTML_CLIENTS, keysFromTitle, loadSupport, selectClients, verdictFor } from '../../../src/mail/html/support';
import { htmlToText } from '../../../src/mail/html/text';
import { validateMessage } from '../../../src/mail/message/validate';
import { validateTranscript } from '../../../src/mail/transcript/validate';
import { htmlMessage } from './helpers';

const FIXTURES = join(__dirname, '../../../../test/fixtures/eml/html');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

describe('caniemail data', () => {
  const support = loadSupport();
  test('loads from dist/caniemail.json', () => {
    assert.ok(support, 'data loaded');
    assert.ok(support.data.features.length > 250);
  });
  test('every feature is either matched by the checks or deliberately ignored', () => {
    // A refresh that brings a feature with a new kind of title fails here: map it in EXPLICIT or ignore it with a reason.
    assert.deepEqual(support!.index.unmatched, []);
  });
  test('the newest result per client is kept in written order (16.80 after 2019-02)', () => {
    const flex = support!.data.features.find((f) => f.slug === 'css-display-flex')!;
    assert.equal(flex.support['outlook.windows'], 'n');
    assert.equal(flex.support['gmail.ios'], 'a #1');
  });
  test('client names read like people write them', () => {
    assert.equal(clientName(support!.data, 'outlook.windows'), 'Outlook (Windows)');
    assert.equal(clientName(support!.data, 'outlook.outlook-com'), 'Outlook.com');
    assert.equal(clientName(support!.data, 'apple-mail.ios'), 'Apple Mail (iOS)');
  });
  test('client patterns: family.platform with *', () => {
    const match = clientMatcher(['outlook.windows', 'gmail.*']);
    assert.ok(match('outlook.windows') && match('gmail.ios') && match('gmail.desktop-webmail'));
    assert.ok(!match('outlook.windows-mail') && !match('yahoo.ios'));
    const defaults = selectClients(support!.data, DEFAULT_HTML_CLIENTS);
    assert.ok(defaults.includes('apple-mail.macos') && defaults.includes('yahoo.android') && !defaults.some((c) => c.startsWith('aol.')));
  });
  test('titles become lookups', () => {
    const k = (slug: string, title: string, category = 'css') => keysFromTitle({ slug, title, category, url: '', support: {} });
    assert.deepEqual(k('css-display-flex', 'display:flex'), [{ kind: 'value', property: 'display', value: 'flex' }]);
    assert.deepEqual(k('css-gap', 'gap, column-gap, row-gap').map((x) => (x as { name: string }).name), ['gap', 'column-gap', 'row-gap']);
    assert.deepEqual(k('css-at-media-hover', '@media (hover), @media (any-hover)'), [{ kind: 'media-feature', name: 'hover' }, { kind: 'media-feature', name: 'any-hover' }]);
    assert.deepEqual(k('html-button-reset', '<button type="reset"> element', 'html'), [{ kind: 'element', name: 'button', attr: { name: 'type', value: 'reset' } }]);
    assert.deepEqual(k('x', 'Some prose title'), []);
  });
  test('verdicts: unsupported and partial clients, unknown ignored', () => {
    const v = verdictFor({ slug: 's', title: 't', category: 'css', url: '', support: { 'a.x': 'n', 'a.y': 'a #2', 'a.z': 'u', 'a.w': 'y' } }, ['a.x', 'a.y', 'a.z', 'a.w']);
    assert.deepEqual(v, { unsupported: ['a.x'], partial: [{ client: 'a.y', notes: ['2'] }] });
  });
});

describe('lazy loading', () => {
  test('the extension host bundles neither the HTML parser nor the support data', () => {
    const dist = join(__dirname, '../../../../dist');
    for (const file of ['extension.js', 'languageClient.js']) {
      const code = readFileSync(join(dist, file), 'utf8');
      assert.ok(!code.includes('caniemail.json') && !code.includes('onattribentity'), `${file} must not carry the HTML checks`);
    }
    const server = readFileSync(join(dist, 'server.js'), 'utf8');
    assert.ok(server.includes('caniemail.json') && !server.includes('"css-display-flex"'), 'the server reads the data file at run time instead of bundling it');
  });
});

describe('fixtures', () => {
  test('a clean modern table-layout email: no warnings or errors for the default clients', () => {
    const problems = validateMessage(fixture('clean-table.eml'));
    assert.deepEqual(problems.filter((p) => p.severity === 'warning' || p.severity === 'error').map((p) => `${p.code}: ${p.message}`), []);
    // It does use features that Outlook for Windows renders only in part.
    assert.ok(problems.some((p) => p.code === 'html-client-partial'));
  });
  test('a realistic receipt (table layout, inline styles, a media query): one problem per feature, only where a note applies', () => {
    const text = fixture('receipt.eml');
    const html = validateMessage(text).filter((p) => p.code.startsWith('html-'));
    const got = html.map((p) => `${p.code} ${p.data?.feature}`).sort();
    assert.deepEqual(got, [
      // The head's <style> and its @media block: Gmail's mobile webmail drops both, Outlook for Windows ignores media queries.
      'html-client-unsupported css-at-media',
      // Border-radius on the button: square corners in Outlook for Windows.
      'html-client-unsupported css-border-radius',
      // The hidden preheader: display:none, max-height and overflow are what Outlook for Windows and Gmail's mobile webmail ignore.
      'html-client-unsupported css-display-none',
      'html-client-unsupported css-max-height',
      'html-client-unsupported css-overflow',
      // role="presentation" on layout tables: Windows Mail ignores it (screen readers there read the layout as data tables).
      'html-client-unsupported html-role',
      'html-client-unsupported html-style',
      // Partial, each for a note that applies here: rules in the sheet (element unknown), or "Buggy" notes about every use.
      'html-client-partial css-border',
      'html-client-partial css-display',
      'html-client-partial css-important',
      'html-client-partial css-line-height',
      'html-client-partial css-margin',
      'html-client-partial css-padding',
      'html-client-partial css-text-decoration',
      // width:100% in the sheet's .container rule: Outlook for Windows ignores width on <div>, <p>, <img>…, and a sheet does not say the element.
      'html-client-partial css-width',
      'html-client-partial html-height',
      'html-client-partial html-width',
    ].sort());
    // Not reported: font-size (px, not rem or relative), font-weight (bold, not a number), align (on cells, not tables), mailto: (no bcc).
    for (const quiet of ['css-font-size', 'css-font-weight', 'html-align', 'html-mailto-links']) assert.ok(!got.some((g) => g.endsWith(` ${quiet}`)), quiet);
    // The first use keeps its exact range; the other uses are related locations at theirs.
    const padding = html.find((p) => p.data?.feature === 'css-padding')!;
    assert.equal(text.slice(padding.offset, padding.offset + padding.length), 'padding');
    assert.match(padding.message, /\(and 16 more uses in this part\)$/);
    assert.equal(padding.related?.length, 16);
    for (const r of padding.related!) assert.equal(text.slice(r.offset, r.offset + r.length), 'padding');
  });
  test('the target clients change the result: flexbox is fine for Apple Mail only', () => {
    const text = fixture('flexbox.eml');
    const forApple = validateMessage(text, { html: { clients: ['apple-mail.*'] } }).filter((p) => p.code.startsWith('html-client-'));
    assert.deepEqual(forApple, []);
    const forOutlook = validateMessage(text, { html: { clients: ['outlook.windows'] } }).filter((p) => p.code === 'html-client-unsupported');
    assert.ok(forOutlook.some((p) => p.message.startsWith('display:flex: not supported in Outlook (Windows)')), JSON.stringify(forOutlook.map((p) => p.message)));
    const forDefaults = validateMessage(text).filter((p) => p.code === 'html-client-unsupported');
    assert.ok(forDefaults.length > 0);
  });
  test('an HTML message in a transcript is checked at its place in the transcript', () => {
    const message = htmlMessage('<p onclick="x()">hi</p>', '8bit', '\r\n');
    const transcript = ['S: 220 mx.example.com ESMTP', 'C: EHLO me', 'S: 250 mx.example.com', 'C: MAIL FROM:<a@example.com>', 'S: 250 OK', 'C: RCPT TO:<b@example.com>', 'S: 250 OK', 'C: DATA', 'S: 354 go', ...message.split('\r\n').slice(0, -1).map((l) => `C: ${l}`), 'C: .', 'S: 250 queued', 'C: QUIT', 'S: 221 bye', ''].join('\r\n');
    const p = validateTranscript(transcript).find((x) => x.code === 'html-script');
    assert.ok(p, 'html-script found in the DATA');
    assert.equal(transcript.slice(p.offset, p.offset + p.length), 'onclick');
  });
  test('each message of a digest (message/rfc822 parts) is checked', () => {
    const inner = htmlMessage('<img src="cid:gone@x" alt="">', 'quoted-printable', '\n');
    const outer = ['From: a@example.com', 'Date: Thu, 03 Dec 2026 09:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="o"', '', '--o', 'Content-Type: text/plain', '', 'forwarded', '--o', 'Content-Type: message/rfc822', '', inner, '--o--', ''].join('\n');
    const p = validateMessage(outer).find((x) => x.code === 'html-cid-not-found');
    assert.ok(p);
    assert.equal(outer.slice(p.offset, p.offset + p.length), 'cid:gone@x');
  });
});

describe('CSS scanner', () => {
  const decls = (css: string): Array<[string, string, string]> => {
    const out: Array<[string, string, string]> = [];
    scanDeclarations(css, 0, (d: CssDeclaration) => out.push([css.slice(d.nameOffset, d.nameEnd), css.slice(d.valueOffset, d.valueEnd), d.important ? css.slice(d.important.offset, d.important.end) : '']));
    return out;
  };
  test('inline declarations with strings, functions and comments', () => {
    assert.deepEqual(decls(' color : red ; font-family: "a;b", x;background:url(a;b.png) !important;/* c: d; */ broken ; --v: 1'), [
      ['color', 'red', ''],
      ['font-family', '"a;b", x', ''],
      ['background', 'url(a;b.png)', '!important'],
      ['--v', '1', ''],
    ]);
  });
  test('stylesheets: rules, nested at-rules, statement at-rules, broken blocks', () => {
    const css = '@import url(x.css); @media screen and (max-width: 600px) { .a:hover, p::before { color: red } } @font-face { font-family: F } p { margin: 0 ';
    const seen: string[] = [];
    scanStylesheet(css, 100, {
      declaration: (d) => seen.push(`decl ${d.property}@${d.nameOffset - 100}`),
      atRule: (name, offset) => seen.push(`@${name}@${offset - 100}`),
      selector: (s, offset) => seen.push(`sel ${s}@${offset - 100}`),
    });
    assert.deepEqual(seen, [
      '@import@0',
      `@media@${css.indexOf('@media')}`,
      `sel .a:hover, p::before@${css.indexOf('.a:hover')}`,
      `decl color@${css.indexOf('color')}`,
      `@font-face@${css.indexOf('@font-face')}`,
      `decl font-family@${css.indexOf('font-family')}`,
      `sel p@${css.lastIndexOf('p {')}`,
      `decl margin@${css.indexOf('margin')}`,
    ]);
  });
  test('hostile input stays linear and never throws', () => {
    const nasty = '{'.repeat(20000) + '"'.repeat(5) + '/*' + '}'.repeat(30000) + ';:'.repeat(10000);
    scanStylesheet(nasty, 0, { declaration: () => undefined });
    scanDeclarations(nasty, 0, () => undefined);
  });
});

describe('plain text from HTML', () => {
  test('blocks, lists, links, images, entities; no styles or scripts', () => {
    const html = '<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Hello&nbsp;there</h1><p>Line\n one<br>two</p><ul><li>a</li><li>b</li></ul><p><a href="https://example.com/x">Open</a> <img alt="Logo" src="x.png"></p><script>var x</script><table><tr><td>A</td><td>B</td></tr></table></body></html>';
    assert.equal(htmlToText(html), 'Hello there\n\nLine one\ntwo\n\n- a\n\n- b\n\nOpen <https://example.com/x> Logo\n\nA\n\nB');
  });
});
