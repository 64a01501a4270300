/**
 * Shared knobs for the hardening tests: one fixed seed so CI runs are
 * reproducible, bounded case counts in CI, and `FUZZ_RUNS` / `FUZZ_SEED` to run
 * longer or differently on a developer machine, e.g.
 * `FUZZ_RUNS=20000 node --test out/test/hardening/messageParser.test.js`.
 */
import * as fc from 'fast-check';

/** Seed of every property in CI; `FUZZ_SEED` replaces it locally. */
export const SEED = Number.isFinite(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261127;

/** Case count: `ciDefault` unless `FUZZ_RUNS` asks for more. */
export function runs(ciDefault: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(asked) && asked > ciDefault ? Math.floor(asked) : ciDefault;
}

/** fast-check parameters: fixed seed, bounded runs, stop at the first failure and shrink it. */
export function params<T>(ciDefault: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: runs(ciDefault), endOnFailure: true };
}

/**
 * Loads a compiled module of `src/` that may not exist yet (other helpers write
 * it while these harnesses are built); `undefined` when absent. Paths are
 * relative to `out/test/hardening/`.
 */
export function optionalModule<T>(relativePath: string): T | undefined {
  try {
    return require(relativePath) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((err as Error).message).includes(relativePath.split('/').pop()!)) {
      return undefined;
    }
    throw err;
  }
}

/**
 * `fc.assert` with the failing assertion's own message in the thrown error (node:test
 * shows only the message, and fast-check's names just the counterexample).
 */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, parameters: fc.Parameters<Ts>): void;
export function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>, parameters: fc.Parameters<Ts>): Promise<void>;
export function assertProperty<Ts>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, parameters: fc.Parameters<Ts>): void | Promise<void> {
  const report = (details: fc.RunDetails<Ts>): void => {
    if (!details.failed) return;
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const shown = JSON.stringify(details.counterexample, (_k, v: unknown) => (typeof v === 'string' && v.length > 500 ? `${v.slice(0, 500)}…(${v.length} chars)` : v));
    throw new Error(`Property failed (seed ${details.seed}, path "${details.counterexamplePath}") on ${shown}:\n${cause}`);
  };
  const details = fc.check(property as fc.IProperty<Ts>, parameters);
  if (details instanceof Promise) return (details as Promise<fc.RunDetails<Ts>>).then(report);
  report(details as fc.RunDetails<Ts>);
}
