/**
 * The extension's own strings are complete in English and Persian:
 * package.json shows only %key% placeholders resolved by package.nls.json,
 * package.nls.fa.json has the same keys, and every message the client passes to
 * `vscode.l10n.t(` (or the vscode-free `t(`) has an entry in
 * l10n/bundle.l10n.fa.json with the same placeholders (and the bundle holds no
 * stale entries).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contributedSettings } from '../helpers/contributedSettings';
import { hasRtl } from '../../src/mail/bidi';
import { formatMessage, setTranslator, t } from '../../src/client/l10n';
import { describeStage, gateSend } from '../../src/client/sendLogic';

const root = join(__dirname, '..', '..', '..');
const readJson = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const pkg = readJson('package.json');
const nls: Record<string, string> = readJson('package.nls.json');
const nlsFa: Record<string, string> = readJson('package.nls.fa.json');
const bundleFa: Record<string, string> = readJson('l10n/bundle.l10n.fa.json');

/** Every string literal passed as the first argument of `vscode.l10n.t(` or `t(` in src/client. */
function clientMessages(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = join(root, 'src', 'client');
  // l10n.ts defines t() itself; the translator installed in activate forwards its arguments.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'l10n.ts')) {
    const source = readFileSync(join(dir, file), 'utf8').replace('vscode.l10n.t(message, ...args)', '');
    const call = /(?:vscode\.l10n\.t|(?<![\w.])t)\(\s*'((?:[^'\\]|\\.)*)'/g;
    for (const m of source.matchAll(call)) found.set(JSON.parse(`"${m[1].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`), file);
    // A template literal or variable as the message cannot be looked up in a bundle.
    for (const m of source.matchAll(/(?:vscode\.l10n\.t|(?<![\w.])t)\(\s*[`a-zA-Z]/g)) {
      assert.fail(`${file}: ${m[0]}… — pass a string literal with {0} placeholders`);
    }
  }
  return found;
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

test('every client message has a Persian entry with the same placeholders, and the bundle has no stale entries', () => {
  const messages = clientMessages();
  assert.ok(messages.size > 40, `found ${messages.size} messages`);
  const missing = [...messages.keys()].filter((m) => !(m in bundleFa));
  assert.deepEqual(missing, [], 'client messages without a Persian entry in l10n/bundle.l10n.fa.json');
  const stale = Object.keys(bundleFa).filter((k) => !messages.has(k));
  assert.deepEqual(stale, [], 'Persian entries no client message uses');
  for (const [en, fa] of Object.entries(bundleFa)) {
    assert.deepEqual(placeholders(fa), placeholders(en), `placeholders of ${en}`);
    assert.ok(hasRtl(fa), `not Persian: ${fa}`);
  }
});

test('no notification, quick pick or input box in src/client is given a bare English literal', () => {
  const dir = join(root, 'src', 'client');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    const bare = /show(?:Information|Warning|Error)Message\(\s*['`]|\b(?:title|prompt|placeHolder|saveLabel|openLabel|tooltip)\s*[:=]\s*['`][A-Z]/g;
    assert.deepEqual([...source.matchAll(bare)].map((m) => m[0]), [], `${file} has untranslated UI strings`);
  }
});

/** Every user-facing string of package.json (command titles, settings descriptions, …) with its JSON path. */
function userFacing(): Array<[string, string]> {
  const out: Array<[string, string]> = [['displayName', pkg.displayName], ['description', pkg.description]];
  for (const c of pkg.contributes.commands) {
    out.push([`${c.command}.title`, c.title]);
    if (c.category) out.push([`${c.command}.category`, c.category]);
  }
  for (const section of pkg.contributes.configuration) out.push([`configuration.${section.id}.title`, section.title]);
  const walk = (path: string, schema: Record<string, any>) => {
    for (const k of ['description', 'markdownDescription']) if (schema[k] !== undefined) out.push([`${path}.${k}`, schema[k]]);
    (schema.enumDescriptions ?? []).forEach((d: string, i: number) => out.push([`${path}.enumDescriptions[${i}]`, d]));
    for (const [k, v] of Object.entries(schema.items?.properties ?? {})) walk(`${path}.${k}`, v as Record<string, any>);
    for (const [k, v] of Object.entries(schema.properties ?? {})) walk(`${path}.${k}`, v as Record<string, any>);
  };
  for (const [key, schema] of Object.entries(contributedSettings(pkg))) walk(key, schema as Record<string, any>);
  return out;
}

test('every user-facing string of package.json is a %key% that package.nls.json resolves', () => {
  const strings = userFacing();
  assert.ok(strings.length > 80, `${strings.length} strings`);
  for (const [path, value] of strings) {
    const m = /^%(.+)%$/.exec(value);
    assert.ok(m, `${path} is not localised: ${value}`);
    assert.ok(typeof nls[m[1]] === 'string' && nls[m[1]].length > 0, `${path}: ${m[1]} missing from package.nls.json`);
  }
  assert.equal(pkg.l10n, './l10n');
});

test('package.nls.json and package.nls.fa.json have the same keys; Persian values are Persian', () => {
  const en = Object.keys(nls);
  const fa = Object.keys(nlsFa);
  assert.deepEqual(en.filter((k) => !(k in nlsFa)), [], 'keys without a Persian entry');
  assert.deepEqual(fa.filter((k) => !(k in nls)), [], 'Persian keys without an English entry');
  for (const [key, value] of Object.entries(nlsFa)) {
    if (key === 'command.category') continue; // SMTP & EML, a name in every language
    assert.ok(hasRtl(value), `${key} is not Persian: ${value}`);
  }
  // The diagnostic settings: the code stays as it is, in backticks, in both languages.
  assert.match(nlsFa['config.diagnostics.missing-date.markdownDescription'], /`missing-date`/);
  assert.match(nls['config.diagnostics.missing-date.markdownDescription'], /^Severity of `missing-date`/);
});

test('t() formats the English source text until a translator is installed, then translates', () => {
  assert.equal(formatMessage('Sent via {0} to {1}', 'mx', 'a@b'), 'Sent via mx to a@b');
  assert.equal(formatMessage('{0} and {2}', 'x'), 'x and {2}');
  assert.equal(describeStage('data'), 'Transmitting the message (DATA)');
  const previous = setTranslator((message, ...args) => formatMessage(bundleFa[message] ?? message, ...args));
  try {
    assert.equal(describeStage('data'), bundleFa['Transmitting the message (DATA)']);
    const gate = gateSend({ to: [], problems: [] }, []);
    assert.equal(gate.kind, 'stop');
    assert.ok(gate.kind === 'stop' && hasRtl(gate.message), JSON.stringify(gate));
    assert.equal(t('Sending via {0}', 'Gmail'), 'در حال فرستادن از طریق \u2068Gmail\u2069');
  } finally {
    setTranslator(previous);
  }
  assert.equal(describeStage('data'), 'Transmitting the message (DATA)');
});
