/**
 * DKIM and ARC through the real language server (one process, a stream pair):
 * diagnostics with keys from a keys file beside the document, from the
 * setting (a path or inline), code lenses, hover and outline, in English and
 * Persian, and in a transcript's DATA.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { signMessage } from '../../../src/mail/auth/sign';
import { setTxtResolver } from '../../../src/server/authKeys';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { arcSealSync, sampleMessage, testKey } from '../../helpers/dkim';
import { positionOf } from './util';

const NAME = 's1._domainkey.example.org';
const signed = (): string =>
  signMessage(Buffer.from(sampleMessage(), 'utf8'), { domain: 'example.org', selector: 's1', privateKey: testKey().privatePem }, new Date('2026-11-27T10:00:05Z')).message.toString();

const authOnly = (d: lsp.Diagnostic[]): string[] => d.filter((x) => /^(dkim|arc)-/.test(String(x.code))).map((x) => String(x.code));
function hoverText(h: lsp.Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as lsp.MarkupContent).value;
}

describe('authentication in the editor', () => {
  let client: TestClient;
  let dir: string;
  let noKeysDir: string;
  let n = 0;
  const uriIn = (folder: string, ext = 'eml'): string => pathToFileURL(join(folder, `m${n++}.${ext}`)).toString();
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-auth-'));
    noKeysDir = mkdtempSync(join(tmpdir(), 'smtp-eml-nokeys-'));
    writeFileSync(join(dir, 'dkim-keys.json'), JSON.stringify({ [NAME]: testKey().record }));
    ({ client } = await startTestClient());
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
    rmSync(noKeysDir, { recursive: true, force: true });
  });

  test('a signed message beside dkim-keys.json: no problem, lens "DKIM: pass"; editing the body breaks it', async () => {
    const uri = uriIn(dir);
    const text = signed();
    assert.deepEqual(authOnly(await client.open(uri, 'eml', text)), []);
    const lenses = await client.codeLenses(uri);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['DKIM: pass']);
    assert.equal(lenses[0].range.start.line, 0);
    const pos = positionOf(text, 'the report', 4);
    const after = await client.change(uri, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 6 } }, text: 'rep0rt' }]);
    assert.deepEqual(authOnly(after), ['dkim-body-hash-mismatch']);
    assert.deepEqual((await client.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: body changed']);
  });

  test('the tour: samples/signed.eml passes with samples/dkim-keys.json; a body edit and a Subject edit break it as the tour says', async () => {
    const file = join(__dirname, '..', '..', '..', '..', 'samples', 'signed.eml');
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    assert.deepEqual(authOnly(await client.open(uri, 'eml', text)), []);
    assert.deepEqual((await client.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: pass']);
    const word = positionOf(text, 'Change a word', 7);
    assert.deepEqual(authOnly(await client.change(uri, [{ range: { start: word, end: { line: word.line, character: word.character + 4 } }, text: 'line' }])), ['dkim-body-hash-mismatch']);
    assert.deepEqual((await client.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: body changed']);
    const edited = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } }, text: text.replace('Subject: Signed sample: edit me', 'Subject: Signed sample: edited') }]);
    assert.deepEqual(authOnly(edited), ['dkim-signature-invalid']);
    await client.close(uri);
  });

  test('a changed Subject: dkim-signature-invalid, lens "DKIM: signature invalid"', async () => {
    const uri = uriIn(dir);
    const diagnostics = await client.open(uri, 'eml', signed().replace('Subject: Quarterly report', 'Subject: Changed'));
    assert.deepEqual(authOnly(diagnostics), ['dkim-signature-invalid']);
    assert.equal(diagnostics.find((d) => d.code === 'dkim-signature-invalid')!.codeDescription?.href, 'https://www.rfc-editor.org/rfc/rfc6376#section-6.1.3');
    assert.deepEqual((await client.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: signature invalid']);
  });

  test('no keys file: dkim-key-unavailable (information), lens "DKIM: key unknown"; the setting (path, then inline) supplies the key', async () => {
    const uri = uriIn(noKeysDir);
    const first = await client.open(uri, 'eml', signed());
    assert.deepEqual(authOnly(first), ['dkim-key-unavailable']);
    assert.equal(first.find((d) => d.code === 'dkim-key-unavailable')!.severity, 3);
    assert.deepEqual((await client.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: key unknown']);
    const wait = client.nextDiagnostics(uri);
    await client.changeSettings({ dkim: { keys: join(dir, 'dkim-keys.json') } });
    assert.deepEqual(authOnly(await wait), []);
    const wait2 = client.nextDiagnostics(uri);
    await client.changeSettings({ dkim: { keys: { [NAME]: testKey('rsa', 'other').record } } });
    assert.deepEqual(authOnly(await wait2), ['dkim-signature-invalid']);
    const wait3 = client.nextDiagnostics(uri);
    await client.changeSettings({});
    assert.deepEqual(authOnly(await wait3), ['dkim-key-unavailable']);
  });

  test('DNS only when smtpEml.dkim.dnsLookups is on: first "pending" (information), then the answer re-validates the document; answers are cached', async () => {
    const asked: string[] = [];
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    const previous = setTxtResolver(async (name) => {
      asked.push(name);
      await answered;
      return [['v=DKIM1; k=rsa; ', testKey().record.slice(testKey().record.indexOf('p='))]];
    });
    try {
      const uri = uriIn(noKeysDir);
      const off = await client.open(uri, 'eml', signed());
      assert.deepEqual(authOnly(off), ['dkim-key-unavailable']);
      assert.deepEqual(asked, [], 'no DNS query while lookups are off');
      const first = client.nextDiagnostics(uri);
      await client.changeSettings({ dkim: { dnsLookups: true } });
      const pending = await first;
      assert.deepEqual(authOnly(pending), ['dkim-key-unavailable']);
      assert.match(pending.find((d) => d.code === 'dkim-key-unavailable')!.message as string, /DNS lookup is under way/);
      const after = client.nextDiagnostics(uri);
      release();
      assert.deepEqual(authOnly(await after), []);
      assert.deepEqual(asked, [NAME]);
      // Another document with the same key: answered from the cache.
      assert.deepEqual(authOnly(await client.open(uriIn(noKeysDir), 'eml', signed())), []);
      assert.deepEqual(asked, [NAME]);
    } finally {
      setTxtResolver(previous);
      await client.changeSettings({});
    }
  });

  test('ARC: lens, outline and hover of a sealed message', async () => {
    const uri = uriIn(noKeysDir);
    const text = arcSealSync(sampleMessage(), testKey());
    await client.changeSettings({ dkim: { keys: { [NAME]: testKey().record } } });
    try {
      assert.deepEqual(authOnly(await client.open(uri, 'eml', text)), []);
      assert.deepEqual((await client.codeLenses(uri)).map((l) => l.command?.title), ['ARC: pass (1 set)']);
      const auth = (await client.documentSymbols(uri)).find((s) => s.name === 'Authentication')!;
      assert.deepEqual(auth.children?.map((c) => `${c.name}: ${c.detail}`), ['ARC chain: pass (1 set)']);
      assert.deepEqual(auth.children?.[0].children?.map((c) => `${c.name}: ${c.detail}`), ['ARC set i=1: cv=none']);
      const seal = hoverText(await client.hover(uri, positionOf(text, 'cv=none', 1)));
      assert.match(seal, /ARC-Seal, set i=1 \(RFC 8617\)/);
      assert.match(seal, /none: the first set/);
      assert.match(seal, /Chain of 1 set: pass/);
      const aar = hoverText(await client.hover(uri, positionOf(text, 'mx.example.org', 1)));
      assert.match(aar, /ARC set i=1/);
      assert.match(aar, /\*\*dkim=pass\*\*/);
    } finally {
      await client.changeSettings({});
    }
  });

  test('hover on DKIM-Signature: tags decoded, dates, result', async () => {
    const uri = uriIn(dir);
    const text = signed();
    await client.open(uri, 'eml', text);
    const value = hoverText(await client.hover(uri, positionOf(text, 'bh=', 1)));
    assert.match(value, /DKIM signature \(RFC 6376\)/);
    assert.match(value, /Result: \*\*pass\*\*/);
    assert.match(value, /`rsa-sha256`/);
    assert.match(value, /`example\.org`/);
    assert.match(value, /`s1` → `s1\._domainkey\.example\.org`/);
    assert.match(value, /`relaxed\/relaxed`/);
    assert.match(value, /`From`, `Subject`/);
    assert.match(value, /2026-11-27T10:00:05\.000Z/);
    assert.match(value, /rsa, 1024 bits/);
    // On the name, the field's meaning comes first.
    const onName = hoverText(await client.hover(uri, positionOf(text, 'DKIM-Signature', 2)));
    assert.match(onName, /\*\*DKIM-Signature\*\*[^]*---[^]*Result: \*\*pass\*\*/);
  });

  test('hover on Authentication-Results explains each result', async () => {
    const uri = uriIn(dir);
    const text = sampleMessage(undefined, ['Authentication-Results: mx.example.net;', ' dkim=pass header.d=example.org header.s=s1;', ' spf=softfail (not allowed) smtp.mailfrom=example.org;', ' dmarc=temperror header.from=example.org']);
    await client.open(uri, 'eml', text);
    const value = hoverText(await client.hover(uri, positionOf(text, 'spf=softfail', 2)));
    assert.match(value, /Checked by: `mx\.example\.net`/);
    assert.match(value, /\*\*dkim=pass\*\*: a DKIM signature verified/);
    assert.match(value, /\*\*spf=softfail\*\*: .*probably not allowed.*\(not allowed\)/);
    assert.match(value, /`smtp\.mailfrom=example\.org`/);
    assert.match(value, /\*\*dmarc=temperror\*\*: a temporary error/);
  });

  test('outline: an Authentication entry with each signature and its result', async () => {
    const uri = uriIn(dir);
    await client.open(uri, 'eml', signed());
    const symbols = await client.documentSymbols(uri);
    const auth = symbols.find((s) => s.name === 'Authentication');
    assert.ok(auth, JSON.stringify(symbols.map((s) => s.name)));
    assert.deepEqual(auth.children?.map((c) => `${c.name}: ${c.detail}`), ['DKIM example.org (s1): pass']);
  });

  test('Persian: lens and hover', async () => {
    const { client: fa } = await startTestClient({ locale: 'fa' });
    try {
      const uri = uriIn(dir);
      const text = signed().replace('the report', 'the rep0rt');
      const diagnostics = await fa.open(uri, 'eml', text);
      assert.match(diagnostics.find((d) => d.code === 'dkim-body-hash-mismatch')!.message as string, /بدنه پس از امضا تغییر کرده است/);
      assert.deepEqual((await fa.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: بدنه تغییر کرده']);
      assert.match(hoverText(await fa.hover(uri, positionOf(text, 'bh=', 1))), /امضای DKIM/);
    } finally {
      await fa.dispose();
    }
  });

  test('Persian for every tag of the language: a client locale of "fas" gets the Persian lens (was English)', async () => {
    const { client: fa } = await startTestClient({ locale: 'fas' });
    try {
      const uri = uriIn(dir);
      const text = signed().replace('the report', 'the rep0rt');
      await fa.open(uri, 'eml', text);
      assert.deepEqual((await fa.codeLenses(uri)).map((l) => l.command?.title), ['DKIM: بدنه تغییر کرده']);
      assert.match(hoverText(await fa.hover(uri, positionOf(text, 'bh=', 1))), /امضای DKIM/);
    } finally {
      await fa.dispose();
    }
  });

  test('a transcript: a signed message in DATA whose body changed', async () => {
    const message = signed().replace('the report', 'the rep0rt');
    const lines = message.replace(/\r\n$/, '').split('\r\n').map((l) => `C: ${l.startsWith('.') ? `.${l}` : l}`);
    const transcript = ['S: 220 mx.example.net ESMTP', 'C: EHLO client.example.org', 'S: 250 mx.example.net', 'C: MAIL FROM:<alice@example.org>', 'S: 250 OK', 'C: RCPT TO:<bob@example.net>', 'S: 250 OK', 'C: DATA', 'S: 354 go ahead', ...lines, 'C: .', 'S: 250 queued', 'C: QUIT', 'S: 221 bye', ''].join('\n');
    const uri = uriIn(dir, 'smtp');
    const diagnostics = await client.open(uri, 'smtp-transcript', transcript);
    const bh = diagnostics.find((d) => d.code === 'dkim-body-hash-mismatch');
    assert.ok(bh, JSON.stringify(diagnostics.map((d) => d.code)));
    const line = transcript.split('\n')[bh.range.start.line];
    assert.match(line.slice(bh.range.start.character), /^bh=/);
  });
});
