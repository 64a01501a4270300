import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contributedSettings } from '../helpers/contributedSettings';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const clientDir = join(root, 'src', 'client');
const registered = readdirSync(clientDir)
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => [...readFileSync(join(clientDir, f), 'utf8').matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]!));

test('every command the client registers is contributed with a title, and the other way round', () => {
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command);
  for (const id of registered) assert.ok(contributed.includes(id), `${id} is registered but not in contributes.commands`);
  for (const id of contributed) assert.ok(registered.includes(id), `${id} is contributed but never registered`);
});

test('Send Message is in the editor title bar (with the send icon) and the context menu of eml editors', () => {
  const send = pkg.contributes.commands.find((c: { command: string }) => c.command === 'smtpEml.sendMessage');
  assert.equal(send.icon, '$(send)');
  const title = pkg.contributes.menus['editor/title'].find((m: { command: string }) => m.command === 'smtpEml.sendMessage');
  assert.equal(title.when, 'editorLangId == eml');
  assert.match(title.group, /^navigation/);
  const context = pkg.contributes.menus['editor/context'].find((m: { command: string }) => m.command === 'smtpEml.sendMessage');
  assert.equal(context.when, 'editorLangId == eml');
});

test('server profile settings have no password field, and certificates are verified by default', () => {
  const servers = contributedSettings(pkg)['smtpEml.servers'];
  assert.equal(servers.items.additionalProperties, false);
  assert.equal('password' in servers.items.properties, false);
  assert.equal(servers.items.properties.rejectUnauthorized.default, true);
  assert.deepEqual(servers.items.properties.security.enum, ['starttls', 'tls', 'none']);
  for (const key of ['smtpEml.defaultServer', 'smtpEml.localInbox.port', 'smtpEml.localInbox.folder']) {
    assert.ok(contributedSettings(pkg)[key], key);
  }
});

test('npm start is the start script', () => {
  assert.equal(pkg.scripts.start, 'node scripts/start.mjs');
});

test('Start Local Test Inbox with Script… is offered in every transcript editor: saved, unsaved, read-only inbox transcripts and session logs', () => {
  const entries = Object.values(pkg.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)
    .flat()
    .filter((m) => m.command === 'smtpEml.startLocalInboxWithScript');
  assert.ok(entries.length > 0, 'the command is in a menu');
  for (const m of entries) assert.equal(m.when, 'editorLangId == smtp-transcript', 'not limited to file: editors (the command reads the document)');
});
