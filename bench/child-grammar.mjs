// Tokenizes files line by line with the shipped TextMate grammars (vscode-textmate +
// vscode-oniguruma, as VS Code does: tokenizeLine2, the rule stack carried from line
// to line). Prints one JSON line: per file, lines, ms, lines/s and the slowest line.
// Usage: node bench/child-grammar.mjs <scopeName>=<file> ...
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const grammarFiles = Object.fromEntries((pkg.contributes?.grammars ?? []).map((g) => [g.scopeName, path.join(root, g.path)]));

await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  // Embedded languages we do not ship (HTML) resolve to nothing, as in a bare VS Code.
  loadGrammar: async (scopeName) => {
    const file = grammarFiles[scopeName];
    if (!file || !fs.existsSync(file)) return null;
    return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
  },
});

const results = {};
for (const arg of process.argv.slice(2)) {
  const eq = arg.indexOf('=');
  const scope = arg.slice(0, eq);
  const file = arg.slice(eq + 1);
  const grammar = await registry.loadGrammar(scope);
  if (!grammar) {
    results[path.basename(file)] = { error: `no grammar for ${scope}` };
    continue;
  }
  const lines = fs.readFileSync(file, 'latin1').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const tokenizeAll = () => {
    let stack = vsctm.INITIAL;
    let slowest = 0;
    let slowestLine = -1;
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (let i = 0; i < lines.length; i++) {
      const s = process.hrtime.bigint();
      const r = grammar.tokenizeLine2(lines[i], stack);
      stack = r.ruleStack;
      const d = Number(process.hrtime.bigint() - s);
      if (d > slowest) {
        slowest = d;
        slowestLine = i;
      }
    }
    const c = process.cpuUsage(c0);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000, slowestMs: slowest / 1e6, slowestLine };
  };
  // The first pass is the cold figure; then warm-up passes until 200,000 lines have
  // been tokenized (V8 tiers the oniguruma wasm and vscode-textmate up only after a
  // while: a second pass over 1,363 lines was still cold), then three warm passes, of
  // which the median (by CPU time) is reported (VS Code tokenizes with a warm JIT too;
  // one pass over 134,000 lines moved by a third between runs, with the GC).
  const cold = tokenizeAll();
  for (let done = lines.length; done < 200_000; done += lines.length) tokenizeAll();
  const passes = [tokenizeAll(), tokenizeAll(), tokenizeAll()].sort((a, b) => a.cpuMs - b.cpuMs);
  const warm = passes[1];
  results[path.basename(file)] = {
    lines: lines.length,
    coldMs: cold.ms,
    ms: warm.ms,
    cpuMs: warm.cpuMs,
    passesCpuMs: passes.map((x) => x.cpuMs),
    // CPU time, not wall time: the figure of the tokenizer itself on a shared machine.
    linesPerSecond: Math.round(lines.length / (warm.cpuMs / 1000)),
    wallLinesPerSecond: Math.round(lines.length / (warm.ms / 1000)),
    slowestMs: warm.slowestMs,
    slowestLine: warm.slowestLine,
  };
}
process.stdout.write(JSON.stringify(results) + '\n');
