/**
 * Counts the work a pure function does, without a clock ("time grows at
 * most linearly — count work, not wall time").
 *
 * While `countWork` runs its callback, the string and regular-expression
 * built-ins that scan text are wrapped and charged by how much text they could
 * have touched: `indexOf` the distance it scanned, `RegExp#exec` the distance
 * from where it started to the end of its match (or of the string), `split`,
 * `toLowerCase`, `includes` and friends the length of the string, `charCodeAt`
 * one. A loop that rescans the text from every line shows up as quadratic work
 * even though each call is cheap. Slicing is charged one (V8 slices share the
 * parent string). Work done by direct indexing (`text[i]`) is not seen, and a
 * regular expression's internal backtracking is charged only by its span — the
 * hang detectors of the server fuzzer cover those.
 *
 * Node's own modules use primordials, so only user-land code is charged.
 */

type AnyFn = (this: unknown, ...args: any[]) => any;

interface Patch {
  target: object;
  name: string | symbol;
  original: AnyFn;
}

let work = 0;
let active = false;

function wrap(target: object, name: string, charge: (self: any, args: any[], result: any) => number, patches: Patch[]): void {
  const original = (target as Record<string, AnyFn>)[name];
  if (typeof original !== 'function') return;
  patches.push({ target, name, original });
  const wrapped = function (this: unknown, ...args: any[]): any {
    const result = Reflect.apply(original, this, args);
    if (active) {
      active = false; // charge functions may not recurse into counting
      try {
        work += Math.max(1, charge(this, args, result) | 0);
      } finally {
        active = true;
      }
    }
    return result;
  };
  Object.defineProperty(target, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
}

const lengthOf = (s: unknown): number => (typeof s === 'string' ? s.length : s instanceof String ? s.length : 0);

/** Runs `fn` and returns its result with the work it did (see the file comment). */
export function countWork<T>(fn: () => T): { result: T; work: number } {
  const patches: Patch[] = [];
  const S = String.prototype;
  const one = (): number => 1;
  const whole = (self: unknown): number => lengthOf(self);
  for (const name of ['charCodeAt', 'charAt', 'codePointAt', 'at', 'slice', 'substring', 'substr']) wrap(S, name, one, patches);
  for (const name of ['includes', 'search', 'normalize', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'split', 'replace', 'replaceAll', 'match', 'matchAll', 'localeCompare', 'padStart', 'padEnd', 'concat']) {
    wrap(S, name, whole, patches);
  }
  wrap(S, 'repeat', (_self, _args, result) => lengthOf(result), patches);
  wrap(S, 'startsWith', (_self, args) => lengthOf(args[0]), patches);
  wrap(S, 'endsWith', (_self, args) => lengthOf(args[0]), patches);
  wrap(
    S,
    'indexOf',
    (self, args, result: number) => {
      const from = Math.max(0, Number(args[1]) || 0);
      return result >= 0 ? result - from + lengthOf(args[0]) : lengthOf(self) - from;
    },
    patches,
  );
  wrap(
    S,
    'lastIndexOf',
    (self, args, result: number) => {
      const from = args[1] === undefined ? lengthOf(self) : Math.min(lengthOf(self), Number(args[1]) || 0);
      return result >= 0 ? from - result + 1 : from;
    },
    patches,
  );
  const R = RegExp.prototype;
  const originalExec = R.exec;
  patches.push({ target: R, name: 'exec', original: originalExec as AnyFn });
  Object.defineProperty(R, 'exec', {
    value: function (this: RegExp, input: string): RegExpExecArray | null {
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const result = Reflect.apply(originalExec, this, [input]) as RegExpExecArray | null;
      if (active) {
        const text = String(input);
        work += Math.max(1, result ? result.index + result[0].length - start : text.length - start);
      }
      return result;
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  wrap(Array.prototype, 'join', (self: unknown[]) => (Array.isArray(self) ? self.length : 1), patches);
  wrap(Buffer, 'byteLength', (_self, args) => lengthOf(args[0]), patches);
  wrap(Buffer, 'from', (_self, args) => (typeof args[0] === 'string' ? args[0].length : (args[0]?.length ?? 1)), patches);

  work = 0;
  active = true;
  try {
    const result = fn();
    return { result, work };
  } finally {
    active = false;
    for (const p of patches.reverse()) {
      Object.defineProperty(p.target, p.name, { value: p.original, writable: true, configurable: true, enumerable: false });
    }
  }
}
