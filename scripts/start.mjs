// `npm start`: try the extension in a real VS Code in the browser.
// Builds and packages the extension, installs code-server 4.100.3 on first use
// into .cache/code-server, installs the .vsix into a throw-away profile, and
// serves a copy of samples/ on http://127.0.0.1:PORT. The local test inbox is
// the extension's own (one inbox: Send, Open Local Test Inbox, the Inbox view
// and the status bar all see it); this script only gives it a port and the
// workspace's inbox/ folder, and prints what arrives there.
// Ctrl+C stops everything (code-server's whole process group included).
//
//   npm start [-- --port 8080] [--skip-package] [--keep]
//     --port N        listen on 127.0.0.1:N (default: $PORT, else 8080, else a free port)
//     --skip-package  reuse smtp-eml.vsix if it exists
//     --keep          keep the temp folder (profile, workspace copy, inbox) at exit
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, watch } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CODE_SERVER_VERSION,
  ensureCodeServer,
  freePort,
  installExtension,
  launchCodeServer,
  makeProfile,
  packageExtension,
  repoRoot,
} from './code-server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function choosePort() {
  const asked = Number(option('--port') ?? process.env.PORT ?? 0);
  if (asked) {
    if (!(await portIsFree(asked))) throw new Error(`127.0.0.1:${asked} is in use; pick another with --port`);
    return asked;
  }
  return (await portIsFree(8080)) ? 8080 : freePort();
}

const cleanups = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server (and with it the local test inbox)...');
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      console.error(e.message);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const port = await choosePort();
  const vsix = join(repoRoot, 'smtp-eml.vsix');
  if (!(flag('--skip-package') && existsSync(vsix))) packageExtension();
  const bin = ensureCodeServer();

  const workDir = mkdtempSync(join(tmpdir(), 'smtp-eml-start-'));
  if (!flag('--keep')) cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const workspace = join(workDir, 'samples');
  cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });

  // The extension's inbox saves into the workspace, so received messages show in the explorer too.
  const inboxDir = join(workspace, 'inbox');
  mkdirSync(inboxDir, { recursive: true });
  const inboxPort = await freePort();
  const seen = new Set();
  const watcher = watch(inboxDir, (_event, name) => {
    // The inbox renames each .eml into place once it is complete.
    if (!name || !name.endsWith('.eml') || seen.has(name) || !existsSync(join(inboxDir, name))) return;
    seen.add(name);
    console.log(`inbox: received ${join(inboxDir, name)}`);
  });
  cleanups.push(() => watcher.close());

  const profile = makeProfile(join(workDir, 'profile'), {
    'smtpEml.localInbox.port': inboxPort,
    'smtpEml.localInbox.folder': inboxDir,
    'workbench.startupEditor': 'readme',
  });
  installExtension(bin, profile, vsix);
  const server = await launchCodeServer({ bin, profile, port, folder: workspace, logFile: join(workDir, 'code-server.log') });
  cleanups.push(server.stop);
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`code-server exited (code ${code}); see ${join(workDir, 'code-server.log')}`);
      void stopAll(1);
    }
  });

  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`
  SMTP & EML in VS Code (code-server ${CODE_SERVER_VERSION}) is ready:

      ${url}

  Workspace:         ${workspace} (a copy of samples/; start with README.md)
  Local test inbox:  smtp://127.0.0.1:${inboxPort}, saving to ${inboxDir}
                     (inside VS Code: it starts with the first Send, or with
                     "Start Local Test Inbox"; see the Local Inbox view)
  Listening on 127.0.0.1 only. Press Ctrl+C to stop everything.
`);
} catch (e) {
  console.error(`npm start failed: ${e.message}`);
  await stopAll(1);
}
