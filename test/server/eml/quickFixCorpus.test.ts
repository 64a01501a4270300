/**
 * Every quick fix offered on the corpus removes a diagnostic of its code and
 * adds no error of another code (in-process, feature functions called directly).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../../../src/mail/codes';
import { emlFeatures } from '../../../src/server/eml/emlFeatures';
import type { FeatureContext } from '../../../src/server/features';
import { CORPUS_ROOT, listCorpusFiles } from '../../helpers/corpus';
import { featureContext } from './util';

const CORPUS = join(CORPUS_ROOT, 'eml');

const files = (dir: string): string[] => listCorpusFiles(dir, (name, size) => !/\.(json|xml|out)$/.test(name) && size < 300_000).sort();
const contextFor = (text: string): FeatureContext => featureContext(text);

const count = (problems: Problem[], code: string): number => problems.filter((p) => p.code === code).length;

test('quick fixes on the corpus remove their diagnostic and add no new error', () => {
  let applied = 0;
  const failures: string[] = [];
  for (const file of files(CORPUS)) {
    const text = readFileSync(file, 'utf8');
    const ctx = contextFor(text);
    const problems = emlFeatures.validate(ctx);
    const doneCodes = new Set<string>();
    for (const p of problems) {
      if (doneCodes.has(p.code)) continue;
      const d: lsp.Diagnostic = {
        range: { start: ctx.document.positionAt(p.offset), end: ctx.document.positionAt(p.offset + p.length) },
        message: p.message,
        code: p.code,
        source: 'eml',
        data: p.data,
      };
      const actions = emlFeatures.codeActions!(ctx, d.range, [d]);
      if (!actions.length) continue;
      doneCodes.add(p.code);
      const edits = actions[0].edit!.changes!['file:///x.eml'];
      const fixed = TextDocument.applyEdits(ctx.document, edits);
      const after = emlFeatures.validate(contextFor(fixed));
      applied++;
      if (count(after, p.code) >= count(problems, p.code)) failures.push(`${file}: ${p.code} not removed (${actions[0].title})`);
      const errorsBefore = new Set(problems.filter((x) => x.severity === 'error').map((x) => x.code));
      for (const x of after) {
        // Any edit to the body or a signed field of a signed message breaks its DKIM signature: that is what DKIM is for.
        if (x.code === 'dkim-body-hash-mismatch' || x.code === 'dkim-signature-invalid') continue;
        if (x.severity === 'error' && !errorsBefore.has(x.code)) failures.push(`${file}: fixing ${p.code} added ${x.code}: ${x.message}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(applied > 20, `fixes applied: ${applied}`);
});
