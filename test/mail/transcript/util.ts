/** Helpers shared by the transcript tests. */
import type { CoreBundle } from '../../../src/mail/i18n';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, type Problem, type ProblemCode } from '../../../src/mail/codes';
import { validateTranscript } from '../../../src/mail/transcript/validate';

/** /work/main (tests run from out/test/mail/transcript). */
export const REPO = join(__dirname, '..', '..', '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'smtp');
export const CORPUS = join(REPO, '..', 'shared', 'corpus', 'smtp');

/** Reads every file of a folder, sorted by name. */
export function readFolder(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Joins lines with the given line break (and a final one). */
export function lines(eol: string, ...ls: string[]): string {
  return ls.join(eol) + eol;
}

/** The usual session frame around `body` lines. */
export function session(eol: string, body: string[], ext: string[] = ['8BITMIME', 'SIZE 10240000', 'HELP']): string {
  const ehlo = ['S: 250-mx.example.com greets client.example.org', ...ext.map((e, i) => `S: 250${i === ext.length - 1 ? ' ' : '-'}${e}`)];
  if (ext.length === 0) ehlo[0] = 'S: 250 mx.example.com greets client.example.org';
  return lines(eol, 'S: 220 mx.example.com ESMTP ready', 'C: EHLO client.example.org', ...ehlo, ...body, 'C: QUIT', 'S: 221 2.0.0 mx.example.com closing');
}

/** Only the protocol problems (source smtp): the message validator is tested elsewhere. */
export function smtpProblems(text: string, l10n?: CoreBundle): Problem[] {
  return validateTranscript(text, { l10n }).filter((p) => CODES[p.code].source === 'smtp');
}

/** 1-based line of an offset, and the text the problem covers. */
export function where(text: string, p: { offset: number; length: number }): { line: number; covered: string } {
  let line = 1;
  for (let i = 0; i < p.offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) line++;
    else if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return { line, covered: text.slice(p.offset, p.offset + p.length) };
}

/** Asserts that `code` fires exactly once, covering `covered` on 1-based `line`. */
export function assertFires(text: string, code: ProblemCode, covered: string, line: number, problems: Problem[] = smtpProblems(text)): Problem {
  const hits = problems.filter((p) => p.code === code);
  assert.equal(hits.length, 1, `${code} should fire once, got ${JSON.stringify(problems.map((p) => [p.code, where(text, p)]))}`);
  const w = where(text, hits[0]);
  assert.equal(w.covered, covered, `range of ${code}`);
  assert.equal(w.line, line, `line of ${code}`);
  return hits[0];
}

/** Asserts that `code` does not fire. */
export function assertQuiet(text: string, code: ProblemCode, problems: Problem[] = smtpProblems(text)): void {
  const hits = problems.filter((p) => p.code === code);
  assert.deepEqual(hits.map((p) => [p.code, where(text, p), p.message]), [], `${code} should not fire`);
}
