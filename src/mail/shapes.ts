/**
 * Keeps one object of each hot per-call class reachable for the life of the
 * process.
 *
 * V8 forgets an object shape (a "map") once no live object has it, and throws
 * away every optimized function that was specialized to that shape. The
 * validators build their parsers, lines, parts, tokenizers and position maps
 * afresh for each call, so all of them die between two calls: after the next
 * full garbage collection, the following call ran in the interpreter and
 * re-optimized everything on the way (HTML checks on a 1 MB part took four
 * times the CPU time of a warm check; a transcript of 20,000 transactions
 * about 2.5 times). One idle object per class keeps the shapes, and so the
 * optimized code, alive. An object kept here must be built by the same
 * constructor and with fields of the same kinds (string, number, object) as
 * the real ones, or it has another shape; it must hold nothing big.
 */

const kept: object[] = [];

/** Keeps `instance` reachable for good (see above); returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
