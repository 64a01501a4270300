/**
 * What the server keeps of a document's past: while it is typed into, the parse of
 * the current version (incremental re-validation updates it after the next edit),
 * not the earlier ones, and no other memoised value past its version;
 * once it closes, nothing. Values are watched through weak references taken when
 * the server validates each version, and counted after a forced garbage collection
 * (reachability, not timing or memory figures).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { emlFeatures } from '../../../src/server/eml/emlFeatures';
import { parsedOf } from '../../../src/server/eml/parsed';
import { validationOf } from '../../../src/server/eml/problems';
import type { FeatureContext, LanguageFeatures } from '../../../src/server/features';
import { LANGUAGES } from '../../../src/server/languages';
import { startTestClient } from '../../helpers/lspClient';

const TEXT = [
  'From: a@example.org',
  'To: b@example.org',
  'Subject: typing',
  'Date: Mon, 1 Jan 2024 10:00:00 +0000',
  'Message-ID: <1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello,',
  'some text to edit.',
  '--b1',
  'Content-Type: application/octet-stream',
  'Content-Transfer-Encoding: base64',
  '',
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0',
  '--b1--',
  '',
].join('\r\n');

/** A full garbage collection on demand (`--expose-gc` set at run time; the function comes from a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A weak reference to a value of one document version. */
interface Watched {
  version: number;
  value: WeakRef<object>;
}

/** Versions whose watched value is still reachable, after the current job ends (weak references keep their targets until then) and a collection. */
async function liveVersions(watched: Watched[]): Promise<number[]> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return watched.filter((w) => w.value.deref() !== undefined).map((w) => w.version);
}

/**
 * Opens the message with the product's eml language wrapped so that `watch` sees the
 * context of every validation, types `edits` characters into its text/plain part one
 * edit at a time, checks that each version was validated once, runs `check`, then
 * closes it and checks that nothing watched is left.
 */
async function typeAndClose(edits: number, watch: (ctx: FeatureContext) => void, check: () => Promise<void>): Promise<void> {
  const validated: number[] = [];
  const watched: LanguageFeatures = {
    ...emlFeatures,
    validate(ctx) {
      const problems = emlFeatures.validate(ctx);
      validated.push(ctx.document.version);
      watch(ctx);
      return problems;
    },
  };
  const { client } = await startTestClient({ languages: LANGUAGES.map((l) => (l.languageId === 'eml' ? watched : l)) });
  try {
    const uri = 'file:///retention.eml';
    assert.deepEqual(await client.open(uri, 'eml', TEXT), []);
    let mirror = TextDocument.create(uri, 'eml', 1, TEXT);
    for (let version = 2; version <= edits + 1; version++) {
      const at = mirror.positionAt(mirror.getText().indexOf(' text to edit'));
      const change = { range: { start: at, end: at }, text: 'x' };
      mirror = TextDocument.update(mirror, [change], version);
      assert.deepEqual(await client.change(uri, [change]), []);
    }
    assert.deepEqual(validated, Array.from({ length: edits + 1 }, (_, i) => i + 1), 'each version validated once');
    await check();
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await cleared, []);
  } finally {
    await client.dispose();
  }
}

test('typing keeps the parse of the current version only, and closing releases it', async () => {
  const parses: Watched[] = [];
  const checked: number[] = [];
  await typeAndClose(
    6,
    (ctx) => {
      parses.push({ version: ctx.document.version, value: new WeakRef(parsedOf(ctx)) });
      checked.push(validationOf(ctx).checkedChars);
    },
    async () => {
      // Each edit's parse was derived from the one before (the incremental path), which is let go once it has served.
      assert.deepEqual(await liveVersions(parses), [7]);
      // Letting it go does not cost the incremental path: after each edit only the edited part (about 30 of the
      // message's 437 characters; before and after the first edit, after alone then) was read again.
      assert.equal(checked[0], TEXT.length);
      assert.deepEqual(
        checked.slice(1).map((n) => n < 70),
        checked.slice(1).map(() => true),
        `characters checked per version: ${checked.join(', ')}`,
      );
    },
  );
  assert.deepEqual(await liveVersions(parses), [], 'a closed document keeps nothing');
});

test('a memoised value that is not updated from an earlier one is not kept past its version', async () => {
  const values: Array<Watched & { key: string }> = [];
  await typeAndClose(
    6,
    (ctx) => {
      const { version } = ctx.document;
      // A key that changes with the text (as quick fixes key theirs by a part's offset) and a fixed one.
      for (const key of [`probe:${version}`, 'probe']) values.push({ key, version, value: new WeakRef(ctx.memo(key, () => ({ version }))) });
    },
    async () => {
      const live = await liveVersions(values);
      assert.deepEqual(live, [7, 7], 'only the current version\'s values');
    },
  );
  assert.deepEqual(await liveVersions(values), []);
});
