/**
 * Secrets end to end: the real CLI (`node dist/cli.js send`) sends a
 * message from a throw-away workspace through scripted fault servers, with the
 * password in SMTP_PASSWORD. Whatever happens — success, a refused login whose
 * reply echoes the user name or the AUTH blob, a dropped connection, a stall —
 * the user name and password appear nowhere: not on stdout or stderr, not in the
 * session log file, not in any file of the workspace; and the message file is
 * left byte for byte as it was.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI_PATH, runCli } from '../helpers/cli';
import { close, type FaultScript, reply, startFaultServer, stall } from '../helpers/faultServer';
import { assertNoSecrets, MESSAGE, PASSWORD, USER } from './sendHarness';

let workspace: string;

before(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'smtp-eml-secrets-'));
});
after(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});


function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const CASES: Array<[string, FaultScript, number]> = [
  ['accepted', {}, 0],
  ['login refused, the reply echoes the user name', { command: (v) => (v === 'AUTH' ? reply(`535 5.7.8 Authentication failed for ${USER}`) : undefined) }, 1],
  ['login refused, the reply echoes the AUTH PLAIN blob', { command: (v) => (v === 'AUTH' ? reply(`501 5.5.2 Cannot decode ${b64(`\0${USER}\0${PASSWORD}`)}`) : undefined) }, 1],
  ['the reply to MAIL echoes the password', { command: (v) => (v === 'MAIL' ? reply(`550 5.7.1 ${PASSWORD} is not welcome`) : undefined) }, 1],
  ['connection closed at AUTH', { command: (v) => (v === 'AUTH' ? close() : undefined) }, 1],
  ['stall during the data', { duringData: () => stall(), dataFaultAfter: 5 }, 1],
];

describe('the CLI leaks no credential in any outcome', () => {
  for (const [name, script, expectedStatus] of CASES) {
    test(name, async () => {
      assert.ok(existsSync(CLI_PATH), 'dist/cli.js is built by scripts/test.mjs before the unit tests');
      const messageFile = path.join(workspace, 'message.eml');
      writeFileSync(messageFile, MESSAGE);
      const before = readFileSync(messageFile);
      const server = await startFaultServer(script);
      let run: { status: number | null; stdout: string; stderr: string };
      try {
        run = await runCli(
          ['send', 'message.eml', '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none', '--user', USER, '--allow-cleartext-auth', '--timeout', '1500', '--log', 'session.smtp'],
          { cwd: workspace, env: { SMTP_PASSWORD: PASSWORD } },
        );
      } finally {
        await server.close();
      }
      assert.equal(run.status, expectedStatus, `exit status; stderr: ${run.stderr}`);
      assert.equal(server.record.connections, 1, 'one connection, no retry');
      assertNoSecrets('stdout', run.stdout);
      assertNoSecrets('stderr', run.stderr);
      for (const file of filesUnder(workspace)) assertNoSecrets(path.relative(workspace, file), readFileSync(file, 'latin1'));
      const log = readFileSync(path.join(workspace, 'session.smtp'), 'utf8');
      assert.match(log, /^S: 220 /m, 'the session log is kept');
      if (expectedStatus !== 0) assert.match(run.stderr, /(not sent|delivery unknown): .{10,}/, 'a clear reason on stderr');
      assert.deepEqual(readFileSync(messageFile), before, 'the message file is untouched');
    });
  }
});
