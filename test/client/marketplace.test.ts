/**
 * What the Marketplace page shows: an icon, links, keywords, a changelog, a README
 * that opens with what the extension does, and one product name everywhere.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json'));

test('the icon is a 128×128 PNG packaged with the extension', () => {
  const png = readFileSync(join(root, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128, 'width');
  assert.equal(png.readUInt32BE(20), 128, 'height');
  assert.match(read('.vscodeignore'), new RegExp(`^!${pkg.icon.replace('.', '\\.')}$`, 'm'));
});

test('repository, bugs, homepage, keywords and gallery banner are set; the changelog is packaged', () => {
  assert.match(pkg.repository.url, /^https:\/\//);
  assert.match(pkg.bugs.url, /^https:\/\//);
  assert.match(pkg.homepage, /^https:\/\//);
  assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30, 'the Marketplace takes up to 30 keywords');
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.match(read('CHANGELOG.md'), /^# Changelog/);
  assert.match(read('.vscodeignore'), /^!CHANGELOG\.md$/m);
});

test('the README opens with what the extension does and a screenshot; developer setup comes later', () => {
  const readme = read('README.md');
  const [title] = readme.split('\n');
  assert.equal(title, `# ${nls.displayName}`);
  const firstSection = readme.indexOf('\n## ');
  const top = readme.slice(0, firstSection);
  assert.match(top, /first-class files in VS Code/);
  assert.match(top, /!\[[^\]]+\]\(docs\/images\/[\w-]+\.png\)/);
  assert.ok(readme.indexOf('npm ci') > readme.indexOf('## Features'), 'npm ci comes after the features');
  for (const [, image] of readme.matchAll(/\]\((docs\/images\/[\w-]+\.png)\)/g)) readFileSync(join(root, image!));
});

test('one product name: no "SMTP/EML", "Smtp Eml" or "SMTP and EML" in what users read', () => {
  assert.equal(nls.displayName, 'SMTP & EML');
  assert.equal(nls['command.category'], 'SMTP & EML');
  for (const file of ['README.md', 'samples/README.md', 'package.nls.json', 'package.nls.fa.json', 'CHANGELOG.md', 'l10n/bundle.l10n.fa.json']) {
    assert.doesNotMatch(read(file), /SMTP\/EML|Smtp Eml|SMTP and EML/, file);
  }
});
