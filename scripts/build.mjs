// Bundles the extension client, the language server and the CLI with esbuild.
// `vscode` stays external (the host provides it); everything else is bundled so the
// .vsix ships no node_modules.
//
// The client is split so that activation reads and compiles only what activate() runs
// (activation under 100 ms). dist/extension.js requires the other client code at run
// time, on first use: dist/languageClient.js (vscode-languageclient, in the task after
// activate() returns), dist/inboxListing.js (the Inbox view's reading of the folder),
// dist/replay.js (Replay against…) and dist/features.js, one bundle for the heavier
// features that share the mail core, htmlparser2 and its kin: send (nodemailer),
// the local inbox (smtp-server) and its scripts, the preview (sanitize-html) and
// compose (mime-types). One shared bundle instead of one per feature keeps a single
// copy of what they share, which keeps the .vsix under 1 MB; inside it each feature's
// modules still run only when that feature is first used (a lazy getter per feature,
// and esbuild's lazy module wrappers for required modules).
// In the sources these are plain `require('./languageClient')`, `require('../send/send')`…
// calls; the plugin below turns them into requires of the dist files.
import * as esbuild from 'esbuild';
import { writeSupportData } from './caniemail-data.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

/**
 * Lazily required modules of the client → the dist file each becomes. A `member`
 * is a feature of a shared bundle: the require returns that bundle's `member` property.
 */
export const CLIENT_CHUNKS = {
  './languageClient': { source: 'src/client/languageClient.ts', outfile: 'dist/languageClient.js' },
  '../send/send': { source: 'src/send/send.ts', outfile: 'dist/features.js', member: 'send' },
  '../send/inbox': { source: 'src/send/inbox.ts', outfile: 'dist/features.js', member: 'inbox' },
  './preview': { source: 'src/client/preview.ts', outfile: 'dist/features.js', member: 'preview' },
  '../send/inboxListing': { source: 'src/send/inboxListing.ts', outfile: 'dist/inboxListing.js' },
  '../send/inboxScript': { source: 'src/send/inboxScript.ts', outfile: 'dist/features.js', member: 'inboxScript' },
  '../send/replay': { source: 'src/send/replay.ts', outfile: 'dist/replay.js' },
  './compose': { source: 'src/client/compose.ts', outfile: 'dist/features.js', member: 'compose' },
  './partContent': { source: 'src/client/partContent.ts', outfile: 'dist/features.js', member: 'partContent' },
};

/**
 * The CLI is split the same way: dist/cli.js holds what `check` (and split,
 * join) need, and requires a command's own code when that command runs:
 * dist/features.js (the client's shared bundle, the same modules) for send and
 * inbox, dist/cliRender.js and dist/cliReplay.js for render and replay.
 */
export const CLI_CHUNKS = {
  '../send/send': { outfile: 'dist/features.js', member: 'send' },
  '../send/inbox': { outfile: 'dist/features.js', member: 'inbox' },
  './render': { source: 'src/cli/render.ts', outfile: 'dist/cliRender.js' },
  './replay': { source: 'src/cli/replay.ts', outfile: 'dist/cliReplay.js' },
};

/** The dist files that chunk tables produce, each once. */
export function chunkFiles(table) {
  return [...new Set(Object.values(table).map((c) => c.outfile))];
}

/**
 * An esbuild plugin that makes `require(path)` of a table's module, in a file whose
 * path passes `fromImporter`, load the module's dist file at run time: the file itself,
 * or for a shared bundle's member a two-line module that returns that member.
 */
