/**
 * The bundled CLI under `--locale fa` (or a Persian LANG): its help, usage
 * errors and "cannot read" lines come from the Persian bundle, with command
 * names, options and paths kept in Latin inside isolates, and the exit codes
 * are those of the English run of the same arguments. A replay's notes in its
 * live transcript are Persian too, its client and server lines unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hasRtl } from '../../src/mail/bidi';
import { runCli } from '../helpers/cli';
import { documentForms, englishWords } from '../helpers/englishWords';
import { startFaultServer } from '../helpers/faultServer';

/** A port nothing listens on: a server's, after it closed. */
async function closedPort(): Promise<number> {
  const s = await startFaultServer();
  await s.close();
  return s.port;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'smtp-eml-cli-fa-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A synopsis line of the help (syntax, the same in every language) or a blank line. */
const isSyntax = (line: string): boolean => /^ {2}smtp-eml |^ {16}\[/.test(line) || line.trim() === '';

/** The English words of the CLI's Persian output, outside isolates holding the arguments (paths, names). */
function englishIn(output: string, args: string[]): string[] {
  const forms = documentForms(args.join(' '));
  return output
    .split('\n')
    .filter((line) => !isSyntax(line))
    // A synopsis isolated inside a Persian line ("Usage: <synopsis>") is syntax too.
    .map((line) => line.replace(/^smtp-eml: /, '').replace(/\u2066smtp-eml [^\u2069]*\u2069/g, ''))
    .flatMap((line) => englishWords(line, forms).map((w) => `${w} in: ${line}`));
}

/** Runs the same arguments in Persian (`--locale fa` appended, or LANG) and in English. */
async function both(args: string[], how: 'option' | 'LANG' = 'option') {
  const fa = how === 'option' ? await runCli([...args, '--locale', 'fa']) : await runCli(args, { env: { LANG: 'fa_IR.UTF-8' } });
  const en = await runCli(how === 'option' ? [...args, '--locale', 'en'] : args);
  return { fa, en };
}

describe('the CLI in Persian', () => {
  test('--help: the whole help in Persian, each command synopsis as in English, exit 0', async () => {
    const { fa, en } = await both(['--help']);
    assert.equal(fa.status, 0);
    assert.equal(en.status, 0);
    assert.match(fa.stdout, /^کاربرد:\n/);
    assert.match(en.stdout, /^Usage:\n/);
    const synopsis = (text: string) => text.split('\n').filter((l) => /^ {2}smtp-eml |^ {16}\[/.test(l));
    assert.deepEqual(synopsis(fa.stdout), synopsis(en.stdout));
    assert.ok(synopsis(fa.stdout).length >= 9, synopsis(fa.stdout).join('\n'));
    // Every description line is Persian prose, not an English line left over.
    const prose = fa.stdout.split('\n').filter((l) => !isSyntax(l));
    assert.ok(prose.length > 40);
    assert.deepEqual(prose.filter((l) => !hasRtl(l)), []);
    assert.deepEqual(englishIn(fa.stdout, []), []);
    // The English help holds no Persian.
    assert.ok(!hasRtl(en.stdout));
  });

  test('no command: the Persian help on stderr, exit 2 (LANG=fa_IR.UTF-8)', async () => {
    const { fa, en } = await both([], 'LANG');
    assert.equal(fa.status, 2);
    assert.equal(en.status, 2);
    assert.match(fa.stderr, /^کاربرد:\n/);
    assert.deepEqual(englishIn(fa.stderr, []), []);
  });

  test('a command\'s --help: render and replay print their own part in Persian', async () => {
    for (const command of ['render', 'replay']) {
      const { fa, en } = await both([command, '--help']);
      assert.equal(fa.status, 0, command);
      assert.equal(en.status, 0, command);
      assert.ok(fa.stdout.startsWith(`  smtp-eml ${command} `), fa.stdout);
      assert.equal(fa.stdout.split('\n')[0], en.stdout.split('\n')[0]);
      assert.ok(hasRtl(fa.stdout) && !hasRtl(en.stdout), command);
      assert.deepEqual(englishIn(fa.stdout, []), [], command);
    }
  });

  test('an unknown command: Persian error and pointer to --help, exit 2', async () => {
    const { fa, en } = await both(['frobnicate']);
    assert.equal(fa.status, 2);
    assert.equal(en.status, 2);
    assert.equal(fa.stdout, '');
    const lines = fa.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, fa.stderr);
    assert.match(lines[0], /^smtp-eml: فرمان ناشناخته: «\u2068frobnicate\u2069»$/);
    assert.match(lines[1], /smtp-eml --help/);
    assert.ok(hasRtl(lines[1]));
    assert.deepEqual(englishIn(fa.stderr, ['frobnicate']), []);
    assert.match(en.stderr, /^smtp-eml: unknown command "frobnicate"\nRun smtp-eml --help for usage\.\n$/);
  });

  test('--locale before the command, or as --locale=fa, is found too', async () => {
    for (const args of [['--locale', 'fa', 'frobnicate'], ['frobnicate', '--locale=fa']]) {
      const r = await runCli(args);
      assert.equal(r.status, 2);
      assert.ok(hasRtl(r.stderr), r.stderr);
    }
  });

  test('a missing file: "cannot read" in Persian with the path and the reason, exit 2 for check and render', async () => {
    const missing = join(dir, 'missing.eml');
    for (const command of ['check', 'render']) {
      const { fa, en } = await both([command, missing]);
      assert.equal(fa.status, 2, command);
      assert.equal(en.status, 2, command);
      assert.match(en.stderr, /^smtp-eml: cannot read .*missing\.eml: ENOENT: no such file or directory/);
      assert.ok(fa.stderr.startsWith('smtp-eml: خواندن \u2068'), fa.stderr);
      assert.ok(fa.stderr.includes(`\u2068${missing}\u2069`), fa.stderr);
      assert.match(fa.stderr, /چنین پرونده یا پوشه‌ای نیست/);
      assert.deepEqual(englishIn(fa.stderr, [missing]), [], command);
    }
  });

  test('a folder and a file over --max-size: the input problem in Persian, exit 2', async () => {
    const big = join(dir, 'big.eml');
    writeFileSync(big, 'x'.repeat(2 * 1024 * 1024));
    for (const args of [['check', dir], ['check', '--max-size', '1', big]]) {
      const { fa, en } = await both(args);
      assert.equal(fa.status, 2, args.join(' '));
      assert.equal(en.status, 2, args.join(' '));
      assert.ok(hasRtl(fa.stderr), fa.stderr);
      assert.deepEqual(englishIn(fa.stderr, args), [], args.join(' '));
    }
  });

  test('split, join and render: help, usage errors and unreadable input in Persian, exit codes as in English', async () => {
    const missing = join(dir, 'nothing-here');
    const cases = [['split', '--help'], ['join', '--help'], ['split'], ['split', join(dir, 'x.mbox')], ['join', missing, '--out', join(dir, 'out.mbox')], ['render', join(dir, 'x.eml'), '--message', '0'], ['check', '--html-clients', 'nosuchclient', 'x.eml']];
    for (const args of cases) {
      const { fa, en } = await both(args);
      assert.equal(fa.status, en.status, args.join(' '));
      const out = fa.stdout + fa.stderr;
      assert.ok(hasRtl(out.split('\n')[0]), out);
      assert.deepEqual(englishIn(out, args), [], args.join(' '));
      assert.ok(!hasRtl(en.stdout + en.stderr), args.join(' '));
    }
  });

  test('replay: the live transcript\'s notes and the lines on stderr in Persian, the session and exit codes as in English', async () => {
    // A difference (exit 1), then no server (exit 2: the refused connection in Persian too).
    const server = await startFaultServer();
    const transcript = join(dir, 'session.smtp');
    writeFileSync(transcript, ['S: 220 mx.example ESMTP', 'C: EHLO client.example', 'S: 250 mx.example', 'C: NOOP', 'S: 550 5.5.1 not here', 'C: QUIT', 'S: 221 bye', ''].join('\n'));
    try {
      for (const port of [server.port, await closedPort()]) {
        const args = ['replay', transcript, '--host', '127.0.0.1', '--port', String(port)];
        const { fa, en } = await both(args);
        assert.equal(en.status, port === server.port ? 1 : 2, en.stderr);
        assert.equal(fa.status, en.status, fa.stderr);
        // The same client and server lines; every note and every stderr line in Persian.
        const notes = (out: string) => out.split('\n').filter((l) => l.startsWith('#'));
        const protocol = (out: string) => out.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.replace(/FAULT\d+x\d+/, 'FAULT'));
        assert.deepEqual(protocol(fa.stdout), protocol(en.stdout));
        assert.equal(notes(fa.stdout).length, notes(en.stdout).length);
        assert.ok(notes(fa.stdout).length >= 3, fa.stdout);
        assert.deepEqual(notes(fa.stdout).filter((l) => !hasRtl(l)), []);
        const quoted = [...args, readFileSync(transcript, 'utf8'), ...protocol(fa.stdout)];
        assert.deepEqual(englishIn(notes(fa.stdout).join('\n'), quoted), [], fa.stdout);
        // A difference's line starts with FILE:LINE:, a position as in check's output.
        const stderr = fa.stderr.trimEnd().split('\n').map((l) => (l.startsWith(`${transcript}:`) ? l.replace(/^\S+ /, '') : l));
        assert.deepEqual(stderr.filter((l) => !hasRtl(l)), [], fa.stderr);
        assert.deepEqual(englishIn(stderr.join('\n'), quoted), [], fa.stderr);
        assert.ok(!hasRtl(en.stdout + en.stderr));
      }
    } finally {
      await server.close();
    }
  });

  test('usage errors of check and send: Persian, exit 2 as in English', async () => {
    const cases = [['check'], ['check', '--format', 'xml', 'x.eml'], ['check', '--bogus', 'x.eml'], ['send', 'x.eml'], ['send', 'x.eml', '--host', 'h', '--port', '99999'], ['send', 'x.eml', '--host', 'h', '--security', 'ssl']];
    for (const args of cases) {
      const { fa, en } = await both(args, 'LANG');
      assert.equal(en.status, 2, args.join(' '));
      assert.equal(fa.status, 2, args.join(' '));
      assert.ok(hasRtl(fa.stderr.split('\n')[0]), fa.stderr);
      assert.deepEqual(englishIn(fa.stderr, args), [], args.join(' '));
    }
  });
});
