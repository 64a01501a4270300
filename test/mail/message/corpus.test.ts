/**
 * Validates every message file of the shared corpus (/work/shared/corpus/eml)
 * and compares the per-file set of codes with the reviewed record
 * test/fixtures/eml/corpus-codes.json (see CORPUS-REVIEW.md beside it).
 *
 * Files are read as UTF-8, as the editor does. Skipped: expectation files
 * (.json/.xml/.out), mime4j's decoded bodies (*_decoded*), licence and README
 * texts. Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { validateMessage } from '../../../src/mail/message/validate';
import { parseMessage } from '../../../src/mail/message/parse';
import { CORPUS_ROOT, listCorpusFiles } from '../../helpers/corpus';

const corpus = join(CORPUS_ROOT, 'eml');
const recordFile = join(__dirname, '../../../../test/fixtures/eml/corpus-codes.json');

/** Message files: .eml .txt .raw .msg, minus non-messages. */
function messageFiles(dir: string): string[] {
  return listCorpusFiles(dir, (name) => /\.(eml|txt|raw|msg)$/.test(name) && !name.includes('_decoded') && !/^(README|ARTISTIC-LICENSE)\.txt$/.test(name)).sort();
}

describe('corpus: every message validates to its reviewed codes', () => {
  const files = messageFiles(corpus);
  const actual: Record<string, string[]> = {};
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    actual[relative(corpus, file)] = [...new Set(validateMessage(text).map((p) => p.code))].sort();
  }
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(recordFile, JSON.stringify(actual, null, 1) + '\n');
  const recorded = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, string[]>;

  it('finds the corpus (about 300 messages)', () => {
    assert.ok(files.length > 250, `only ${files.length} files under ${corpus}`);
  });
  it('the record lists exactly the corpus files', () => {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(recorded).sort());
  });
  for (const rel of Object.keys(actual)) {
    it(rel, () => assert.deepEqual(actual[rel], recorded[rel] ?? []));
  }

  it('well-formed messages (CPython defect tests that expect no defect) get no errors', () => {
    const expected = JSON.parse(readFileSync(join(corpus, 'cpython-defects', 'expected.json'), 'utf8')) as Record<string, { expected_raise_point: string[] }>;
    for (const [name, info] of Object.entries(expected)) {
      if (info.expected_raise_point.length) continue;
      const errors = validateMessage(readFileSync(join(corpus, 'cpython-defects', name), 'utf8')).filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => p.code), [], name);
    }
  });

  it('each CPython defect maps to our code', () => {
    const map: Record<string, string> = {
      InvalidBase64PaddingDefect: 'base64-invalid',
      FirstHeaderLineIsContinuationDefect: 'continuation-first',
      InvalidBase64CharactersDefect: 'base64-invalid',
      InvalidBase64LengthDefect: 'base64-invalid',
      NoBoundaryInMultipartDefect: 'boundary-missing',
      CloseBoundaryNotFoundDefect: 'closing-boundary-missing',
      MissingHeaderBodySeparatorDefect: 'header-syntax',
      StartBoundaryNotFoundDefect: 'boundary-not-found',
      InvalidMultipartContentTransferEncodingDefect: 'cte-composite',
    };
    const expected = JSON.parse(readFileSync(join(corpus, 'cpython-defects', 'expected.json'), 'utf8')) as Record<string, { expected_raise_point: string[] }>;
    for (const [name, info] of Object.entries(expected)) {
      const codes = new Set<string>(validateMessage(readFileSync(join(corpus, "cpython-defects", name), "utf8")).map((p) => p.code));
      for (const defect of info.expected_raise_point) {
        const code = map[defect];
        // Inner and outer multipart sharing a boundary: CPython finds no start boundary; we name the cause.
        const alternatives = defect === 'StartBoundaryNotFoundDefect' ? [code, 'boundary-invalid'] : [code];
        assert.ok(alternatives.some((c) => codes.has(c)), `${name}: ${defect} -> ${code}, got ${[...codes].join(', ')}`);
      }
    }
  });

  it('every corpus message parses with offsets inside the text and parts in order', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { root } = parseMessage(text);
      const stack = [root];
      while (stack.length) {
        const part = stack.pop()!;
        const ok = part.offset <= part.headerEnd && part.headerEnd <= part.bodyOffset && part.bodyOffset <= part.bodyEnd && part.bodyEnd <= text.length;
        assert.ok(ok, `${relative(corpus, file)} part ${part.path}: ${part.offset} ${part.headerEnd} ${part.bodyOffset} ${part.bodyEnd}`);
        let prev = part.bodyOffset;
        for (const child of part.children) {
          assert.ok(child.offset >= prev && child.end <= part.bodyEnd, `${relative(corpus, file)} child ${child.path}`);
          prev = child.end;
          stack.push(child);
        }
        if (part.embedded) stack.push(part.embedded);
      }
    }
  });
});
