import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CODES, CODES } from '../src/mail/codes';
import { readSettings } from '../src/server/settings';
import { VERSION } from '../src/version';
import { contributedSettings } from './helpers/contributedSettings';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

test('package.json has a severity setting for every diagnostic code', () => {
  const props = contributedSettings(pkg);
  for (const code of ALL_CODES) {
    const setting = props[`smtpEml.diagnostics.${code}`];
    assert.ok(setting, `missing smtpEml.diagnostics.${code} (run scripts/sync-settings.mjs)`);
    assert.deepEqual(setting.enum, ['default', 'off', 'hint', 'information', 'warning', 'error']);
  }
  for (const key of Object.keys(props)) {
    if (key.startsWith('smtpEml.diagnostics.')) assert.ok(ALL_CODES.includes(key.slice(20) as never), `stale setting ${key}`);
  }
});

test('every code has a source, a severity and a doc line; links point at RFC sections', () => {
  for (const code of ALL_CODES) {
    const info = CODES[code];
    assert.match(info.source, /^(eml|smtp)$/);
    assert.ok(info.doc.length > 10, code);
    if (info.href) assert.match(info.href, /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#section-[\d.]+)?$/);
  }
});

test('settings are read in both nested and VS Code dotted forms; invalid values are ignored', () => {
  const nested = readSettings({ diagnostics: { 'missing-date': 'off', 'missing-from': 'loud', nonsense: 'off' } });
  assert.deepEqual(nested.diagnostics, { 'missing-date': 'off' });
  const dotted = readSettings({ 'diagnostics.missing-subject': 'error', 'diagnostics.line-prefix': 'default' });
  assert.deepEqual(dotted.diagnostics, { 'missing-subject': 'error' });
  assert.equal(readSettings({ validation: { maxDepth: 7 } }).limits.maxDepth, 7);
});

test('the version in code matches package.json', () => {
  assert.equal(VERSION, pkg.version);
});

test('engines.vscode allows code-server 4.100 (VS Code 1.100) and @types/vscode is not newer', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.100.0');
});
