import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as vsctm from 'vscode-textmate';
import { loadGrammar, scopesOf, tokenizeLines } from './grammarHarness';

// The guide forbids catastrophic backtracking and timing thresholds. These tests (1) count the
// tokenizer's regex scans on adversarial inputs of size n and 4n and require the count to grow
// linearly, and (2) tokenize a 1 MB line and a 10 MB message to the end (vscode-textmate's
// stoppedEarly must stay false). regexSafety.test.ts checks the regex shapes themselves.

type Scope = 'text.eml' | 'text.smtp-transcript';
/** Adversarial documents: each builds a document from a size n. */
const FAMILIES: [string, Scope, (n: number) => string[]][] = [
  ['address list a@b,', 'text.eml', (n) => ['From: ' + 'a@b,'.repeat(n)]],
  ['unclosed quotes "\\', 'text.eml', (n) => ['To: ' + '"\\'.repeat(n)]],
  ['comments (a', 'text.eml', (n) => ['Cc: ' + '(a'.repeat(n)]],
  ['angle addresses <a', 'text.eml', (n) => ['To: ' + '<a'.repeat(n)]],
  ['words without @', 'text.eml', (n) => ['To: ' + 'abc '.repeat(n)]],
  ['encoded-word starts =?a', 'text.eml', (n) => ['Subject: ' + '=?a'.repeat(n)]],
  ['parameters a=b;', 'text.eml', (n) => ['Content-Type: text/plain; ' + 'a=b;'.repeat(n)]],
  ['DKIM tags a=b;', 'text.eml', (n) => ['DKIM-Signature: ' + 'a=b;'.repeat(n)]],
  ['Received keywords', 'text.eml', (n) => ['Received: ' + 'from by '.repeat(n)]],
  ['date-like digits', 'text.eml', (n) => ['Date: ' + '1 Jan '.repeat(n)]],
  ['long field name', 'text.eml', (n) => ['X-' + 'a'.repeat(4 * n) + ': v']],
  ['header line without colon', 'text.eml', (n) => ['a'.repeat(4 * n)]],
  ['quoted-printable =3D', 'text.eml', (n) => ['A: b', '', '=3D'.repeat(n)]],
  ['base64 line', 'text.eml', (n) => ['A: b', '', 'QUJD'.repeat(n)]],
  ['base64-like line ending badly', 'text.eml', (n) => ['A: b', '', 'QUJD'.repeat(n) + '!']],
  ['dash line', 'text.eml', (n) => ['A: b', '', '-'.repeat(4 * n) + ' x']],
  ['quote markers', 'text.eml', (n) => ['A: b', '', '>'.repeat(4 * n)]],
  ['many folded lines', 'text.eml', (n) => ['To: a@b.c,', ...Array.from({ length: n }, () => ' d@e.f,')]],
  ['many parts', 'text.eml', (n) => ['Content-Type: multipart/mixed; boundary=b', '', ...Array.from({ length: n }, () => ['--b', 'Content-Type: text/html', '', '<p>x</p>']).flat(), '--b--']],
  ['ESMTP parameters', 'text.smtp-transcript', (n) => ['C: MAIL FROM:<a@b> ' + 'A=b '.repeat(n)]],
  ['long reply', 'text.smtp-transcript', (n) => ['S: 250-' + 'ab '.repeat(n)]],
  ['DATA header line', 'text.smtp-transcript', (n) => ['S: 354 go', 'C: To: ' + 'a@b,'.repeat(n), 'C: .']],
  ['DATA lines', 'text.smtp-transcript', (n) => ['S: 354 go', 'C: A: b', 'C:', ...Array.from({ length: n }, () => 'C: x=3D y'), 'C: .']],
  ['log lines', 'text.smtp-transcript', (n) => ['[' + 'a'.repeat(4 * n)]],
  ['swaks DATA lines', 'text.smtp-transcript', (n) => ['<-  354 go', ' -> To: ' + 'a@b,'.repeat(n), ' -> ', ...Array.from({ length: n }, () => ' -> x=3D y'), ' -> .']],
];

const N = 2048;
for (const [name, scope, build] of FAMILIES) {
  test(`linear regex work: ${name} (${scope})`, async () => {
    const grammar = await loadGrammar(scope);
    const small = tokenizeLines(grammar, build(N));
    const large = tokenizeLines(grammar, build(4 * N));
    assert.equal(small.stoppedEarly, false);
    assert.equal(large.stoppedEarly, false);
    // Four times the input may cost at most a little over four times the scans and tokens.
    assert.ok(large.scans <= 4.5 * small.scans + 64, `scans ${small.scans} -> ${large.scans}`);
    assert.ok(large.tokens <= 4.5 * small.tokens + 64, `tokens ${small.tokens} -> ${large.tokens}`);
  });
}

