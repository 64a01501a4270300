/**
 * Runs the bundled CLI (dist/cli.js, built by `npm test` before the unit phase) as a
 * child process, the way a person runs it from a shell.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

/** `smtp-eml inbox` running as a child process, with what it printed so far. */
export interface CliInbox {
  child: ChildProcess;
  /** The port it printed it listens on. */
  port: number;
  /** Everything it printed on stdout so far. */
  output(): string;
  /** Resolves when the output so far matches; rejects if the inbox exits first. */
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node dist/cli.js inbox --port 0 ...args` and resolves once it
 * prints the port it listens on. One listener collects all output, so a
 * later `waitFor` misses nothing printed before it was called.
 */
export async function startCliInbox(args: string[]): Promise<CliInbox> {
  const child = spawn(process.execPath, [CLI_PATH, 'inbox', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
      for (const w of [...waiters]) w();
    }),
  );
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    for (const w of [...waiters]) w();
  });
  const waitFor = (re: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = re.exec(out);
        if (m) {
          waiters.delete(check);
          resolve(m);
        } else if (exitCode !== undefined) {
          waiters.delete(check);
          reject(new Error(`the inbox exited (${exitCode}) before ${re}: ${out}`));
        }
      };
      waiters.add(check);
      check();
    });
  const [, port] = await waitFor(/listening on 127\.0\.0\.1:(\d+)/);
  return {
    child,
    port: Number(port),
    output: () => out,
    waitFor,
    stop: (signal = 'SIGTERM') => {
      if (exitCode === undefined) child.kill(signal);
      return exited;
    },
  };
}
