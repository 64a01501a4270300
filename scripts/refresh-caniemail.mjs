// Refreshes the email-client support data of the HTML checks:
//   node scripts/refresh-caniemail.mjs [VERSION]
// installs the newest `caniemail` package (or VERSION) with npm, rebuilds
// dist/caniemail.json from its data/caniemail.json and prints what changed.
// Then run the unit tests: test/mail/html/support.test.ts fails when a new
// caniemail feature is neither matched by the checks nor listed as ignored.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { TARGET, writeSupportData } from './caniemail-data.mjs';

const version = process.argv[2] ?? 'latest';
const before = existsSync(TARGET) ? JSON.parse(readFileSync(TARGET, 'utf8')) : undefined;
execFileSync('npm', ['install', '--save-dev', `caniemail@${version}`], { stdio: 'inherit' });
const after = writeSupportData();
const slugs = (d) => new Set((d?.features ?? []).map((f) => f.slug));
const old = slugs(before);
const now = slugs(after);
const added = [...now].filter((s) => !old.has(s));
const removed = [...old].filter((s) => !now.has(s));
console.log(`caniemail data: ${after.features.length} features, updated ${after.updated} (was ${before?.updated ?? 'none'})`);
if (added.length) console.log(`added: ${added.join(', ')}`);
if (removed.length) console.log(`removed: ${removed.join(', ')}`);
