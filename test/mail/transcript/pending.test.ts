/**
 * The queue of commands waiting for a reply (a ring buffer) against a plain
 * array doing the same steps: the same commands in the same order, the same
 * first group ender, across growth and wrap-around.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { newCommand, type Command } from '../../../src/mail/transcript/model';
import { readLineTable } from '../../../src/mail/transcript/lines';
import { PendingQueue } from '../../../src/mail/transcript/pending';
import { DATA_END_RULES, verbRules } from '../../../src/mail/transcript/verbs';

const line = readLineTable('C: NOOP\r\n').line(0);
/** EHLO and DATA end a pipelined group (RFC 2920 §3.1); MAIL and RCPT do not. */
const VERBS = ['MAIL', 'RCPT', 'EHLO', 'DATA', 'RSET'] as const;
const command = (verb: string, dataEnd: boolean): Command => newCommand(dataEnd ? 'data-end' : 'command', line, dataEnd ? '.' : verb, 0, 4, undefined, true);
const rulesOf = (c: Command) => (c.kind === 'data-end' ? DATA_END_RULES : verbRules(c.verb));

type Step = { op: 'push'; verb: number; dataEnd: boolean } | { op: 'shift' | 'shiftUnshift' | 'pop' | 'drain' | 'removeSome'; at: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('push' as const), verb: fc.nat(VERBS.length - 1), dataEnd: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('shift' as const, 'shiftUnshift' as const, 'pop' as const, 'drain' as const, 'removeSome' as const), at: fc.nat(40) }) },
);

test('the pending queue keeps the order and the group enders of a plain array (fast-check)', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
      const q = new PendingQueue();
      const model: Command[] = [];
      for (const s of steps) {
        if (s.op === 'push') {
          const c = command(VERBS[s.verb], s.dataEnd);
          q.push(c, rulesOf(c));
          model.push(c);
        } else if (s.op === 'shift') {
          const c = q.shift();
          assert.equal(c, model.shift());
          if (c) assert.equal(q.shiftedRules, rulesOf(c));
        } else if (s.op === 'shiftUnshift') {
          const c = q.shift();
          assert.equal(c, model[0]);
          if (c) q.unshift(c, q.shiftedRules);
        } else if (s.op === 'pop') {
          assert.equal(q.pop(), model.pop());
        } else if (s.op === 'drain') {
          if (s.at % 4 === 0) assert.deepEqual(q.drain(), model.splice(0));
        } else if (model.length > 0) {
          const c = model[s.at % model.length];
          q.remove(c);
          model.splice(model.indexOf(c), 1);
        }
        assert.equal(q.length, model.length);
        assert.equal(q.last(), model[model.length - 1]);
        assert.equal(q.firstGroupEnder(), model.find((c) => rulesOf(c).endsGroup));
        assert.equal(q.has((c) => c.verb === 'RSET'), model.some((c) => c.verb === 'RSET'));
      }
    }),
    { numRuns: 300 },
  );
});

test('group enders are the catalogue\'s (EHLO, DATA), not MAIL, RCPT or the end of the data', () => {
  assert.deepEqual(VERBS.map((v) => verbRules(v).endsGroup), [false, false, true, true, false]);
  assert.equal(DATA_END_RULES.endsGroup, false);
});
