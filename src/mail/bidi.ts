/**
 * Unicode bidirectional isolates for messages that mix a right-to-left language
 * (Persian) with left-to-right runs: header names, reply codes, addresses,
 * commands. Without isolates the Unicode Bidi Algorithm (UAX #9) reorders
 * neutral characters around them, so `<ali@example.ir>` shows as `>ali@example.ir<`
 * and `550 5.1.1` as `5.1.1 550` inside Persian prose. UAX #9 §2.4 recommends
 * isolates (LRI/FSI … PDI) over the older embeddings for exactly this.
 *
 * Pure strings: no `vscode`, no LSP.
 */

/** U+2066 LEFT-TO-RIGHT ISOLATE. */
export const LRI = '\u2066';
/** U+2067 RIGHT-TO-LEFT ISOLATE. */
export const RLI = '\u2067';
/** U+2068 FIRST STRONG ISOLATE: direction taken from the first strong character. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: ends the innermost isolate. */
export const PDI = '\u2069';

/**
 * Wraps a run that is always left-to-right (a code, a header name, an address,
 * a command) in LRI … PDI. Empty runs stay empty.
 */
export function ltr(run: string | number): string {
  const s = String(run);
  return s === '' ? s : `${LRI}${s}${PDI}`;
}

/**
 * Wraps a run of unknown direction (user data: a header value, a file name, a
 * reply text that may itself be Persian) in FSI … PDI, so it keeps its own
 * direction without disturbing the surrounding sentence.
 */
export function isolate(run: string | number): string {
  const s = String(run);
  return s === '' ? s : `${FSI}${s}${PDI}`;
}

/** Removes every isolate/embedding control (for comparing or for plain-text sinks). */
export function stripBidi(text: string): string {
  return text.replace(/[\u2066-\u2069\u202a-\u202e\u200e\u200f]/g, '');
}

/** True when the text holds a right-to-left letter (Arabic script ranges). */
export function hasRtl(text: string): boolean {
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(text);
}
