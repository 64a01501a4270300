/**
 * The CLI's `check` on hostile files: a binary file named .eml, a
 * 10,000-deep multipart, a CR-only (classic Mac) file, a 1 MB line and an
 * empty file each end with a report and exit status 0 or 1 (problems found),
 * never a crash or a stack trace, before a generous hang detector.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI_PATH, runCli } from '../helpers/cli';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'smtp-eml-cli-hostile-'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args, { cwd: dir });

const HEAD = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <h@example.com>\r\nMIME-Version: 1.0\r\n';
function deep(n: number): string {
  let t = HEAD;
  for (let i = 0; i < n; i++) t += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`;
  t += 'Content-Type: text/plain\r\n\r\nx\r\n';
  for (let i = n - 1; i >= 0; i--) t += `--b${i}--\r\n`;
  return t;
}
function binary(): Buffer {
  const b = Buffer.alloc(200_000);
  let x = 12345;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), b]);
}

const FILES: Array<[string, string | Buffer, RegExp | undefined]> = [
  ['image.eml', binary(), /nul-character|header-syntax/],
  ['deep.eml', deep(10_000), /nesting-too-deep/],
  ['mac.eml', HEAD.replace(/\r\n/g, '\r') + '\r' + 'a classic Mac OS line\r'.repeat(60_000), /bare-cr/],
  ['line.eml', HEAD + '\r\n' + 'a'.repeat(1024 * 1024) + '\r\n', /line-too-long/],
  ['empty.eml', '', /missing-from/],
  ['image.smtp', binary(), /line-prefix/],
];

for (const [name, content, expected] of FILES) {
  test(`check ${name}`, async () => {
    assert.ok(existsSync(CLI_PATH), 'dist/cli.js is built by scripts/test.mjs before the unit tests');
    writeFileSync(path.join(dir, name), content);
    for (const format of ['text', 'json']) {
      const r = await run(['check', '--format', format, name]);
      assert.equal(r.signal, null, `${name}: killed by the hang detector`);
      assert.ok(r.status === 0 || r.status === 1, `${name} (${format}): exit ${r.status}; stderr: ${r.stderr.slice(0, 500)}`);
      assert.ok(!/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr), `${name}: a stack trace on stderr: ${r.stderr.slice(0, 500)}`);
      if (format === 'json') assert.doesNotThrow(() => JSON.parse(r.stdout), `${name}: the JSON report parses`);
      if (expected) assert.match(r.stdout, expected);
    }
  });
}
