/**
 * The catalogue's cap on transcripts: each code at most 100 times per
 * document, counting the protocol and every message inside it together, and
 * the document's last diagnostic says how many were left out (English and
 * Persian), in the library, the language server's list and the CLI.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasRtl } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { runCli } from '../helpers/cli';

function countByCode(problems: Array<{ code: string }>): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of problems) m.set(p.code, (m.get(p.code) ?? 0) + 1);
  return m;
}

const FOO = `${Array.from({ length: 20_000 }, () => 'C: FOO').join('\n')}\n`;

test('20,000 unknown commands: at most 100 per code, and a closing note', () => {
  const problems = validateTranscript(FOO);
  for (const [code, n] of countByCode(problems)) assert.ok(n <= 100, `${code}: ${n}`);
  assert.ok(problems.length <= 300, `${problems.length} problems`);
  const last = problems[problems.length - 1]!;
  assert.match(last.message, /\(\d+ more problems left out: each code is reported at most 100 times per document; unknown-command ×19900/);
  const fa = validateTranscript(FOO, { l10n: bundleFor('fa') });
  assert.equal(fa.length, problems.length);
  assert.ok(hasRtl(fa[fa.length - 1]!.message));
});

test('messages inside a transcript count toward the same cap', () => {
  const message = ['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: no from, no date', 'C:', 'C: hi', 'C: .', 'S: 250 OK'];
  const lines = ['S: 220 mx ESMTP', 'C: EHLO c.example', 'S: 250 mx'];
  for (let i = 0; i < 300; i++) lines.push(...message);
  lines.push('C: QUIT', 'S: 221 bye');
  const problems = validateTranscript(lines.join('\r\n') + '\r\n');
  const counts = countByCode(problems);
  assert.equal(counts.get('missing-date'), 100);
  assert.equal(counts.get('missing-from'), 100);
  assert.match(problems[problems.length - 1]!.message, /more problems left out/);
});

test('CLI check --format json on 20,000 bad lines: a bounded report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-eml-cap-'));
  try {
    writeFileSync(join(dir, 'foo.smtp'), FOO);
    const r = await runCli(['check', '--format', 'json', 'foo.smtp'], { cwd: dir, hangMs: 60_000 });
    // unknown-command is a warning: no error, exit 0.
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Array<{ code: string; message: string }>;
    assert.ok(report.length <= 300, `${report.length} entries`);
    assert.match(report[report.length - 1]!.message, /left out/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
