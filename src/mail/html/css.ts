/**
 * A lenient CSS scanner that keeps positions: the declarations of a `style=`
 * attribute, and the rules, at-rules, selectors and declarations of a
 * `<style>` element (CSS Syntax Level 3 §5, simplified to what the client
 * support checks need). Broken CSS never stops it: an unclosed block ends at
 * the end of the text, a declaration without a colon is skipped. One pass,
 * linear in the input; offsets are relative to the scanned string plus `base`.
 */

/** One `property: value` declaration. */
export interface CssDeclaration {
  /** Lowercased property name. */
  property: string;
  nameOffset: number;
  nameEnd: number;
  /** The value without `!important`, trimmed. */
  value: string;
  valueOffset: number;
  valueEnd: number;
  /** The span of `!important`, when present, and its source with the white space before it (clients differ on case and spacing). */
  important?: { offset: number; end: number; text: string };
}

/** What a stylesheet holds, reported as it is scanned. */
export interface CssVisitor {
  declaration(d: CssDeclaration): void;
  /** An at-rule: `name` lowercased without `@`; the prelude is the text up to `{` or `;`. */
  atRule?(name: string, offset: number, end: number, prelude: string, preludeOffset: number): void;
  /** A selector list before a `{` block. */
  selector?(selector: string, offset: number): void;
}

/** Skips a comment, string or nothing at `i`; returns the index after it (or `i`). */
function skipAtom(css: string, i: number, end: number): number {
  const c = css.charCodeAt(i);
  if (c === 0x2f /* / */ && css.charCodeAt(i + 1) === 0x2a /* * */) {
    const close = css.indexOf('*/', i + 2);
    return close < 0 || close + 2 > end ? end : close + 2;
  }
  if (c === 0x22 || c === 0x27) {
    let j = i + 1;
    while (j < end) {
      const d = css.charCodeAt(j);
      if (d === 0x5c) j += 2;
      else if (d === c || d === 10) return j + 1;
      else j++;
    }
    return end;
  }
  return i;
}

/** Trims white space and comments at both ends of [from, to). */
function trimSpan(css: string, from: number, to: number): [number, number] {
  for (;;) {
    while (from < to && /\s/.test(css[from])) from++;
    if (css.startsWith('/*', from)) {
      const close = css.indexOf('*/', from + 2);
      from = close < 0 || close + 2 > to ? to : close + 2;
      continue;
    }
    break;
  }
  while (to > from && /\s/.test(css[to - 1])) to--;
  return [from, to];
}

/** Reads one declaration in [from, to) (no `;`); calls `visit` when it is `name: value`. */
function readDeclaration(css: string, from: number, to: number, base: number, visit: (d: CssDeclaration) => void): void {
  let colon = -1;
  for (let i = from; i < to; i++) {
    const next = skipAtom(css, i, to);
    if (next !== i) {
      i = next - 1;
      continue;
    }
    if (css.charCodeAt(i) === 0x3a) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return;
  const [ns, ne] = trimSpan(css, from, colon);
  if (ns >= ne) return;
  const name = css.slice(ns, ne);
  if (!/^-{0,2}[a-zA-Z_][\w-]*$/.test(name)) return;
  const [vs, trimmedEnd] = trimSpan(css, colon + 1, to);
  let ve = trimmedEnd;
  let important: CssDeclaration['important'];
  const bang = css.lastIndexOf('!', ve);
  if (bang >= vs && /^!\s*important$/i.test(css.slice(bang, ve))) {
    const end = ve;
    ve = bang;
    while (ve > vs && /\s/.test(css[ve - 1])) ve--;
    important = { offset: base + bang, end: base + end, text: css.slice(ve, end) };
  }
  visit({
    property: name.toLowerCase(),
    nameOffset: base + ns,
    nameEnd: base + ne,
    value: css.slice(vs, ve),
    valueOffset: base + vs,
    valueEnd: base + ve,
    important,
  });
}

/** The declarations of a `style=""` attribute value (CSS Style Attributes §2). */
export function scanDeclarations(css: string, base: number, visit: (d: CssDeclaration) => void): void {
  const end = css.length;
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= end; i++) {
    if (i < end) {
      const next = skipAtom(css, i, end);
      if (next !== i) {
        i = next - 1;
        continue;
      }
      const c = css.charCodeAt(i);
      if (c === 0x28) depth++;
      else if (c === 0x29 && depth > 0) depth--;
      if (c !== 0x3b || depth > 0) continue;
    }
    readDeclaration(css, start, i, base, visit);
    start = i + 1;
  }
}

/** Blocks whose content is rules (the rest hold declarations). */
const RULE_BLOCKS = new Set(['media', 'supports', 'document', '-moz-document', 'container', 'layer', 'scope', 'starting-style']);

/**
 * Scans a stylesheet (the text of a `<style>` element). Nesting is followed
 * with an explicit stack, so deeply nested blocks are safe.
 */
export function scanStylesheet(css: string, base: number, visitor: CssVisitor): void {
  const end = css.length;
  /** For each open block: does it hold rules (true) or declarations (false)? */
  const stack: boolean[] = [];
  let start = 0;
  let parens = 0;
  const inRules = (): boolean => stack.length === 0 || stack[stack.length - 1];
  for (let i = 0; i < end; i++) {
    const next = skipAtom(css, i, end);
    if (next !== i) {
      i = next - 1;
      continue;
    }
    const c = css.charCodeAt(i);
    if (c === 0x28) parens++;
    else if (c === 0x29 && parens > 0) parens--;
    if (parens > 0) continue;
    if (c === 0x7b /* { */) {
      const [ps, pe] = trimSpan(css, start, i);
      if (css.charCodeAt(ps) === 0x40) {
        const m = /^@([\w-]+)/.exec(css.slice(ps, pe));
        const name = m ? m[1].toLowerCase() : '';
        visitor.atRule?.(name, base + ps, base + ps + 1 + name.length, css.slice(ps + 1 + name.length, pe), base + ps + 1 + name.length);
        // @keyframes blocks hold "from {...}" rules; @font-face, @page hold declarations.
        stack.push(RULE_BLOCKS.has(name) || name.endsWith('keyframes'));
      } else {
        if (pe > ps) visitor.selector?.(css.slice(ps, pe), base + ps);
        stack.push(false);
      }
      start = i + 1;
    } else if (c === 0x7d /* } */) {
      if (!inRules()) readDeclaration(css, start, i, base, visitor.declaration);
      stack.pop();
      start = i + 1;
    } else if (c === 0x3b /* ; */) {
      const [ps, pe] = trimSpan(css, start, i);
      if (css.charCodeAt(ps) === 0x40) {
        // A statement at-rule: @import, @charset, @namespace.
        const m = /^@([\w-]+)/.exec(css.slice(ps, pe));
        const name = m ? m[1].toLowerCase() : '';
        visitor.atRule?.(name, base + ps, base + ps + 1 + name.length, css.slice(ps + 1 + name.length, pe), base + ps + 1 + name.length);
      } else if (!inRules()) readDeclaration(css, start, i, base, visitor.declaration);
      start = i + 1;
    }
  }
  if (!inRules()) readDeclaration(css, start, end, base, visitor.declaration);
}
