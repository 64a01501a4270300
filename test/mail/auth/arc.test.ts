/**
 * ARC chains (RFC 8617) of one and two sets, sealed by mailauth with keys made
 * at test time, intact and broken in each way `arc-chain-invalid` names.
 */
import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { authenticate } from '../../../src/mail/auth/verify';
import type { Problem } from '../../../src/mail/codes';
import { parseMessage } from '../../../src/mail/message/parse';
import { validateMessage } from '../../../src/mail/message/validate';
import { lookupOf, mailauthArc, sampleMessage, testKey } from '../../helpers/dkim';

const KEYS = () => lookupOf({ 's1._domainkey.example.org': testKey(), 'arc._domainkey.relay.example': testKey('rsa', 'relay') });

async function seal(message: string, cv: 'none' | 'pass', domain = 'example.org', selector = 's1', key = testKey()): Promise<string> {
  const headers = await mailauthArc.sealMessage(Buffer.from(message), {
    signingDomain: domain,
    selector,
    privateKey: key.privatePem,
    authResults: `mx.${domain}; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=example.org`,
    cv,
  });
  return headers.toString() + message;
}

const arcProblems = (text: string, keys = KEYS()): Problem[] => validateMessage(text, { keys }).filter((p) => p.code === 'arc-chain-invalid' || p.code.startsWith('dkim-'));
const covered = (text: string, p: Problem): string => text.slice(p.offset, p.offset + p.length);

describe('ARC', () => {
  let one = '';
  let two = '';
  before(async () => {
    one = await seal(sampleMessage(), 'none');
    two = await seal(one, 'pass', 'relay.example', 'arc', testKey('rsa', 'relay'));
  });

  it('one set, intact: no problem, chain passes', () => {
    assert.match(one, /ARC-Seal: i=1;/);
    assert.deepEqual(arcProblems(one), []);
    const arc = authenticate(parseMessage(one), { keys: KEYS() }).messages[0].arc!;
    assert.equal(arc.status, 'pass');
    assert.equal(arc.sets.length, 1);
  });

  it('two sets, intact: no problem, chain passes; with LF line ends too', () => {
    assert.match(two, /ARC-Seal: i=2;/);
    assert.deepEqual(arcProblems(two), []);
    assert.deepEqual(arcProblems(two.replace(/\r\n/g, '\n')), []);
    const arc = authenticate(parseMessage(two), { keys: KEYS() }).messages[0].arc!;
    assert.equal(arc.status, 'pass');
    assert.deepEqual(arc.sets.map((s) => s.cv), ['none', 'pass']);
    // The newest ARC-Message-Signature and both seals were checked.
    assert.deepEqual(arc.signatures.map((s) => `${s.kind}:${s.instance}:${s.status}`), ['arc-message:2:pass', 'arc-seal:2:pass', 'arc-seal:1:pass']);
  });

  it('without keys: the chain is unverified and the missing keys are reported as information', () => {
    const problems = validateMessage(two).filter((p) => p.code === 'arc-chain-invalid' || p.code.startsWith('dkim-'));
    assert.deepEqual([...new Set(problems.map((p) => p.code))], ['dkim-key-unavailable']);
    assert.equal(authenticate(parseMessage(two)).messages[0].arc!.status, 'unverified');
  });

  it('body changed after the newest set: arc-chain-invalid on its bh=', () => {
    const edited = two.replace('the report', 'the rep0rt');
    const problems = arcProblems(edited);
    assert.deepEqual(problems.map((p) => p.code), ['arc-chain-invalid']);
    assert.match(problems[0].message, /body changed after the newest ARC set \(i=2\)/);
    assert.match(covered(edited, problems[0]), /^bh=/);
  });

  it('an ARC-Authentication-Results of set 1 changed: the seals break', () => {
    const edited = two.replace(/(ARC-Authentication-Results: i=1; mx\.example\.org; dkim=)pass/, '$1fail');
    assert.notEqual(edited, two);
    const problems = arcProblems(edited);
    assert.deepEqual(problems.map((p) => p.code), ['arc-chain-invalid']);
    assert.match(problems[0].message, /ARC-Seal i=2 does not verify/);
  });

  it('a missing ARC-Seal: the set is incomplete', () => {
    const edited = two.replace(/ARC-Seal: i=1;[^]*?\r\n(?=\S)/, '');
    const problems = arcProblems(edited, undefined);
    assert.deepEqual(problems.map((p) => p.code), ['arc-chain-invalid']);
    assert.match(problems[0].message, /ARC set i=1 has no ARC-Seal/);
  });

  it('a gap in the numbering', () => {
    const edited = two.replace(/i=1;/g, 'i=3;');
    const problems = arcProblems(edited, undefined);
    assert.deepEqual(problems.map((p) => p.code), ['arc-chain-invalid']);
    assert.match(problems[0].message, /i=1 is missing before i=2/);
  });

  it('cv=fail, and a first seal that does not say cv=none', () => {
    const failed = two.replace(/(ARC-Seal: i=2;[^]*?cv=)pass/, '$1fail');
    const p1 = arcProblems(failed, undefined);
    assert.deepEqual(p1.map((p) => p.code), ['arc-chain-invalid']);
    assert.equal(covered(failed, p1[0]), 'cv=fail');
    const first = one.replace(/cv=none/, 'cv=pass');
    const p2 = arcProblems(first, undefined);
    assert.match(p2[0].message, /must say cv=none/);
  });

  it('the hover report knows each set', () => {
    const report = authenticate(parseMessage(two), { keys: KEYS() });
    const sets = report.messages[0].arc!.sets;
    assert.deepEqual(sets.map((s) => [s.instance, !!s.seal, !!s.messageSignature, !!s.results]), [[1, true, true, true], [2, true, true, true]]);
  });
});
