// mailparser's simpleParser on one file, in a fresh process. Prints one JSON line.
// Usage: node bench/child-mailparser.mjs <file> <runs>
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg) || 5;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { simpleParser } = createRequire(path.join(root, 'package.json'))('mailparser');
const bytes = fs.readFileSync(file);
const times = [];
const cpu = [];
let parts = 0;
for (let i = 0; i < runs + 1; i++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const mail = await simpleParser(bytes);
  const t = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  parts = (mail.attachments?.length ?? 0) + (mail.text ? 1 : 0);
  // The first run warms the JIT, as the validator's warm figure does.
  if (i > 0) {
    times.push(t);
    cpu.push((c.user + c.system) / 1000);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
process.stdout.write(JSON.stringify({ median: median(times), cpu: median(cpu), times, parts, maxRSS: process.resourceUsage().maxRSS * 1024 }) + '\n');
