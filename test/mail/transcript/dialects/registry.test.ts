/**
 * A new log dialect is one module in src/mail/transcript/dialects plus its line
 * in the registry (./index.ts): every reader module is registered, the
 * `Dialect` names and their labels come from the registry, and no other module
 * of the transcript core names a dialect other than the canonical one, so no
 * second place has to learn about a new one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { DIALECT_NAMES, DIALECTS, dialectReader } from '../../../../src/mail/transcript/dialects';
import { detectDialect } from '../../../../src/mail/transcript/lines';

/** The compiled dialects folder and the transcript core around it. */
const DIALECTS_DIR = dirname(require.resolve('../../../../src/mail/transcript/dialects'));
const CORE_DIR = dirname(DIALECTS_DIR);
/** The registry and the interface; every other module of the folder is one reader. */
const NOT_READERS = new Set(['index', 'reader']);

const modulesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => basename(f, '.js'));

test('every reader module of the dialects folder is registered, once, under its own name', () => {
  const readerModules = modulesIn(DIALECTS_DIR).filter((m) => !NOT_READERS.has(m));
  assert.ok(readerModules.length >= 5, `found ${readerModules.join(', ')}`);
  for (const m of readerModules) {
    const exported = Object.values(require(join(DIALECTS_DIR, m)) as Record<string, unknown>).filter((v) => typeof v === 'object' && v !== null && 'classify' in v);
    assert.equal(exported.length, 1, `${m} exports one DialectReader`);
    assert.ok(DIALECTS.includes(exported[0] as (typeof DIALECTS)[number]), `${m} is in DIALECTS`);
  }
  assert.equal(DIALECTS.length, readerModules.length, 'no reader is registered from outside the folder');
  assert.equal(new Set(DIALECTS.map((d) => d.name)).size, DIALECTS.length, 'names are unique');
});

test('the names, labels and readers come from the registry', () => {
  assert.deepEqual(Object.keys(DIALECT_NAMES), DIALECTS.map((d) => d.name));
  for (const d of DIALECTS) {
    assert.equal(DIALECT_NAMES[d.name], d.label);
    assert.equal(dialectReader(d.name), d);
  }
  assert.equal(DIALECTS[0].name, 'canonical', 'the canonical form wins a tie');
});

test('no other transcript module names a dialect: the next one needs no edit there', () => {
  const names = DIALECTS.map((d) => d.name).filter((n) => n !== 'canonical');
  for (const m of modulesIn(CORE_DIR)) {
    const js = readFileSync(join(CORE_DIR, `${m}.js`), 'utf8');
    for (const n of names) assert.ok(!js.includes(`'${n}'`) && !js.includes(`"${n}"`), `${m}.js names the ${n} dialect`);
  }
});

test('each registered dialect is detected from a line in its own format', () => {
  const samples: Record<string, string> = {
    canonical: 'S: 220 mx.example ESMTP\nC: QUIT\n',
    swaks: '<-  220 mx.example ESMTP\n -> QUIT\n',
    msmtp: '<-- 220 mx.example ESMTP\n--> QUIT\n',
    nodemailer: '[2026-01-01 00:00:00] DEBUG [abc] S: 220 mx.example ESMTP\n[2026-01-01 00:00:00] DEBUG [abc] C: QUIT\n',
    postfix: 'In:  220 mx.example ESMTP\nOut: QUIT\n',
  };
  assert.deepEqual(Object.keys(samples).sort(), DIALECTS.map((d) => d.name).sort(), 'a sample for every registered dialect');
  for (const [name, text] of Object.entries(samples)) assert.equal(detectDialect(text), name);
});
