/**
 * Keeps one object of each hot per-check class reachable for the life of the
 * process.
 *
 * V8 forgets an object shape (a "map") once no live object has it, and throws
 * away every optimized function that was specialized to that shape. The HTML
 * checks build their tokenizer, visitor and position map afresh for each part,
 * so all of them die between two checks: after the next full garbage
 * collection, the following check ran in the interpreter and re-optimized
 * everything on the way (four times the CPU time of a warm check on a 1 MB
 * part). One idle object per class keeps the shapes, and so the optimized
 * code, alive. An object kept here must be built by the same constructor and
 * with fields of the same kinds (string, number, object) as the real ones,
 * or it has another shape; it must hold nothing big.
 */

const kept: object[] = [];

/** Keeps `instance` reachable for good (see above); returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
