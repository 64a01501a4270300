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
// The per-code severities are a configuration section of their own (a group in the Settings editor).
const props = pkg.contributes.configuration.find((section) => section.id === 'smtpEml.diagnostics').properties;
for (const key of Object.keys(props)) if (key.startsWith('smtpEml.diagnostics.')) delete props[key];
for (const code of ALL_CODES) {
  const info = CODES[code];
  props[`smtpEml.diagnostics.${code}`] = {
    type: 'string',
    enum: ['default', 'off', 'hint', 'information', 'warning', 'error'],
    default: 'default',
    scope: 'resource',
    markdownDescription: `%config.diagnostics.${code}.markdownDescription%`,
  };
}
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

// The descriptions themselves live in package.nls.json (English) and
// package.nls.fa.json (Persian, from src/mail/codes.fa.ts), VS Code's
// localisation of package.json.
const { PERSIAN_CODE_DOCS } = require('../out/src/mail/codes.fa.js');
const nlsText = {
  en: (code, info) => `Severity of \`${code}\` (${info.source}; default: ${info.severity}). ${info.doc}`,
  fa: (code, info) => `شدت \`${code}\` (${info.source}؛ پیش‌فرض: ${info.severity}). ${PERSIAN_CODE_DOCS[code]}`,
};
for (const [lang, file] of [['en', '../package.nls.json'], ['fa', '../package.nls.fa.json']]) {
  const nlsPath = new URL(file, import.meta.url);
  const nls = JSON.parse(readFileSync(nlsPath, 'utf8'));
  for (const key of Object.keys(nls)) if (key.startsWith('config.diagnostics.')) delete nls[key];
  for (const code of ALL_CODES) nls[`config.diagnostics.${code}.markdownDescription`] = nlsText[lang](code, CODES[code]);
  writeFileSync(nlsPath, JSON.stringify(nls, null, 2) + '\n');
}
console.log(`package.json: ${ALL_CODES.length} diagnostic settings`);