const MB = 1 << 20;
for (const [name, lines, minTokens] of [
  // Escapes between letters: one token each (a run of escapes is one token, see below).
  ['a 1 MB quoted-printable line of =3Dx', ['A: b', '', '=3Dx'.repeat(MB / 4)], MB / 4],
  ['a 1 MB base64 line', ['A: b', '', 'QUJD'.repeat(MB / 4)], 1],
  ['a 1 MB address list of a@b,', ['To: ' + 'a@b,'.repeat(MB / 4)], MB / 4],
] as [string, string[], number][]) {
  test(`tokenizes ${name} to the end`, async () => {
    const result = tokenizeLines(await loadGrammar('text.eml'), lines);
    assert.equal(result.stoppedEarly, false);
    assert.ok(result.tokens >= minTokens, `${result.tokens} tokens`);
  });
}

test('tokenizes a 1 MB quoted-printable line of =3D to the end as one run of escapes', async () => {
  const line = '=3D'.repeat(MB / 3);
  const lines = scopesOf(await loadGrammar('text.eml'), ['A: b', '', line].join('\n'));
  const last = lines[2]!;
  assert.equal(last.map((t) => t.text).join(''), line);
  assert.ok(last.every((t) => t.scopes.includes('constant.character.escape.quoted-printable.eml')), JSON.stringify(last.map((t) => t.scopes)));
});

test('tokenizes a 10 MB multipart message to the end, keeping its structure', async () => {
  const grammar = await loadGrammar('text.eml');
  const lines: string[] = [
    'From: Alice <alice@example.com>',
    'To: bob@example.org',
    'Subject: =?utf-8?q?big?=',
    'Date: Thu, 1 Jan 2026 00:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
  ];
  for (let i = 0; i < 20_000; i++) lines.push('Some text with =3D escapes and a soft line break at the end=');
  lines.push('--b1', 'Content-Type: text/html', '');
  for (let i = 0; i < 20_000; i++) lines.push('<p class="x">Hello &amp; welcome, Note: this</p>');
  lines.push('--b1', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '');
  const base64Line = 'QUJD'.repeat(19);
  let size = lines.reduce((s, l) => s + l.length + 2, 0);
  while (size < 10 * MB) {
    lines.push(base64Line);
    size += base64Line.length + 2;
  }
  lines.push('--b1--');

  let state = vsctm.INITIAL;
  const scopesAt = new Map<number, string[][]>();
  const probes = new Set([5, 11, 20_011, 20_015, lines.length - 2, lines.length - 1]);
  for (let i = 0; i < lines.length; i++) {
    const r = grammar.tokenizeLine(lines[i], state, 120_000);
    assert.equal(r.stoppedEarly, false, `line ${i}`);
    state = r.ruleStack;
    if (probes.has(i)) scopesAt.set(i, r.tokens.map((t) => t.scopes));
  }
  const has = (line: number, scope: string) => scopesAt.get(line)!.some((s) => s.includes(scope));
  assert.ok(has(5, 'keyword.other.header.mime.eml'));
  assert.ok(has(11, 'constant.character.escape.quoted-printable.eml'));
  assert.ok(has(20_015, 'meta.embedded.block.html'));
  assert.ok(!has(20_015, 'keyword.other.header.standard.eml'));
  assert.ok(has(lines.length - 2, 'string.unquoted.base64.eml'));
  assert.ok(has(lines.length - 1, 'markup.heading.boundary.close.eml'));
});

// vscode-textmate walks the whole rule stack on every line, so a stack that grew with the
// input's nesting would make tokenizing quadratic in the depth. Deep nesting must leave the
// stack shallow (a count, not a clock).
for (const [name, build] of [
  ['1000 nested multiparts', (n: number) => Array.from({ length: n }, (_, i) => [`Content-Type: multipart/mixed; boundary=b${i}`, '', `--b${i}`]).flat()],
  ['a chain of 1000 message/rfc822 parts without boundaries', (n: number) => ['From: a@b.example', ...Array.from({ length: n }, () => ['Content-Type: message/rfc822', '']).flat()]],
  ['1000 nested report and html parts', (n: number) => Array.from({ length: n }, (_, i) => [`--b${i}`, i % 2 ? 'Content-Type: text/html' : 'Content-Type: message/delivery-status', '', 'Status: 5.0.0']).flat()],
] as [string, (n: number) => string[]][]) {
  test(`the tokenizer state stays shallow: ${name}`, async () => {
    const grammar = await loadGrammar('text.eml');
    let state = vsctm.INITIAL;
    let deepest = 0;
    for (const line of build(1000)) {
      state = grammar.tokenizeLine(line, state).ruleStack;
      deepest = Math.max(deepest, state.depth);
    }
    assert.ok(deepest <= 12, `rule stack depth ${deepest}`);
  });
}