function chunkRequires(name, table, fromImporter) {
  const namespace = `${name}-member`;
  return {
    name,
    setup(build) {
      const paths = Object.keys(table).map((p) => p.replace(/[./]/g, '\\$&'));
      build.onResolve({ filter: new RegExp(`^(?:${paths.join('|')})$`) }, (args) => {
        const chunk = table[args.path];
        if (args.kind !== 'require-call' || !fromImporter(args.importer)) return undefined;
        const file = `./${chunk.outfile.slice('dist/'.length)}`;
        if (!chunk.member) return { path: file, external: true };
        return { path: args.path, namespace, pluginData: { file, member: chunk.member } };
      });
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.pluginData.file)})[${JSON.stringify(args.pluginData.member)}];`,
        loader: 'js',
      }));
      // The shared bundle itself stays a separate file.
      build.onResolve({ filter: /^\.\/[\w.]+\.js$/, namespace }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/** Makes the client's run-time `require` of a chunk load the chunk's own dist file. */
export const clientChunks = chunkRequires('client-chunks', CLIENT_CHUNKS, (importer) => importer.includes('/src/client/'));

/** Makes the CLI's run-time `require` of a command's module load that command's dist file. */
export const cliChunks = chunkRequires('cli-chunks', CLI_CHUNKS, (importer) => importer.endsWith('/src/cli/main.ts'));

/**
 * The entry of a shared bundle: one getter per member, so that requiring the bundle
 * runs no feature's code; the first read of a member runs its modules (esbuild wraps
 * required ES modules in lazy initialisers).
 */
function sharedBundleEntry(outfile) {
  const members = Object.values(CLIENT_CHUNKS).filter((c) => c.outfile === outfile && c.member);
  const getters = members.map((c) => `  get ${c.member}() { return require(${JSON.stringify(`./${c.source}`)}); },`);
  return { contents: `module.exports = {\n${getters.join('\n')}\n};\n`, resolveDir: root, sourcefile: outfile.replace(/\.js$/, '.entry.js'), loader: 'js' };
}

/**
 * One copy of each HTML parsing package. They are dual packages (an ESM and a CJS
 * build): our sources `import` them, sanitize-html `require`s them, and esbuild would
 * bundle both builds. Every import and require of them resolves to the ESM build here
 * (esbuild's interop serves require() of it). And dom-serializer pins entities 4
 * while htmlparser2 uses entities 7, which would put entities' decode and encode
 * tables in twice more; dom-serializer calls only encodeXML, escapeAttribute and
 * escapeText, which entities 7 exports unchanged, so it gets the one copy the rest uses.
 */
export const oneHtmlParser = {
  name: 'one-html-parser',
  setup(build) {
    build.onResolve({ filter: /^(?:entities|htmlparser2|domhandler|domutils|dom-serializer|domelementtype)(?:\/|$)/ }, (args) => {
      if (args.pluginData?.resolving) return undefined;
      const fromRoot = args.path === 'entities' && args.importer.includes('/node_modules/dom-serializer/');
      return build.resolve(args.path, {
        kind: 'import-statement',
        resolveDir: fromRoot ? root : args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
    });
  },
};

/**
 * mime-db's table as mime-types reads it: lookup() and extension() need a type's
 * extensions, charset() its charset, and the choice between two types for one
 * extension their source. Types with neither extensions nor a charset, and the
 * `compressible` flags, are never read: dropping them halves the table.
 */
export const compactMimeDb = {
  name: 'compact-mime-db',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mime-db[\\/]db\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const db = JSON.parse(await readFile(args.path, 'utf8'));
      const kept = {};
      for (const [type, entry] of Object.entries(db)) {
        if (!entry.extensions && !entry.charset) continue;
        kept[type] = {};
        for (const key of ['source', 'charset', 'extensions']) if (entry[key] !== undefined) kept[type][key] = entry[key];
      }
      return { contents: JSON.stringify(kept), loader: 'json' };
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
  plugins: [oneHtmlParser, compactMimeDb],
};

const entries = [
  {
    entryPoints: ['src/client/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [clientChunks, oneHtmlParser, compactMimeDb],
    // Whitespace and syntax only: V8 compiled the client with minified identifiers ~30% slower
    // (vm.Script on this machine), and this file's compile time is part of activation.
    ...(production ? { minify: false, minifyWhitespace: true, minifySyntax: true } : {}),
  },
  ...chunkFiles(CLIENT_CHUNKS).map((outfile) => {
    const chunk = Object.values(CLIENT_CHUNKS).find((c) => c.outfile === outfile);
    return chunk.member ? { stdin: sharedBundleEntry(outfile), outfile } : { entryPoints: [chunk.source], outfile };
  }),
  { entryPoints: ['src/server/node/serverMain.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliChunks, oneHtmlParser, compactMimeDb] },
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
