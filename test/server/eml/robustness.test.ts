/**
 * Every eml feature over the whole corpus and over hostile documents, called
 * in-process without the server's guard (so an exception fails the test), and
 * the proof that one parse serves validation and all features of a version.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { emlFeatures } from '../../../src/server/eml/emlFeatures';
import type { FeatureContext } from '../../../src/server/features';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';
import { CORPUS_ROOT, listCorpusFiles } from '../../helpers/corpus';
import { featureContext } from './util';

const CORPUS = join(CORPUS_ROOT, 'eml');

const corpusFiles = (dir: string): string[] =>
  listCorpusFiles(dir, (name) => /\.(eml|raw|txt|msg)$/.test(name) || /^msg_\d+/.test(name) || /\.\d+$/.test(name)).sort();

/** A feature context like the server's (deep nesting allowed), counting how often each memo key is computed. */
const contextFor = (text: string, computed: Map<string, number>): FeatureContext =>
  featureContext(text, { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, maxDepth: 5000 } }, computed);

/** Runs every feature at a spread of positions. Throws if any feature throws. */
function exercise(text: string, computed = new Map<string, number>()): { problems: number; symbols: lsp.DocumentSymbol[] } {
  const ctx = contextFor(text, computed);
  const problems = emlFeatures.validate(ctx);
  const symbols = emlFeatures.documentSymbols!(ctx);
  emlFeatures.foldingRanges!(ctx);
  emlFeatures.semanticTokens!(ctx);
  const lines = ctx.document.lineCount;
  const step = Math.max(1, Math.floor(lines / 25));
  for (let line = 0; line < lines; line += step) {
    for (const character of [0, 12]) {
      const position = { line, character };
      emlFeatures.hover!(ctx, position);
      emlFeatures.completion!(ctx, position);
      emlFeatures.requests!['smtpEml/decodePart']({ uri: ctx.document.uri, position }, () => ctx);
    }
  }
  const diagnostics: lsp.Diagnostic[] = problems.map((p) => ({
    range: { start: ctx.document.positionAt(p.offset), end: ctx.document.positionAt(p.offset + p.length) },
    message: p.message,
    code: p.code,
    source: 'eml',
    data: p.data,
  }));
  emlFeatures.codeActions!(ctx, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics.slice(0, 300));
  return { problems: problems.length, symbols };
}

describe('eml features on the corpus and hostile input', () => {
  test('every corpus message: no feature throws', () => {
    const files = corpusFiles(CORPUS);
    assert.ok(files.length > 100, `corpus found (${files.length} files)`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
        try {
          exercise(variant);
        } catch (err) {
          assert.fail(`${file}: ${err instanceof Error ? err.stack : String(err)}`);
        }
      }
    }
  });

  test('one parse and one validation serve every feature of a version (1 MB message)', () => {
    const text = readFileSync(join(CORPUS, 'mailparser', 'large_text.eml'), 'utf8');
    assert.ok(text.length > 1_000_000);
    const computed = new Map<string, number>();
    const { symbols } = exercise(text, computed);
    const keys = [...computed.keys()];
    assert.deepEqual(keys.filter((k) => k.startsWith('eml.parse')).map((k) => computed.get(k)), [1], keys.join());
    assert.deepEqual(keys.filter((k) => k.startsWith('eml.problems')).map((k) => computed.get(k)), [1], keys.join());
    assert.ok(symbols.length >= 2);
  });

  const hostile: Array<[string, () => string]> = [
    ['one 1 MB line', () => 'Subject: ' + 'x'.repeat(1 << 20)],
    ['256 KB header line of encoded-word openers', () => 'Subject: ' + '=?'.repeat(1 << 17) + '\n\nx'],
    ['binary bytes', () => Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 131) & 0xff)).toString('latin1')],
    ['NULs and bare CRs', () => 'From: a\0b\rc\n\n\0\0\r\r'],
    ['50k header fields', () => Array.from({ length: 50_000 }, (_, i) => `X-F${i}: v`).join('\n') + '\n\nbody'],
    ['10k parts', () => `Content-Type: multipart/mixed; boundary=b\n\n${Array.from({ length: 10_000 }, () => '--b\nContent-Type: text/plain\n\nx\n').join('')}--b--\n`],
    ['unclosed quotes and brackets', () => 'From: "a <b@c\nTo: <<<<\nContent-Type: multipart/mixed; boundary="\n\n--\n'],
  ];
  for (const [name, make] of hostile) {
    test(`hostile: ${name}`, () => {
      exercise(make());
    });
  }

  test('1000-deep nesting: every feature, no stack overflow', () => {
    const lines = ['From: a@example.com'];
    for (let i = 0; i < 1000; i++) lines.push(`Content-Type: multipart/mixed; boundary="b${i}"`, '', `--b${i}`);
    lines.push('Content-Type: text/plain', '', 'deep');
    for (let i = 999; i >= 0; i--) lines.push(`--b${i}--`);
    const { symbols } = exercise(lines.join('\r\n'));
    assert.ok(symbols.length >= 2);
  });
});
