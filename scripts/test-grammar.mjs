// Grammar tests (called by scripts/test.mjs, phase "grammar"; alone: node scripts/test-grammar.mjs).
//   1. syntaxes/*.tmLanguage.json are up to date with syntaxes/src/grammars.mjs;
//   2. vscode-tmgrammar-test unit assertions: test/grammar/unit/*.test;
//   3. vscode-tmgrammar-snap snapshots of corpus files (listed below) against test/grammar/snap/.
// `--update` rewrites the snapshots (and still runs 1 and 2).
//
// The corpus lives in ../shared/corpus and must not be copied into the repo, while
// vscode-tmgrammar-snap expects `<file>.snap` beside `<file>` and picks the grammar by file
// extension. So each corpus file is copied into a temporary directory under a name ending in
// .eml or .smtp, the stored snapshot is copied beside it, the tool runs there, and (with --update)
// the new snapshot is copied back. The temporary directory is always deleted.
//
// text.html.basic (which the eml grammar embeds for text/html parts) ships inside VS Code, not on
// npm; the tests load the small stand-in test/grammar/fixtures/html-standin.tmLanguage.json under
// that scope name. Snapshots therefore show the stand-in's HTML scopes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, '..', 'shared', 'corpus');
const snapDir = join(root, 'test', 'grammar', 'snap');
const htmlStandIn = join(root, 'test', 'grammar', 'fixtures', 'html-standin.tmLanguage.json');
const update = process.argv.includes('--update');
const bin = (name) => join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', `${name}.js`);

/** Corpus files to snapshot (small ones: the snapshot holds every line and its scopes). */
const SNAPSHOT_FILES = [
  'eml/cpython/msg_02.txt',
  'eml/cpython/msg_04.txt',
  'eml/cpython/msg_10.txt',
  'eml/cpython/msg_20.txt',
  'eml/cpython/msg_38.txt',
  'eml/cpython/msg_45.txt',
  'eml/cpython-defects/test_first_line_is_continuation_header.eml',
  'eml/cpython-defects/test_missing_header_body_separator.eml',
  'eml/cpython-defects/test_same_boundary_inner_outer.eml',
  'eml/cpython-defects/test_bad_padding_in_base64_payload.eml',
  'eml/enmime/parts/html-with-boundary.raw',
  'eml/enmime/parts/missing-closing-param-quote.raw',
  'eml/enmime/low-quality/unk-charset-html-only.raw',
  'eml/mailparser/mixed.eml',
  'eml/mailparser/delivery-status.eml',
  'eml/postal-mime/arf.eml',
  'eml/mime4j/mimetools-testmsgs/german-qp.msg',
  'eml/mime4j/mimetools-testmsgs/multi-digest.msg',
  'eml/mime4j/mimetools-testmsgs/sig-uu.msg',
  'eml/stalwart-mail-parser/rfc/002.eml',
  'eml/stalwart-mail-parser/malformed/005.eml',
  'smtp/rfc/rfc5321-D.1-typical-transaction.txt',
  'smtp/rfc/rfc5321-D.2-aborted-transaction.txt',
  'smtp/rfc/rfc5321-D.4-verifying-and-sending.txt',
  'smtp/rfc/rfc3207-5-starttls.txt',
  'smtp/rfc/rfc2920-4-pipelining.txt',
  'smtp/rfc/rfc4954-4.1-auth-plain-initial-response.txt',
  'smtp/rfc/rfc4954-4.1-auth-cram-md5.txt',
  'smtp/rfc-normalized/rfc5321-D.3-relayed-step1.txt',
];

const failures = [];
function run(label, args, cwd = root) {
  console.log(`\n--- ${label}`);
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) failures.push(`${label} (exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

run('grammars generated from syntaxes/src/grammars.mjs', [join(root, 'syntaxes', 'src', 'grammars.mjs'), '--check']);

const unitDir = join(root, 'test', 'grammar', 'unit');
const unitFiles = readdirSync(unitDir).filter((f) => f.endsWith('.test')).map((f) => join('test', 'grammar', 'unit', f));
if (unitFiles.length === 0) failures.push('no unit test files');
else run(`unit assertions (${unitFiles.length} files)`, [bin('unit'), '-g', htmlStandIn, ...unitFiles]);

const work = mkdtempSync(join(tmpdir(), 'smtp-eml-snap-'));
try {
  const cases = [];
  for (const rel of SNAPSHOT_FILES) {
    const src = join(corpus, rel);
    if (!existsSync(src)) {
      failures.push(`corpus file missing: ${src}`);
      continue;
    }
    if (statSync(src).size > 30_000) failures.push(`${rel} is over 30 KB: pick a smaller file`);
    const ext = rel.startsWith('smtp/') ? '.smtp' : '.eml';
    const tmpFile = join(work, rel + ext);
    const stored = join(snapDir, `${rel}.snap`);
    mkdirSync(dirname(tmpFile), { recursive: true });
    copyFileSync(src, tmpFile);
    if (existsSync(stored)) copyFileSync(stored, `${tmpFile}.snap`);
    else if (!update) failures.push(`missing snapshot ${stored} (run node scripts/test-grammar.mjs --update)`);
    cases.push({ rel, tmpFile, stored });
  }
  const args = [bin('snapshot'), '--config', join(root, 'package.json'), '-g', htmlStandIn];
  if (update) args.push('--updateSnapshot');
  if (cases.length) run(`snapshots (${cases.length} corpus files)`, [...args, ...cases.map((c) => c.tmpFile)], work);
  if (!update && cases.length) {
    // The tools must be able to fail: a wrong unit assertion and a tampered snapshot are rejected.
    const wrongUnit = join(work, 'wrong.test');
    writeFileSync(wrongUnit, '# SYNTAX TEST "text.eml" "must fail"\nSubject: x\n#<------- variable.other.header.unknown.eml\n');
    const u = spawnSync(process.execPath, [bin('unit'), '-g', htmlStandIn, wrongUnit], { cwd: root, encoding: 'utf8' });
    if (u.status === 0) failures.push('vscode-tmgrammar-test accepted a wrong assertion');
    const c = cases.find((x) => x.rel.startsWith('smtp/')) ?? cases[0];
    const snap = readFileSync(`${c.tmpFile}.snap`, 'utf8');
    const tampered = snap.replace(/(\.[a-z-]+)$/m, '$1-tampered');
    if (tampered === snap) failures.push('could not tamper with a snapshot');
    writeFileSync(`${c.tmpFile}.snap`, tampered);
    const s = spawnSync(process.execPath, [...args, c.tmpFile], { cwd: work, encoding: 'utf8' });
    if (s.status === 0) failures.push('vscode-tmgrammar-snap accepted a tampered snapshot');
    else console.log('\n--- the tools reject a wrong assertion and a tampered snapshot: ok');
  }
  if (update) {
    for (const c of cases) {
      mkdirSync(dirname(c.stored), { recursive: true });
      copyFileSync(`${c.tmpFile}.snap`, c.stored);
    }
    console.log(`updated ${cases.length} snapshots under test/grammar/snap/`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\nGrammar tests failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nGrammar tests passed.');
