// Renders images/icon.svg to images/icon.png (128×128, the Marketplace icon) with
// the Chromium the end-to-end tests use: `node scripts/icon.mjs`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  const svg = readFileSync(join(repoRoot, 'images', 'icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repoRoot, 'images', 'icon.png'), omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}
