/**
 * Runs the bundled CLI (dist/cli.js, built by `npm test` before the unit phase) as a
 * child process, the way a person runs it from a shell.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The bundle under test (tests run from out/test/..., three levels below the repo). */
export const CLI_PATH = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

/** How a CLI run ended and what it printed. */
export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of `runCli`. */
export interface CliRunOptions {
  cwd?: string;
  /** Added to this process's environment. SMTP_PASSWORD is only set when given here. */
  env?: NodeJS.ProcessEnv;
  /** Written to the CLI's stdin, which is then closed (empty by default). */
  input?: string;
  /** The run is killed (SIGKILL) after this long: a hang detector, not a speed requirement. */
  hangMs?: number;
}

/** Runs `node dist/cli.js ...args` without blocking this process (test servers live here). */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SMTP_PASSWORD;
  // Messages follow LC_ALL / LC_MESSAGES / LANG: English unless a test says otherwise.
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  env.LANG = 'C.UTF-8';
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.hangMs ?? 120_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading its input
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}
