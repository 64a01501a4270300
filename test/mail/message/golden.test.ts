/**
 * Golden fixtures: test/fixtures/eml/NAME.eml with NAME.problems.json (and
 * optional NAME.options.json). Each runs with LF and with CRLF line ends;
 * expectations are line/column based so both variants share one file.
 * Fixtures that contain a CR themselves (line-end faults) run as written.
 *
 * Regenerate after a deliberate change: UPDATE_GOLDEN=1 node --test out/test/mail/message/golden.test.js
 * and review the diff.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validateMessage, type MessageValidationOptions } from '../../../src/mail/message/validate';
import { CODES } from '../../../src/mail/codes';
import { recordLookup } from '../../../src/mail/auth/keys';

const dir = join(__dirname, '../../../../test/fixtures/eml');
const update = process.env.UPDATE_GOLDEN === '1';

interface GoldenProblem {
  code: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text the range covers (line breaks shown as \n), for a reader of the JSON. */
  text: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo, offset - starts[lo]];
}

function golden(text: string, options: MessageValidationOptions): GoldenProblem[] {
  const starts = lineStarts(text);
  return validateMessage(text, options).map((p) => {
    const [line, column] = position(starts, p.offset);
    const [endLine, endColumn] = position(starts, p.offset + p.length);
    return { code: p.code, severity: p.severity, line, column, endLine, endColumn, text: text.slice(p.offset, p.offset + Math.min(p.length, 60)).replace(/\r\n/g, '\n') };
  });
}

const fixtures = readdirSync(dir).filter((n) => n.endsWith('.eml')).sort();
const seen = new Set<string>();

describe('golden eml fixtures', () => {
  it('there are at least 15 fixtures', () => assert.ok(fixtures.length >= 15));
  for (const file of fixtures) {
    const name = file.slice(0, -4);
    const raw = readFileSync(join(dir, file), 'utf8');
    const optionsFile = join(dir, `${name}.options.json`);
    const json = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as MessageValidationOptions & { dkimKeys?: Record<string, string> }) : {};
    // DKIM keys as a keys file holds them (name → TXT record text).
    const { dkimKeys, ...rest } = json;
    const options: MessageValidationOptions = dkimKeys ? { ...rest, keys: recordLookup(new Map(Object.entries(dkimKeys))) } : rest;
    const expectedFile = join(dir, `${name}.problems.json`);
    const asWritten = raw.includes('\r');
    const lf = asWritten ? raw : raw.replace(/\r\n/g, '\n');
    if (update) writeFileSync(expectedFile, JSON.stringify(golden(lf, options), null, 1) + '\n');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as GoldenProblem[];
    for (const p of expected) seen.add(p.code);
    const variants: Array<[string, string]> = asWritten ? [['as written', raw]] : [['LF', lf], ['CRLF', lf.replace(/\n/g, '\r\n')]];
    for (const [label, text] of variants) {
      it(`${name} (${label})`, () => {
        assert.deepEqual(golden(text, options), expected);
      });
    }
  }
  it('together the fixtures exercise every eml code', () => {
    const missing = Object.keys(CODES).filter((c) => CODES[c as keyof typeof CODES].source === 'eml' && !seen.has(c));
    assert.deepEqual(missing, []);
  });
});
