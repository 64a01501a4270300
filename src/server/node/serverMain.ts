/**
 * Entry point of `dist/server.js`: the language server over Node's stdio
 * (`--stdio`), IPC (`--node-ipc`, used by VS Code) or a socket (`--socket=N`).
 * Standalone clients (Neovim, Helix, Emacs) run `node dist/server.js --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../../version';
import { LANGUAGES } from '../languages';
import { startServer } from '../server';

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

if (process.argv.includes('--version')) {
  process.stdout.write(`smtp-eml language server ${VERSION}\n`);
  process.exit(0);
}
if (process.argv.includes('--help')) {
  process.stdout.write(
    'Usage: smtp-eml-server --stdio | --node-ipc | --socket=PORT [--locale fa]\n' +
      'The smtp-eml language server for .eml messages and .smtp transcripts.\n',
  );
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);
// The server must outlive any bug in one request: log, never exit.
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));
startServer(connection, { languages: LANGUAGES, locale: argValue('locale'), version: VERSION });
