/** Checks shared by the parser fuzz tests. */
import { strict as assert } from 'node:assert';
import { isProblemCode, type Problem } from '../../src/mail/codes';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Every problem is well formed and lies inside the text. */
export function assertProblemsInside(text: string, problems: readonly Problem[], label: string): void {
  assert.ok(Array.isArray(problems), `${label}: problems is an array`);
  for (const p of problems) {
    const where = `${label}: ${p.code} at ${p.offset}+${p.length} in ${text.length}`;
    assert.ok(isProblemCode(p.code), `${where}: unknown code`);
    assert.ok(SEVERITIES.has(p.severity), `${where}: severity ${String(p.severity)}`);
    assert.ok(Number.isInteger(p.offset) && Number.isInteger(p.length), `${where}: integer offsets`);
    assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${where}: outside the text`);
    assert.ok(typeof p.message === 'string' && p.message.trim().length > 0, `${where}: empty message`);
    for (const r of p.related ?? []) {
      assert.ok(Number.isInteger(r.offset) && r.offset >= 0 && r.length >= 0 && r.offset + r.length <= text.length, `${where}: related ${r.offset}+${r.length} outside`);
    }
    if (p.data !== undefined) assert.doesNotThrow(() => JSON.stringify(p.data), `${where}: data is JSON`);
  }
}

