import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { collectRegexes, loadGrammar, readGrammarJson } from './grammarHarness';

/**
 * Finds quantified groups that contain an unbounded quantifier and are themselves repeated
 * without bound, e.g. `(a+)+`, `(.*)*`, `(?:x|y+){2,}`: the shape behind catastrophic
 * backtracking. A possessive outer quantifier (`*+`, `++`) or an atomic group `(?>...)` cannot
 * backtrack and is allowed. Returns the offsets of the offending group ends.
 */
export function findNestedQuantifiers(source: string): number[] {
  const found: number[] = [];
  // For each open group: does it hold an unbounded quantifier? is it atomic?
  const stack: { unbounded: boolean; atomic: boolean }[] = [{ unbounded: false, atomic: false }];
  let i = 0;
  /** Reads a quantifier at i; returns [unbounded, possessive, length] or null. */
  const quantifierAt = (j: number): [boolean, boolean, number] | null => {
    const c = source[j];
    if (c === '*' || c === '+' || c === '?') {
      const next = source[j + 1];
      return [c !== '?', next === '+', next === '+' || next === '?' ? 2 : 1];
    }
    if (c === '{') {
      const m = /^\{(\d*),?(\d*)\}/.exec(source.slice(j));
      if (!m) return null;
      const unbounded = m[0].includes(',') && m[2] === '';
      return [unbounded, false, m[0].length + (source[j + m[0].length] === '?' ? 1 : 0)];
    }
    return null;
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      // Skip a character class (with nested classes, as Oniguruma allows).
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') depth++;
        else if (source[j] === ']' && j > i + 1 && --depth === 0) break;
      }
      i = j + 1;
    } else if (c === '(') {
      stack.push({ unbounded: false, atomic: source.startsWith('(?>', i) });
      i++;
      continue;
    } else if (c === ')') {
      const group = stack.pop()!;
      i++;
      const q = quantifierAt(i);
      if (q) {
        const [unbounded, possessive, len] = q;
        if (unbounded && group.unbounded && !possessive && !group.atomic) found.push(i);
        if (unbounded || group.unbounded) stack[stack.length - 1].unbounded = true;
        i += len;
      } else if (group.unbounded) stack[stack.length - 1].unbounded = true;
      continue;
    } else {
      i++;
    }
    // After an atom (escape, class, or plain character): a quantifier?
    const q = quantifierAt(i);
    if (q) {
      if (q[0]) stack[stack.length - 1].unbounded = true;
      i += q[2];
    }
  }
  return found;
}

/**
 * True when a regex starts with an unbounded run (`[a-z]+`, `\\w*`, `.+`) that is not anchored
 * (`^`, `\\G`, `\\A`, `\\b`) or guarded by a lookbehind. Such a run, when the rest of the
 * regex fails, is rescanned from every position inside it: quadratic on a long run. A regex that
 * is nothing but the run always succeeds, so it is fine.
 */
export function hasUnguardedLeadingRun(source: string): boolean {
  let i = 0;
  for (;;) {
    if (/^(\^|\\[GAb]|\(\?<[=!])/.test(source.slice(i))) return false;
    const open = /^\((\?(:|>|[imx-]+:))?/.exec(source.slice(i));
    if (open && open[0].length > 0) {
      i += open[0].length;
      continue;
    }
    break;
  }
  let atom: RegExpExecArray | null;
  if (source[i] === '[') atom = /^\[(?:\\.|[^\]\\])*\]/.exec(source.slice(i));
  else atom = /^(\\[wWsSdDhH]|\.)/.exec(source.slice(i));
  if (!atom) return false;
  const rest = source.slice(i + atom[0].length);
  const q = /^([*+]|\{\d*,\})[+?]?/.exec(rest);
  if (!q) return false;
  return rest.slice(q[0].length) !== '' || i !== 0;
}

test('the nested-quantifier finder catches the classic shapes and accepts the safe ones', () => {
  for (const bad of ['(a+)+', '(.*)*', '(?:x|y+)*', '(?:[a-z]+\\.)+', '(a*){2,}', '((a)+b)*']) {
    assert.ok(findNestedQuantifiers(bad).length > 0, bad);
  }
  for (const ok of ['(?:a+)*+', '(?:>[ \\t]?)++', '(?>a+)*', '(a+)?', '(a+){0,3}', '[(+)]+', '\\(a+\\)+', 'a++b*']) {
    assert.deepEqual(findNestedQuantifiers(ok), [], ok);
  }
});

test('the leading-run check flags unguarded runs and accepts guarded ones', () => {
  for (const bad of ['[a-z]+@', '\\w*=', '(?:[a-z]++)(@)', '(.*)x', '([^<]{2,})>']) assert.ok(hasUnguardedLeadingRun(bad), bad);
  for (const ok of ['(?<![a-z])[a-z]+@', '^[a-z]+:', '\\G\\w+', '\\b\\w+@', '[!-~]++', '<[^>]*>', '[a-z]{1,3}@', '(?i:From|To)']) {
    assert.equal(hasUnguardedLeadingRun(ok), false, ok);
  }
});

for (const scope of ['text.eml', 'text.smtp-transcript'] as const) {
  test(`${scope}: no regex starts with an unguarded run`, () => {
    const bad = collectRegexes(readGrammarJson(scope)).filter((r) => hasUnguardedLeadingRun(r.source));
    assert.deepEqual(bad, []);
  });

  test(`${scope}: no regex repeats a group that holds an unbounded quantifier`, () => {
    const regexes = collectRegexes(readGrammarJson(scope));
    assert.ok(regexes.length > 40, `only ${regexes.length} regexes found`);
    const bad = regexes.filter((r) => findNestedQuantifiers(r.source).length > 0);
    assert.deepEqual(bad, []);
  });

  test(`${scope}: every regex compiles in Oniguruma`, async () => {
    await loadGrammar(scope); // loads the WASM
    for (const r of collectRegexes(readGrammarJson(scope))) {
      // vscode-textmate rewrites \A and \G before compiling; so do we.
      const source = r.source.replace(/\\[AG]/g, '\uFFFF');
      assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `${r.path}: ${r.source}`);
    }
  });
}
