/**
 * Transcript features through the real server over an in-process stream pair:
 * diagnostics, hover, outline, folding, completion, code lens, inlay hints,
 * semantic tokens, the credential quick fix and the dialect conversion.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { applyEdits, cursor, sample, uri } from './util';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'smtp');
const items = (r: lsp.CompletionItem[] | lsp.CompletionList): lsp.CompletionItem[] => (Array.isArray(r) ? r : r.items);
const hoverText = (h: lsp.Hover | null): string => (h ? (h.contents as lsp.MarkupContent).value : '');

for (const eol of ['\r\n', '\n']) {
  describe(`smtp server features (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await startTestClient());
    });
    after(async () => {
      await client.dispose();
    });

    test('a clean session has no diagnostics', async () => {
      const diagnostics = await client.open(uri(), 'smtp-transcript', sample(eol));
      assert.deepEqual(diagnostics.map((d) => d.code), []);
    });

    test('diagnostics carry source, code, RFC link and the exact range', async () => {
      const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: RCPT TO:<b@example.org>', 'S: 503 need MAIL', 'C: QUIT', 'S: 221 bye', ''].join(eol);
      const [d] = await client.open(uri(), 'smtp-transcript', text);
      assert.equal(d.code, 'out-of-sequence');
      assert.equal(d.source, 'smtp');
      assert.match(d.codeDescription!.href, /rfc5321#section-4\.1\.4/);
      assert.deepEqual(d.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 7 } });
    });

    test('message problems inside DATA land on the transcript line (source eml)', async () => {
      const text = sample(eol).replace(`C: Date: Fri, 01 Mar 2024 10:00:00 +0000${eol}`, '');
      const diagnostics = await client.open(uri(), 'smtp-transcript', text);
      const date = diagnostics.find((d) => d.code === 'missing-date');
      assert.ok(date, JSON.stringify(diagnostics));
      assert.equal(date.source, 'eml');
      assert.ok(date.range.start.line >= 16 && date.range.start.line <= 22, `line ${date.range.start.line}`);
    });

    test('hover: command, reply code, enhanced code, EHLO keyword', async () => {
      const u = uri();
      await client.open(u, 'smtp-transcript', sample(eol));
      const mail = hoverText(await client.hover(u, { line: 6, character: 4 }));
      assert.match(mail, /\*\*MAIL\*\* \(RFC 5321 §4\.1\.1\.2\)/);
      assert.match(mail, /MAIL FROM:<reverse-path>/);
      assert.match(mail, /552/);
      const code = await client.hover(u, { line: 11, character: 4 });
      assert.match(hoverText(code), /\*\*550\*\* Mailbox unavailable/);
      assert.match(hoverText(code), /5yz Permanent Negative/);
      assert.match(hoverText(code), /x5z Mail system/);
      assert.match(hoverText(code), /In reply to RCPT/);
      assert.deepEqual(code!.range, { start: { line: 11, character: 3 }, end: { line: 11, character: 6 } });
      const enhanced = hoverText(await client.hover(u, { line: 11, character: 8 }));
      assert.match(enhanced, /5\.1\.1/);
      assert.match(enhanced, /Permanent Failure/);
      assert.match(enhanced, /Addressing Status/);
      assert.match(enhanced, /Bad destination mailbox address/);
      const kw = hoverText(await client.hover(u, { line: 3, character: 9 }));
      assert.match(kw, /PIPELINING \(RFC 2920\)/);
      const greeting = hoverText(await client.hover(u, { line: 0, character: 4 }));
      assert.match(greeting, /\*\*220\*\* Service ready/);
      assert.match(greeting, /greeting/);
      assert.equal(await client.hover(u, { line: 18, character: 5 }), null, 'no hover inside the message');
      const params = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 AUTH PLAIN', 'C: AUTH PLAIN <redacted>', 'S: 235 ok', 'C: MAIL FROM:<a@example.org> SIZE=1000 BODY=8BITMIME', 'S: 250 OK', 'C: QUIT', 'S: 221 bye', ''].join(eol);
      const u2 = uri();
      await client.open(u2, 'smtp-transcript', params);
      assert.match(hoverText(await client.hover(u2, { line: 4, character: 10 })), /^PLAIN \(RFC 4616\)/);
      const size = await client.hover(u2, { line: 6, character: 33 });
      assert.match(hoverText(size), /\*\*SIZE\*\* \(RFC 1870 §6\)/);
      assert.deepEqual(size!.range, { start: { line: 6, character: 29 }, end: { line: 6, character: 38 } });
      assert.match(hoverText(await client.hover(u2, { line: 6, character: 45 })), /\*\*BODY\*\*/);
    });

    test('outline: connection, EHLO with extensions, transactions with recipients and outcome, QUIT', async () => {
      const u = uri();
      await client.open(u, 'smtp-transcript', sample(eol));
      const symbols = await client.documentSymbols(u);
      assert.deepEqual(symbols.map((s) => s.name), ['Connection', 'EHLO client.example.org', 'Transaction from <ann@example.org>', 'Transaction from <ann@example.org>', 'QUIT']);
      assert.deepEqual(symbols[1].children!.map((c) => c.name), ['PIPELINING', 'ENHANCEDSTATUSCODES', '8BITMIME']);
      const t = symbols[2];
      assert.equal(t.detail, 'delivered to 2 of 3 recipients: 250 2.0.0 Ok: queued as 4TmQ');
      assert.deepEqual(t.children!.map((c) => [c.name, c.detail]), [
        ['From <ann@example.org>', '250 2.1.0 Ok'],
        ['To <bob@example.com>', '250 accepted'],
        ['To <nobody@example.com>', '550 refused'],
        ['To <cy@example.com>', '250 accepted'],
        ['Message', '172 octets, 7 lines'],
        ['Final reply', '250 2.0.0 Ok: queued as 4TmQ'],
      ]);
      assert.equal(symbols[3].detail, 'rejected at DATA: 552 5.3.4 Message size exceeds fixed limit');
      // Ranges nest: every child lies inside its parent.
      for (const s of symbols) {
        for (const c of s.children ?? []) {
          assert.ok(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line, `${c.name} inside ${s.name}`);
        }
      }
    });

    test('folding: transactions, multi-line replies, DATA bodies', async () => {
      const u = uri();
      await client.open(u, 'smtp-transcript', sample(eol));
      const ranges = (await client.foldingRanges(u)).map((r) => [r.startLine, r.endLine]);
      assert.deepEqual(ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]), [[2, 5], [6, 24], [14, 23], [25, 30]]);
    });

    test('code lens and inlay hints show each transaction outcome', async () => {
      const u = uri();
      await client.open(u, 'smtp-transcript', sample(eol));
      const lenses = await client.codeLenses(u);
      assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
        [6, 'delivered to 2 of 3 recipients: 250 2.0.0 Ok: queued as 4TmQ'],
        [25, 'rejected at DATA: 552 5.3.4 Message size exceeds fixed limit'],
      ]);
      const hints = await client.inlayHints(u, { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } });
      assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [
        [24, '→ delivered to 2 of 3 recipients: 250 2.0.0 Ok: queued as 4TmQ'],
        [30, '→ rejected at DATA: 552 5.3.4 Message size exceeds fixed limit'],
      ]);
      const none = await client.inlayHints(u, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } });
      assert.deepEqual(none, []);
    });

    test('completion: verbs in a C: line, path snippets, reply codes for the previous command', async () => {
      const verb = cursor(['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MA|'].join(eol));
      const u1 = uri();
      await client.open(u1, 'smtp-transcript', verb.text);
      const verbs = items(await client.completion(u1, verb.position));
      const mail = verbs.find((i) => i.label === 'MAIL')!;
      assert.equal((mail.textEdit as lsp.TextEdit).newText, 'MAIL FROM:<${1:sender@example.org}>');
      assert.ok(verbs.some((i) => i.label === 'STARTTLS'));

      const path = cursor(['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT |'].join(eol));
      const u2 = uri();
      await client.open(u2, 'smtp-transcript', path.text);
      const snippet = items(await client.completion(u2, path.position));
      assert.deepEqual(snippet.map((i) => (i.textEdit as lsp.TextEdit).newText), ['TO:<${1:recipient@example.com}>']);

      const reply = cursor(['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: RSET', 'S: |'].join(eol));
      const u3 = uri();
      await client.open(u3, 'smtp-transcript', reply.text);
      assert.deepEqual(items(await client.completion(u3, reply.position)).map((i) => i.label), ['250']);
      const afterData = cursor(['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 3|'].join(eol));
      const u4 = uri();
      await client.open(u4, 'smtp-transcript', afterData.text);
      const codes = items(await client.completion(u4, afterData.position)).map((i) => i.label);
      assert.equal(codes[0], '354');
      assert.ok(!codes.includes('221'));
      const inData = cursor(['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subj|'].join(eol));
      const u5 = uri();
      await client.open(u5, 'smtp-transcript', inData.text);
      assert.deepEqual(items(await client.completion(u5, inData.position)), [], 'no verbs inside the message');
    });

    test('quick fix redacts credentials; the diagnostic is gone and nothing new appears', async () => {
      const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 AUTH PLAIN LOGIN', 'C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: dXNlckBleGFtcGxlLm9yZw==', 'S: 334 UGFzc3dvcmQ6', 'C: czNjcjN0', 'S: 235 ok', 'C: QUIT', 'S: 221 bye', ''].join(eol);
      const u = uri();
      const diagnostics = await client.open(u, 'smtp-transcript', text);
      const creds = diagnostics.filter((d) => d.code === 'credentials-exposed');
      assert.equal(creds.length, 2);
      const actions = await client.codeActions(u, creds[1].range, [creds[1]]);
      const fix = actions.find((a) => a.title === 'Redact the credentials')!;
      const fixed = applyEdits(text, fix.edit!.changes![u]);
      assert.match(fixed, /C: <redacted>\r?\nS: 235/);
      const after = await client.change(u, [{ text: fixed }]);
      assert.deepEqual(after.map((d) => d.code), ['credentials-exposed']);
      // Redact all.
      const all = (await client.codeActions(u, after[0].range, after)).find((a) => a.title === 'Redact the credentials')!;
      const clean = applyEdits(fixed, all.edit!.changes![u]);
      assert.deepEqual(await client.change(u, [{ text: clean }]), []);
    });

    test('quick fix redacts AUTH data written in plain text (swaks --auth-plaintext)', async () => {
      const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 AUTH PLAIN LOGIN', 'C: AUTH LOGIN', 'S: 334 Username:', 'C: me@example.org', 'S: 334 Password:', 'C: s3cret', 'S: 235 ok', 'C: QUIT', 'S: 221 bye', ''].join(eol);
      const u = uri();
      const diagnostics = await client.open(u, 'smtp-transcript', text);
      const creds = diagnostics.filter((d) => d.code === 'credentials-exposed');
      assert.deepEqual(creds.map((d) => d.range.start.line), [6, 8]);
      const all = (await client.codeActions(u, creds[0].range, creds)).find((a) => a.title === 'Redact all credentials in this transcript')!;
      const clean = applyEdits(text, all.edit!.changes![u]);
      assert.ok(!clean.includes('s3cret') && !clean.includes('me@example.org'), clean);
      assert.deepEqual(await client.change(u, [{ text: clean }]), []);
    });

    test('PRDR: the code lens shows each recipient\'s own answer above its RCPT line', async () => {
      const text = [
        'S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 PRDR',
        'C: MAIL FROM:<a@example.org> PRDR', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: RCPT TO:<c@example.org>', 'S: 250 OK',
        'C: DATA', 'S: 354 go', 'C: From: a@example.org', 'C: To: b@example.org', 'C: Subject: x', 'C: Date: Fri, 27 Nov 2026 10:00:00 +0000', 'C: Message-ID: <1@example.org>', 'C:', 'C: hi', 'C: .',
        'S: 353 PRDR content analysis beginning', 'S: 250 accepted for b', 'S: 550 5.7.1 refused for c', 'S: 250 done',
        'C: QUIT', 'S: 221 bye', '',
      ].join(eol);
      const u = uri();
      assert.deepEqual((await client.open(u, 'smtp-transcript', text)).map((d) => d.code), []);
      const lenses = await client.codeLenses(u);
      assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
        [4, 'delivered to 1 of 2 recipients: 250 done'],
        [6, 'PRDR: <b@example.org> answered 250 accepted for b'],
        [8, 'PRDR: <c@example.org> answered 550 5.7.1 refused for c'],
      ]);
    });

    test('quick fixes for MAIL FROM: with a space, and a path without brackets', async () => {
      const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250 mx', 'C: MAIL FROM: <a@example.org>', 'S: 250 OK', 'C: RCPT TO:b@example.org', 'S: 250 OK', 'C: RSET', 'S: 250 OK', 'C: QUIT', 'S: 221 bye', ''].join(eol);
      const u = uri();
      const diagnostics = await client.open(u, 'smtp-transcript', text);
      assert.deepEqual(diagnostics.map((d) => d.code), ['command-syntax', 'command-syntax']);
      const edits: lsp.TextEdit[] = [];
      for (const d of diagnostics) {
        const fix = (await client.codeActions(u, d.range, [d])).find((a) => a.isPreferred)!;
        edits.push(...fix.edit!.changes![u]);
      }
      const fixed = applyEdits(text, edits);
      assert.match(fixed, /C: MAIL FROM:<a@example\.org>\r?\n/);
      assert.match(fixed, /C: RCPT TO:<b@example\.org>\r?\n/);
      assert.deepEqual(await client.change(u, [{ text: fixed }]), []);
    });

    test('"Redact all credentials" fixes every AUTH line at once', async () => {
      const text = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 AUTH PLAIN LOGIN', 'C: AUTH LOGIN dXNlcg==', 'S: 334 UGFzc3dvcmQ6', 'C: cGFzcw==', 'S: 235 ok', 'C: QUIT', 'S: 221 bye', ''].join(eol);
      const u = uri();
      const diagnostics = await client.open(u, 'smtp-transcript', text);
      const actions = await client.codeActions(u, diagnostics[0].range, diagnostics);
      const all = actions.find((a) => a.title === 'Redact all credentials in this transcript')!;
      const fixed = applyEdits(text, all.edit!.changes![u]);
      assert.match(fixed, /C: AUTH LOGIN <redacted>/);
      assert.deepEqual(await client.change(u, [{ text: fixed }]), []);
    });

    test('dialect conversion action: swaks log to C:/S:, same diagnostics afterwards', async () => {
      const text = readFileSync(join(FIXTURES, 'swaks-rcpt-rejected.txt'), 'utf8').replace(/\r?\n/g, eol);
      const u = uri('swaks');
      const before = await client.open(u, 'smtp-transcript', text);
      assert.deepEqual(before, []);
      const actions = await client.codeActions(u, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      const convert = actions.find((a) => a.title === 'Convert this swaks output to a C:/S: transcript')!;
      assert.equal(convert.kind, 'refactor.rewrite');
      const converted = applyEdits(text, convert.edit!.changes![u]);
      assert.match(converted, new RegExp(`^# Trying 192\\.0\\.2\\.25:25\\.\\.\\.${eol}# Connected to 192\\.0\\.2\\.25\\.${eol}S: 220 mx\\.example\\.net`));
      assert.match(converted, /S: 550 Unrouteable address/);
      assert.deepEqual(await client.change(u, [{ text: converted }]), []);
      const again = await client.codeActions(u, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
      assert.ok(!again.some((a) => a.title.startsWith('Convert')), 'no conversion offered for a canonical file');
    });

    test('quick fix turns RFC pseudo-lines and prose into annotations', async () => {
      const corpus = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'smtp', 'rfc', 'rfc3207-5-starttls.txt');
      const text = readFileSync(corpus, 'utf8').replace(/\r?\n/g, eol);
      const u = uri('rfc');
      const diagnostics = await client.open(u, 'smtp-transcript', text);
      const fixable = diagnostics.filter((d) => ['line-prefix', 'unknown-command', 'reply-code-invalid'].includes(String(d.code)));
      assert.equal(fixable.length, 5);
      const edits: lsp.TextEdit[] = [];
      for (const d of fixable) {
        const actions = await client.codeActions(u, d.range, [d]);
        const fix = actions.find((a) => a.title === 'Turn this line into a # annotation')!;
        edits.push(...fix.edit!.changes![u]);
      }
      const fixed = applyEdits(text, edits);
      assert.match(fixed, /^# <waits for connection on TCP port 25>\r?\n# <opens connection>\r?\nS: 220/);
      assert.match(fixed, /# C & S: <negotiate a TLS session>/);
      const after = await client.change(u, [{ text: fixed }]);
      assert.deepEqual(after.map((d) => d.code), ['missing-quit']);
    });

    test('a swaks log: outline with TLS and AUTH, hover on its verbs and codes', async () => {
      const text = readFileSync(join(FIXTURES, 'swaks-starttls-auth.txt'), 'utf8').replace(/\r?\n/g, eol);
      const u = uri('swaks');
      await client.open(u, 'smtp-transcript', text);
      const symbols = await client.documentSymbols(u);
      assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [
        ['Connection', '220 mail.example.com ESMTP Postfix (Debian/GNU)'],
        ['EHLO client.example.org', '6 extensions'],
        ['TLS', '220 2.0.0 Ready to start TLS'],
        ['EHLO client.example.org', '6 extensions'],
        ['AUTH LOGIN', '235 2.7.0 Authentication successful'],
        ['Transaction from <user@example.org>', 'delivered to 1 recipient: 250 2.0.0 Ok: queued as 4TmQ2b0mXKz9sWl'],
        ['QUIT', '221 2.0.0 Bye'],
      ]);
      assert.match(hoverText(await client.hover(u, { line: 11, character: 5 })), /\*\*STARTTLS\*\* \(RFC 3207 §4\)/);
      assert.match(hoverText(await client.hover(u, { line: 12, character: 5 })), /\*\*220\*\*/);
      assert.match(hoverText(await client.hover(u, { line: 20, character: 9 })), /AUTH \(RFC 4954\)/);
    });

    test('semantic tokens: verbs, addresses, EHLO keywords; reply codes and the DATA message are left to the grammar', async () => {
      const u = uri();
      const text = sample(eol);
      await client.open(u, 'smtp-transcript', text);
      const tokens = await client.semanticTokens(u);
      assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
      // Decode the relative encoding into absolute (line, character, length, type).
      const lines = text.split(eol);
      const decoded: Array<{ line: number; character: number; text: string; type: number }> = [];
      let line = 0;
      let character = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [dl, dc, length, type] = tokens.data.slice(i, i + 4) as [number, number, number, number];
        line += dl;
        character = dl === 0 ? character + dc : dc;
        decoded.push({ line, character, text: lines[line]!.slice(character, character + length), type });
      }
      const keyword = 1;
      // The first token is EHLO (line 1): the greeting's 220 on line 0 has none.
      assert.deepEqual(decoded[0], { line: 1, character: 3, text: 'EHLO', type: keyword });
      assert.ok(decoded.some((t) => t.text === 'PIPELINING'), JSON.stringify(decoded));
      assert.ok(decoded.some((t) => t.text === 'ann@example.org' && lines[t.line]!.startsWith('C: MAIL')), JSON.stringify(decoded));
      // A semantic token would replace the grammar's per-class colour (2xx/4xx/5xx) and the
      // embedded message's field colours with one colour per token type.
      for (const t of decoded) {
        assert.ok(!(lines[t.line]!.startsWith('S:') && t.character === 3), `no token on a reply code: ${JSON.stringify(t)}`);
        assert.ok(!/^C: (From|To|Subject|Date|Message-ID):/.test(lines[t.line]!), `no token inside DATA: ${JSON.stringify(t)}`);
      }
      assert.ok(!decoded.some((t) => /^\d{3}$/.test(t.text)), `no reply code token: ${JSON.stringify(decoded)}`);
    });
  });
}

test('hostile transcripts do not break features', async () => {
  const { client } = await startTestClient();
  try {
    const huge = ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 PIPELINING'];
    for (let i = 0; i < 3000; i++) huge.push('C: NOOP', 'S: 250 OK');
    huge.push('C: ' + 'x'.repeat(200000), 'S: 500 too long', '\u0000\u0001binary', 'C: QUIT');
    const u = uri('huge');
    const diagnostics = await client.open(u, 'smtp-transcript', huge.join('\n'));
    assert.ok(diagnostics.some((d) => d.code === 'command-too-long'));
    assert.ok(diagnostics.some((d) => d.code === 'line-prefix'));
    assert.ok((await client.documentSymbols(u)).length > 0);
    await client.foldingRanges(u);
    await client.semanticTokens(u);
    assert.equal(await client.hover(u, { line: 6005, character: 1 }), null);
  } finally {
    await client.dispose();
  }
});
