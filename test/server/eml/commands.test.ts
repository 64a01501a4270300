/**
 * The client's eml commands (run in real VS Code by the e2e tests) agree with
 * package.json and with the server: same command ids, same request name.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DECODE_PART_REQUEST } from '../../../src/protocol';
import { emlFeatures } from '../../../src/server/eml/emlFeatures';

const root = join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const source = readFileSync(join(root, 'src', 'client', 'emlCommands.ts'), 'utf8');
const COMMANDS = ['smtpEml.decodePart', 'smtpEml.encodeSelectionBase64', 'smtpEml.encodeSelectionQuotedPrintable'];

test('every eml command is registered by the client and contributed with a title and eml-only menus', () => {
  for (const id of COMMANDS) {
    assert.ok(source.includes(`registerCommand('${id}'`), `${id} registered`);
    const contributed = pkg.contributes.commands.find((c: { command: string }) => c.command === id);
    assert.ok(contributed?.title, `${id} contributed`);
    for (const menu of ['commandPalette', 'editor/context']) {
      const entry = pkg.contributes.menus[menu].find((m: { command: string }) => m.command === id);
      assert.ok(entry, `${id} in ${menu}`);
      assert.match(entry.when, /editorLangId == eml/);
    }
  }
});

test('the client sends the request the server answers (one name, from the shared protocol module)', () => {
  assert.match(source, /import \{ DECODE_PART_REQUEST[^}]*\} from '\.\.\/protocol'/);
  assert.ok(source.includes('sendRequest<DecodedPart | null>(DECODE_PART_REQUEST'));
  assert.equal(typeof emlFeatures.requests?.[DECODE_PART_REQUEST], 'function');
});

test('the extension registers the eml commands at activation, handing them the client once it exists', () => {
  const extension = readFileSync(join(root, 'src', 'client', 'extension.ts'), 'utf8');
  assert.match(extension, /registerEmlCommands\(context, \(\) => created, parts\)/);
});
