// Bundles the extension client, the language server and the CLI with esbuild.
// `vscode` stays external (the host provides it); everything else is bundled so the
// .vsix ships no node_modules.
//
// The client is split so that activation reads and compiles only what activate() runs
// (activation under 100 ms). dist/extension.js requires the other client
// files at run time, on first use: dist/languageClient.js (vscode-languageclient, in
// the task after activate() returns), dist/send.js (nodemailer, on the first send),
// dist/inbox.js (smtp-server, when the local inbox starts), dist/preview.js (the
// message preview with sanitize-html, on the first Show Preview), dist/inboxListing.js
// (the Inbox view's reading of the folder), dist/inboxScript.js (a script's validation,
// with the transcript validator) and dist/replay.js (Replay against…). In the sources these are
// plain `require('./languageClient')`, `require('../send/send')`, `require('../send/inbox')`
// calls; the plugin below turns them into requires of the sibling files.
import * as esbuild from 'esbuild';
import { writeSupportData } from './caniemail-data.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Lazily required modules of the client → the dist file each becomes. */
export const CLIENT_CHUNKS = {
  './languageClient': { source: 'src/client/languageClient.ts', outfile: 'dist/languageClient.js' },
  '../send/send': { source: 'src/send/send.ts', outfile: 'dist/send.js' },
  '../send/inbox': { source: 'src/send/inbox.ts', outfile: 'dist/inbox.js' },
  './preview': { source: 'src/client/preview.ts', outfile: 'dist/preview.js' },
  '../send/inboxListing': { source: 'src/send/inboxListing.ts', outfile: 'dist/inboxListing.js' },
  '../send/inboxScript': { source: 'src/send/inboxScript.ts', outfile: 'dist/inboxScript.js' },
  '../send/replay': { source: 'src/send/replay.ts', outfile: 'dist/replay.js' },
  './compose': { source: 'src/client/compose.ts', outfile: 'dist/compose.js' },
};

/** Makes the client's run-time `require` of a chunk load the chunk's own dist file. */
export const clientChunks = {
  name: 'client-chunks',
  setup(build) {
    const paths = Object.keys(CLIENT_CHUNKS).map((p) => p.replace(/[./]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${paths.join('|')})$`) }, (args) => {
      const chunk = CLIENT_CHUNKS[args.path];
      if (args.kind !== 'require-call' || !args.importer.includes('/src/client/')) return undefined;
      return { path: `./${chunk.outfile.slice('dist/'.length)}`, external: true };
    });
  },
};

/**
 * The CLI is split the same way: dist/cli.js holds what `check` (and split,
 * join) need, and requires a command's own file when that command runs:
 * dist/send.js and dist/inbox.js (the client's chunks, the same modules) for
 * send and inbox, dist/cliRender.js and dist/cliReplay.js for render and replay.
 */
export const CLI_CHUNKS = {
  '../send/send': { outfile: 'dist/send.js' },
  '../send/inbox': { outfile: 'dist/inbox.js' },
  './render': { source: 'src/cli/render.ts', outfile: 'dist/cliRender.js' },
  './replay': { source: 'src/cli/replay.ts', outfile: 'dist/cliReplay.js' },
};

/** Makes the CLI's run-time `require` of a command's module load that command's dist file. */
export const cliChunks = {
  name: 'cli-chunks',
  setup(build) {
    const paths = Object.keys(CLI_CHUNKS).map((p) => p.replace(/[./]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${paths.join('|')})$`) }, (args) => {
      if (args.kind !== 'require-call' || !args.importer.endsWith('/src/cli/main.ts')) return undefined;
      return { path: `./${CLI_CHUNKS[args.path].outfile.slice('dist/'.length)}`, external: true };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

const entries = [
  {
    entryPoints: ['src/client/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [clientChunks],
    // Whitespace and syntax only: V8 compiled the client with minified identifiers ~30% slower
    // (vm.Script on this machine), and this file's compile time is part of activation.
    ...(production ? { minify: false, minifyWhitespace: true, minifySyntax: true } : {}),
  },
  ...Object.values(CLIENT_CHUNKS).map((c) => ({ entryPoints: [c.source], outfile: c.outfile })),
  { entryPoints: ['src/server/node/serverMain.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliChunks] },
  ...Object.values(CLI_CHUNKS).filter((c) => c.source).map((c) => ({ entryPoints: [c.source], outfile: c.outfile })),
  // The preview page's own script runs in the webview (a browser), not in Node.
  { entryPoints: ['src/webview/preview.ts'], outfile: 'dist/previewView.js', platform: 'browser', format: 'iife', target: 'es2022', external: [] },
];

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  // The HTML checks' client support data, read by the server and the CLI on first use.
  writeSupportData();
  if (watch) {
    const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
  } else {
    await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  }
}
