// One in-process measurement in a fresh process (run with --expose-gc): our
// validator's cold and warm time and its peak memory on one file, then the
// line-scan floor on the same bytes. Prints one JSON line.
// Usage: node --expose-gc bench/child-validate.mjs <message|transcript> <file> <warmRuns|cold>
// ("cold": the first validation only, for its peak memory under other V8 flags)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [kind, file, runsArg] = process.argv.slice(2);
const coldOnly = runsArg === 'cold';
const runs = coldOnly ? 0 : Number(runsArg) || 5;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const { validateMessage } = require(path.join(root, 'out/src/mail/message/validate.js'));
const { validateTranscript } = require(path.join(root, 'out/src/mail/transcript/validate.js'));
const validate = kind === 'transcript' ? validateTranscript : validateMessage;
// The server's defaults (src/server/settings.ts DEFAULT_SETTINGS.limits).
const limits = { maxFullSize: 64 * 1024 * 1024, maxDepth: 100 };

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
/** CPU time (user + system) of this process since `c0`, in ms: unlike wall time, not inflated by other processes on a shared machine. */
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
function resetPeakRss() {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return readPeakRss() > 0;
  } catch {
    return false;
  }
}
/** VmHWM of this process in bytes (peak resident set since the last reset). */
function readPeakRss() {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}
/** The median; the mean of the middle two for an even count. */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The document as the server holds it: one JS string.
let text = fs.readFileSync(file, 'latin1');
global.gc();
global.gc();
const rssBefore = process.memoryUsage().rss;
// Reset the kernel's peak-RSS mark (Linux: clear_refs 5), so the transient
// Buffer of the file read above does not count as the validator's peak.
const canResetPeak = resetPeakRss();
const heapBefore = process.memoryUsage().heapUsed;

let t0 = process.hrtime.bigint();
let c0 = process.cpuUsage();
const problems = validate(text, limits);
const cold = ms(t0);
const coldCpu = cpuMs(c0);
// Peak resident memory of the whole process so far, minus what it held with the
// document loaded: the validator's working set at its worst (decoded attachments
// would show up here).
const peakOverDocument = (canResetPeak ? readPeakRss() : process.resourceUsage().maxRSS * 1024) - rssBefore;
const retainedHeap = process.memoryUsage().heapUsed - heapBefore;
const codes = {};
for (const p of problems) codes[p.code] = (codes[p.code] ?? 0) + 1;

// Warm-up, not timed. V8 goes on optimizing for several runs after the first,
// on background threads whose CPU time counts in this process's: a
// 10,000-command transcript took 148, 127, 116, 92 ms, then 36-45 ms, so a
// median of the first five measured the compiler, not the validator. Every
// input gets the same rule: at least 3 runs and 500 ms of CPU time (at most 50 runs).
let warmUpCpu = 0;
let warmUpRuns = 0;
while (!coldOnly && warmUpRuns < 50 && (warmUpRuns < 3 || warmUpCpu < 500)) {
  c0 = process.cpuUsage();
  validate(text, limits);
  warmUpCpu += cpuMs(c0);
  warmUpRuns++;
}

const warm = [];
const warmCpu = [];
for (let i = 0; i < runs; i++) {
  t0 = process.hrtime.bigint();
  c0 = process.cpuUsage();
  validate(text, limits);
  warm.push(ms(t0));
  warmCpu.push(cpuMs(c0));
}

// The floor: find every line break in the same bytes.
text = undefined;
const bytes = fs.readFileSync(file);
const scan = [];
const scanCpu = [];
let lines = 0;
for (let i = 0; i < (coldOnly ? 0 : Math.max(runs, 5)); i++) {
  t0 = process.hrtime.bigint();
  c0 = process.cpuUsage();
  lines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  scan.push(ms(t0));
  scanCpu.push(cpuMs(c0));
}

process.stdout.write(
  JSON.stringify({
    bytes: bytes.length,
    lines,
    cold,
    coldCpu,
    warm: median(warm),
    warmCpu: median(warmCpu),
    warmAll: warm,
    warmUpRuns,
    scan: median(scan),
    scanCpu: median(scanCpu),
    peakOverDocument,
    peakMethod: canResetPeak ? 'VmHWM after clear_refs' : 'maxRSS (includes file read)',
    retainedHeap,
    problems: problems.length,
    codes,
  }) + '\n',
);
