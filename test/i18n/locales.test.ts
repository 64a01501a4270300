/**
 * A language other than English lives in one file per side: src/mail/locales/<language>.ts
 * (its `CoreBundle`) and src/server/locales/<language>.ts (its `ServerBundle`),
 * each registered by one entry. So no other module of the core or the server
 * holds right-to-left text outside comments (English modules must not grow
 * a second language's strings again), every registered language other than
 * English has both files, and each file's export is the very bundle the
 * registry hands out.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { hasRtl } from '../../src/mail/bidi';
import { bundleFor, LANGUAGES } from '../../src/mail/i18n';
import { PERSIAN } from '../../src/mail/locales/fa';
import { PERSIAN_SERVER } from '../../src/server/locales/fa';
import { serverBundleFor } from '../../src/server/l10n';

const root = join(__dirname, '..', '..', '..');

/** Every .ts file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The code of a TypeScript source without its comments (the compiler drops them, so strings stay intact). */
function codeWithoutComments(source: string): string {
  return ts.transpileModule(source, { compilerOptions: { removeComments: true, target: ts.ScriptTarget.ES2022 } }).outputText;
}

test('right-to-left text in src/mail, src/server and src/cli code only in the locale files', () => {
  const files = ['mail', 'server', 'cli'].flatMap((side) => sourceFiles(join(root, 'src', side)));
  const outside = files.filter((f) => !/[\\/]locales[\\/]/.test(f) && hasRtl(codeWithoutComments(readFileSync(f, 'utf8'))));
  assert.deepEqual(outside.map((f) => relative(root, f)), []);
  // Near miss: the scan does see the strings of a locale file.
  assert.ok(hasRtl(codeWithoutComments(readFileSync(join(root, 'src', 'mail', 'locales', 'fa.ts'), 'utf8'))));
  // And comments are what it drops: a Persian example in a comment is not a text.
  assert.equal(hasRtl(codeWithoutComments('/** «۱۴٫۲ کیلوبایت» */\nexport const a = 1; // بایت\n')), false);
  assert.equal(hasRtl(codeWithoutComments("export const a = 'بایت';\n")), true);
});

test('every registered language other than English has one locale file per side', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    for (const side of ['mail', 'server']) {
      assert.ok(existsSync(join(root, 'src', side, 'locales', `${language}.ts`)), `src/${side}/locales/${language}.ts`);
    }
  }
  assert.deepEqual(
    sourceFiles(join(root, 'src', 'mail', 'locales')).map((f) => relative(join(root, 'src', 'mail', 'locales'), f)).sort(),
    sourceFiles(join(root, 'src', 'server', 'locales')).map((f) => relative(join(root, 'src', 'server', 'locales'), f)).sort(),
    'the same languages on both sides',
  );
});

test('the Persian locale files export the bundles the registries hand out', () => {
  assert.equal(bundleFor('fa'), PERSIAN);
  assert.equal(PERSIAN.language, 'fa');
  const server = serverBundleFor('fa-IR');
  assert.equal(server, PERSIAN_SERVER);
  // The server bundle extends the core's own Persian tables, not a copy.
  for (const key of Object.keys(PERSIAN) as (keyof typeof PERSIAN)[]) assert.equal(server[key], PERSIAN[key], key);
});
