/**
 * Loads the two TextMate grammars into vscode-textmate + vscode-oniguruma (the engine VS Code
 * uses) for the node:test grammar tests, with a counter of regex scans so tests can show that
 * work grows linearly with input size without measuring time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** The repository root (tests run from out/test/grammar). */
export const ROOT = join(__dirname, '..', '..', '..');

const GRAMMAR_FILES: Record<string, string> = {
  'text.eml': join(ROOT, 'syntaxes', 'eml.tmLanguage.json'),
  'text.smtp-transcript': join(ROOT, 'syntaxes', 'smtp-transcript.tmLanguage.json'),
  // Test-only stand-in for VS Code's built-in HTML grammar (see the file's comment).
  'text.html.basic': join(ROOT, 'test', 'grammar', 'fixtures', 'html-standin.tmLanguage.json'),
};

/** Raw JSON of a grammar, by scope name. */
export function readGrammarJson(scope: 'text.eml' | 'text.smtp-transcript'): unknown {
  return JSON.parse(readFileSync(GRAMMAR_FILES[scope], 'utf8'));
}

/** Number of `findNextMatchSync` calls made by every scanner so far. */
export const scanCounter = { calls: 0 };

let registry: vsctm.Registry | undefined;

async function getRegistry(): Promise<vsctm.Registry> {
  if (registry) return registry;
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm);
  const onigLib: vsctm.IOnigLib = {
    createOnigScanner(patterns: string[]) {
      const scanner = new oniguruma.OnigScanner(patterns);
      return {
        findNextMatchSync(s: unknown, start: number, options: unknown) {
          scanCounter.calls++;
          // vscode-textmate passes its own option mask through; the typings of the two differ.
          return (scanner as unknown as { findNextMatchSync(...a: unknown[]): unknown }).findNextMatchSync(s, start, options);
        },
        dispose: () => scanner.dispose(),
      } as unknown as vsctm.OnigScanner;
    },
    createOnigString: (s: string) => new oniguruma.OnigString(s) as unknown as vsctm.OnigString,
  };
  registry = new vsctm.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
  return registry;
}

/** Loads a grammar by scope name. */
export async function loadGrammar(scope: 'text.eml' | 'text.smtp-transcript'): Promise<vsctm.IGrammar> {
  const grammar = await (await getRegistry()).loadGrammar(scope);
  if (!grammar) throw new Error(`grammar ${scope} did not load`);
  return grammar;
}

/** Result of tokenizing a document line by line. */
export interface TokenizeResult {
  tokens: number;
  scans: number;
  stoppedEarly: boolean;
}

/**
 * Tokenizes lines in order, carrying the rule stack. `timeLimitMs` is vscode-textmate's own
 * guard (VS Code passes one too): it only turns a hang into `stoppedEarly`, it is not a threshold.
 */
export function tokenizeLines(grammar: vsctm.IGrammar, lines: Iterable<string>, timeLimitMs = 120_000): TokenizeResult {
  let state = vsctm.INITIAL;
  let tokens = 0;
  const before = scanCounter.calls;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state, timeLimitMs);
    if (r.stoppedEarly) return { tokens, scans: scanCounter.calls - before, stoppedEarly: true };
    tokens += r.tokens.length;
    state = r.ruleStack;
  }
  return { tokens, scans: scanCounter.calls - before, stoppedEarly: false };
}

/** Scope names of each token of each line, for assertions. */
export function scopesOf(grammar: vsctm.IGrammar, text: string): { text: string; scopes: string[] }[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Every regex in a grammar (match, begin, end, while), with a path for messages. */
export function collectRegexes(node: unknown, path = '$'): { path: string; source: string }[] {
  const out: { path: string; source: string }[] = [];
  if (Array.isArray(node)) node.forEach((v, i) => out.push(...collectRegexes(v, `${path}[${i}]`)));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && ['match', 'begin', 'end', 'while'].includes(k)) out.push({ path: `${path}.${k}`, source: v });
      else out.push(...collectRegexes(v, `${path}.${k}`));
    }
  }
  return out;
}
