/**
 * The client bundle stays small at activation: dist/extension.js must not
 * carry vscode-languageclient, nodemailer, smtp-server or the preview (sanitize-html); it requires them at run time
 * from sibling chunk files, which the .vsix must ship.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..', '..', '..');

interface BuildScript {
  CLIENT_CHUNKS: Record<string, { source: string; outfile: string; member?: string }>;
  clientChunks: unknown;
  common: Record<string, unknown>;
}

/** Bundles src/client/extension.ts as scripts/build.mjs does, in memory, with esbuild's metafile. */
async function bundleClient(): Promise<{ inputs: string[]; externals: string[]; chunks: BuildScript['CLIENT_CHUNKS'] }> {
  const build = (await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href)) as BuildScript;
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  const result = await esbuild.build({
    ...build.common,
    entryPoints: [join(root, 'src', 'client', 'extension.ts')],
    outfile: join(root, 'out', 'bundle-test', 'extension.js'),
    plugins: [build.clientChunks as import('esbuild').Plugin],
    sourcemap: false,
    write: false,
    metafile: true,
    absWorkingDir: root,
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return {
    inputs: Object.keys(output.inputs),
    externals: output.imports.filter((i) => i.external).map((i) => i.path),
    chunks: build.CLIENT_CHUNKS,
  };
}

test('dist/extension.js holds no vscode-languageclient, nodemailer or smtp-server: activation does not load them', async () => {
  const { inputs } = await bundleClient();
  for (const heavy of ['vscode-languageclient', 'vscode-jsonrpc', 'nodemailer', 'smtp-server', 'sanitize-html', 'postcss']) {
    const found = inputs.filter((f) => f.includes(`node_modules/${heavy}/`));
    assert.deepEqual(found, [], `${heavy} is bundled into extension.js`);
  }
  for (const lazy of ['src/client/languageClient.ts', 'src/send/send.ts', 'src/send/inbox.ts', 'src/client/preview.ts', 'src/send/inboxListing.ts', 'src/send/inboxScript.ts', 'src/send/replay.ts', 'src/mail/transcript/validate.ts']) {
    assert.ok(!inputs.includes(lazy), `${lazy} is bundled into extension.js`);
  }
});

test('every chunk extension.js requires is built beside it and shipped in the .vsix', async () => {
  const { externals, chunks } = await bundleClient();
  const required = [...new Set(externals.filter((p) => p.startsWith('./')))].sort();
  const expected = [...new Set(Object.values(chunks).map((c) => `./${c.outfile.slice('dist/'.length)}`))].sort();
  assert.deepEqual(required, expected);
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
  for (const chunk of Object.values(chunks)) {
    assert.ok(existsSync(join(root, chunk.source)), `${chunk.source} exists`);
    assert.ok(ignore.includes(`!${chunk.outfile}`), `.vscodeignore ships ${chunk.outfile}`);
  }
  assert.ok(ignore.includes('!dist/extension.js') && ignore.includes('!dist/server.js'));
});

test('a shared bundle serves every member the client requires, and loading it runs no member', async () => {
  const build = (await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href)) as BuildScript;
  const members = Object.values(build.CLIENT_CHUNKS).filter((c) => c.member);
  assert.ok(members.length > 1, 'the send/inbox/preview/compose family shares one bundle');
  for (const chunk of members) {
    const file = join(root, chunk.outfile);
    assert.ok(existsSync(file), `${chunk.outfile} is built (scripts/test.mjs bundles before the tests)`);
    // Plain Node has no `vscode` module: requiring the bundle must not run the preview or
    // compose code that imports it; only reading a member does.
    const bundle = require(file) as Record<string, unknown>;
    const getter = Object.getOwnPropertyDescriptor(bundle, chunk.member!)?.get;
    assert.equal(typeof getter, 'function', `${chunk.outfile} has a lazy ${chunk.member}`);
  }
  const features = require(join(root, 'dist', 'features.js')) as Record<string, Record<string, unknown>>;
  assert.equal(typeof features.send!.sendMessage, 'function');
  assert.equal(typeof features.inbox!.startLocalInbox, 'function');
  assert.equal(typeof features.inboxScript!.loadInboxScript, 'function');
  assert.throws(() => features.preview, /vscode/, 'the preview member is the real module, which needs the editor');
});
