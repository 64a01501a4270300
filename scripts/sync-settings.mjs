// Writes one `smtpEml.diagnostics.<code>` setting per code of the code table into
// package.json (contributes.configuration). Run after adding a code:
//   npx tsc -p . && node scripts/sync-settings.mjs
// test/packageJson.test.ts fails when package.json is out of step.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { CODES, ALL_CODES } = require('../out/src/mail/codes.js');
const pkgPath = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const props = pkg.contributes.configuration.properties;
for (const key of Object.keys(props)) if (key.startsWith('smtpEml.diagnostics.')) delete props[key];
for (const code of ALL_CODES) {
  const info = CODES[code];
  props[`smtpEml.diagnostics.${code}`] = {
    type: 'string',
    enum: ['default', 'off', 'hint', 'information', 'warning', 'error'],
    default: 'default',
    scope: 'resource',
    markdownDescription: `Severity of \`${code}\` (${info.source}; default: ${info.severity}). ${info.doc}`,
  };
}
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${ALL_CODES.length} diagnostic settings`);
