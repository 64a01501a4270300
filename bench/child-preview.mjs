// One in-process measurement in a fresh process: the preview's work on one
// message (parse, pick the body, decode it, sanitize its HTML, render the
// sections the webview receives), cold and warm, and the size of what the
// webview would receive. Prints one JSON line.
// Usage: node bench/child-preview.mjs <file> <warmRuns>
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg) || 5;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const { buildPreview } = require(path.join(root, 'out/src/mail/preview/build.js'));
const { renderSections } = require(path.join(root, 'out/src/mail/preview/render.js'));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// The document as the extension holds it: one JS string.
const text = fs.readFileSync(file, 'latin1');
const once = () => renderSections(buildPreview({ text }), { language: 'en', mode: 'webview' });
let t0 = process.hrtime.bigint();
const sections = once();
const cold = ms(t0);
const times = [];
for (let i = 0; i < runs; i++) {
  t0 = process.hrtime.bigint();
  once();
  times.push(ms(t0));
}
const payload = Buffer.byteLength(JSON.stringify({ type: 'update', sections }), 'utf8');
console.log(JSON.stringify({ bytes: text.length, cold, warm: median(times), payload }));
