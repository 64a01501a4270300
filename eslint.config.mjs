// One lint for the project (run by `npm test` as its first phase after compiling).
// Beyond typescript-eslint's recommended rules, it keeps the layers honest:
// src/mail is the pure core (text and offsets; no editor, no LSP, no I/O),
// src/send knows no editor, src/server knows no VS Code API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const EDITOR = ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'];
const LSP = ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'];
/** Node modules with I/O: the pure core reads no files, opens no sockets, starts no processes. */
const NODE_IO = ['fs', 'fs/*', 'net', 'tls', 'dns', 'http', 'https', 'child_process', 'worker_threads', 'readline', 'os', 'dgram', 'cluster']
  .flatMap((m) => [m, `node:${m}`]);

const restrict = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'syntaxes/**', 'test-results/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Mail and SMTP checks look for control characters on purpose (NUL, bare CR, ESC).
      'no-control-regex': 'off',
      // Handlers receive LSP params typed `any` by design; the core never does.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The client loads its heavy chunks (languageClient, send, inbox) with require()
    // on first use, so that activation reads only its own wiring; the CLI loads a
    // command's chunk (send, inbox, render, replay) when that command runs.
    files: ['src/client/**/*.ts', 'src/cli/main.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/mail/**/*.ts'],
    rules: restrict([...EDITOR, ...LSP, ...NODE_IO], 'src/mail is the pure core: it works on text and offsets and imports no editor, LSP or I/O module.'),
  },
  {
    // The one exception: the HTML checks' client-support data is a build-time file that
    // the core reads on first use (server and CLI alike), in this module only.
    files: ['src/mail/html/supportFile.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/send/**/*.ts', 'src/cli/**/*.ts'],
    // vscode-languageserver-textdocument is a plain line table (the CLI prints positions with it).
    rules: restrict([...EDITOR, ...LSP.filter((m) => m !== 'vscode-languageserver-textdocument')], 'src/send and the CLI know no editor and no language server protocol.'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict(EDITOR, 'the server speaks LSP only; VS Code APIs belong in src/client.'),
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Some tests load optional peers (nodemailer's internals) only when present.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
