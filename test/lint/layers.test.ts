import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

/**
 * The lint keeps the layers apart: these cases fail if eslint.config.mjs stops
 * enforcing it (a rule dropped, a folder pattern that no longer matches).
 */
const root = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsOf(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const cases: Array<{ file: string; code: string; restricted: boolean }> = [
  { file: 'src/mail/probe.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", restricted: true },
  { file: 'src/mail/probe.ts', code: "import * as lsp from 'vscode-languageserver';\nexport const v = lsp;\n", restricted: true },
  { file: 'src/mail/probe.ts', code: "import { readFileSync } from 'node:fs';\nexport const v = readFileSync;\n", restricted: true },
  { file: 'src/mail/probe.ts', code: "import { connect } from 'net';\nexport const v = connect;\n", restricted: true },
  { file: 'src/mail/probe.ts', code: "import { createHash } from 'node:crypto';\nexport const v = createHash;\n", restricted: false },
  { file: 'src/send/probe.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", restricted: true },
  { file: 'src/send/probe.ts', code: "import { connect } from 'node:net';\nexport const v = connect;\n", restricted: false },
  { file: 'src/server/probe.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", restricted: true },
  { file: 'src/server/probe.ts', code: "import * as lsp from 'vscode-languageserver';\nexport const v = lsp;\n", restricted: false },
  { file: 'src/client/probe.ts', code: "import * as vscode from 'vscode';\nexport const v = vscode;\n", restricted: false },
];

for (const c of cases) {
  test(`${c.file}: ${c.code.split('\n')[0]} is ${c.restricted ? 'refused' : 'allowed'}`, async () => {
    const ids = await ruleIdsOf(c.code, c.file);
    assert.equal(ids.includes('no-restricted-imports'), c.restricted, JSON.stringify(ids));
  });
}
