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
// package.nls.<language>.json (every other registered locale bundle, from its
// codeDocs), VS Code's localisation of package.json.
const { allBundles } = require('../out/src/mail/i18n.js');
for (const bundle of allBundles()) {
  const nlsPath = new URL(bundle.language === 'en' ? '../package.nls.json' : `../package.nls.${bundle.language}.json`, import.meta.url);
  const nls = JSON.parse(readFileSync(nlsPath, 'utf8'));
  for (const key of Object.keys(nls)) if (key.startsWith('config.diagnostics.')) delete nls[key];
  for (const code of ALL_CODES) {
    const info = CODES[code];
    nls[`config.diagnostics.${code}.markdownDescription`] = bundle.severitySetting(code, info.source, info.severity, bundle.codeDocs[code]);
  }
  writeFileSync(nlsPath, JSON.stringify(nls, null, 2) + '\n');
}
console.log(`package.json: ${ALL_CODES.length} diagnostic settings`);
