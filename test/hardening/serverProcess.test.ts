/**
 * The language server process under hostile input: runs
 * `scripts/fuzz-server.mjs` against the built `dist/server.js` over real stdio.
 * 1,000 random edits (FUZZ_RUNS raises it) with random requests at random
 * positions must all be answered, no feature may throw, the process must not exit
 * and its RSS must stay flat; a PNG renamed .eml, a 50 MB message, a 1 MB line,
 * a 10,000-deep multipart and a 10 MB transcript must each get diagnostics
 * (the limit ones where a limit is hit) before a 60 s hang detector fires.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SEED } from './fuzzConfig';

const root = path.join(__dirname, '..', '..', '..');

interface FuzzSummary {
  seed: number;
  edits: number;
  requestsAnswered: number;
  diagnosticsChecked: number;
  rssWarmKb?: number;
  rssEndKb?: number;
  hostile: Record<string, { codes?: string[]; hang?: boolean }>;
  failures: string[];
}

function runFuzzer(): Promise<{ summary: FuzzSummary; status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'fuzz-server.mjs'), '--json', '--seed', String(SEED)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve({ summary: JSON.parse(last) as FuzzSummary, status, stderr: err });
      } catch {
        reject(new Error(`fuzz-server printed no summary (exit ${status}):\n${out.slice(-3000)}\n${err.slice(-3000)}`));
      }
    });
  });
}

test('language server process survives random edits, random requests and hostile documents', { timeout: 15 * 60_000 }, async () => {
  assert.ok(existsSync(path.join(root, 'dist', 'server.js')), 'dist/server.js is built by scripts/test.mjs before the unit tests');
  const { summary, status } = await runFuzzer();
  assert.deepEqual(summary.failures, [], `fuzz-server failures (seed ${summary.seed}):\n${summary.failures.join('\n')}`);
  assert.equal(status, 0);
  assert.ok(summary.edits >= 1000, `only ${summary.edits} edits were applied`);
  assert.ok(summary.requestsAnswered > 500, `only ${summary.requestsAnswered} requests answered`);
  assert.ok(summary.rssWarmKb && summary.rssEndKb, 'RSS was measured (/proc/PID/status)');
  for (const name of ['png-as-eml', 'one-mb-line', 'deep-multipart-10000', 'fifty-mb', 'huge-transcript', 'two-mb-with-1mb-limit']) {
    assert.ok(summary.hostile[name] && !summary.hostile[name].hang, `${name} got diagnostics`);
  }
});
