// A minimal LSP client over a child process's stdio (vscode-jsonrpc), for the
// server benches: open a document, wait for its diagnostics by version.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const rpc = require('vscode-jsonrpc/node');

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Spawns `node <script> --stdio` and initializes it as a push-diagnostics client
 * with no workspace/configuration (settings come from initializationOptions).
 * Returns timings of the start-up and a small API. `execArgv` are Node flags for
 * the server process (e.g. `--cpu-prof` to find its hot spots).
 */
export async function startLspServer(script, { debounceMs, execArgv = [], pull = false } = {}) {
  const t0 = now();
  const probe = path.join(root, 'bench/cpuProbe.cjs');
  const child = spawn(process.execPath, [...execArgv, '--require', probe, script, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
  /** The server's own CPU time so far (ms), asked over the IPC channel once it is idle. */
  const serverCpu = () =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve((m.cpu.user + m.cpu.system) / 1000));
      child.send('cpu');
    });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  const logs = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = now();
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && (p.version === undefined || p.version >= w.version)) {
        waiters.splice(i, 1);
        w.resolve({ at, count: p.diagnostics.length, version: p.version });
      }
    }
  });
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onRequest('workspace/configuration', () => []);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const settings = debounceMs === undefined ? undefined : { validation: { debounceMs } };
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        synchronization: { dynamicRegistration: false },
        // Pull: the client asks for each version's diagnostics, as VS Code does.
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    },
    initializationOptions: settings ? { settings } : undefined,
  });
  const initialized = now() - t0;
  await connection.sendNotification('initialized', {});

  const pullDiagnostics = async (uri) => {
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return { at: now(), count: report.items?.length ?? 0 };
  };
  const waitFor = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return {
    startedAt: t0,
    initialized,
    logs,
    /**
     * didOpen; resolves with ms from the send to diagnostics for version 1 (pushed,
     * or the answer to a pull request sent right after the open) and the server's
     * CPU time for it.
     */
    async open(uri, languageId, text) {
      const cpu0 = await serverCpu();
      const done = pull ? undefined : waitFor(uri, 1);
      const t = now();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      const r = pull ? await pullDiagnostics(uri) : await done;
      const cpuMs = (await serverCpu()) - cpu0;
      return { ms: r.at - t, at: r.at, count: r.count, cpuMs };
    },
    /** One incremental didChange; resolves with ms to diagnostics of that version and the server's CPU time. */
    async change(uri, version, range, text) {
      const cpu0 = await serverCpu();
      const done = pull ? undefined : waitFor(uri, version);
      const t = now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      const r = pull ? await pullDiagnostics(uri) : await done;
      const cpuMs = (await serverCpu()) - cpu0;
      return { ms: r.at - t, count: r.count, cpuMs };
    },
    async close(uri) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      setTimeout(() => child.kill(), 500).unref();
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}
