/**
 * Re-validation after an edit inside one body part, without re-reading the rest
 * of the message.
 *
 * A message's structure (RFC 2046 §5.1.1) is decided by header sections and by
 * lines that start with "--". An edit that stays inside one leaf part's body and
 * makes or removes no such line cannot move any part: the previous parse, with
 * every offset after the edit shifted, is the parse of the new text. Validation
 * then only has to re-check that part's body (its transfer encoding, its lines)
 * and the one message-level check that reads every line (line-ending style); all
 * other problems are the previous ones, shifted.
 *
 * Every function here refuses (returns undefined) rather than guess: the caller
 * then parses and validates the whole text, which gives the same result.
 */
import type { Problem } from '../codes';
import type { HeaderField, MimePart, ParsedMessage } from './model';
import { walkParts } from './model';
import { htmlParts } from '../html/check';
import {
  DEFAULT_MAX_FULL_SIZE,
  MAX_PER_CODE,
  mixedLineEndingsProblem,
  validateBody,
  validateWithLineEndings,
  type LineEndings,
  type MessageValidationOptions,
} from './validate';

/**
 * One replacement in a text: the old text's [offset, oldEnd) became the new
 * text's [offset, newEnd). Several edits compose into one (see `composeEdits`).
 */
export interface TextEdit {
  offset: number;
  oldEnd: number;
  newEnd: number;
}

/** The single edit that has the effect of `first` followed by `second` (whose offsets are in the text after `first`). */
export function composeEdits(first: TextEdit, second: TextEdit): TextEdit {
  const offset = Math.min(first.offset, second.offset);
  // The second edit's old end, mapped back through the first edit.
  const oldEnd = second.oldEnd > first.newEnd ? first.oldEnd + (second.oldEnd - first.newEnd) : first.oldEnd;
  const newEnd = Math.max(first.newEnd, second.oldEnd) + (second.newEnd - second.oldEnd);
  return { offset, oldEnd: Math.max(oldEnd, offset), newEnd: Math.max(newEnd, offset) };
}

/**
 * How a parse was derived from the previous one: which part the edit was in, before and after.
 * The previous parse is held weakly: it is only compared with the one a re-validation is
 * given, and a strong reference made every parse keep its predecessor, and so every
 * version's text, alive for as long as the latest one (10 MB per keystroke in a 10 MB message).
 */
interface Derivation {
  from: WeakRef<ParsedMessage>;
  edit: TextEdit;
  oldPart: MimePart;
  newPart: MimePart;
}

const derivations = new WeakMap<ParsedMessage, Derivation>();

/** The leaf part whose body holds the whole of [from, to], or undefined. */
function leafHolding(root: MimePart, from: number, to: number): MimePart | undefined {
  let part = root;
  for (;;) {
    if (part.embedded) {
      part = part.embedded;
      continue;
    }
    if (part.children.length === 0) break;
    const child = part.children.find((c) => c.offset <= from && to <= c.end);
    if (!child) return undefined;
    part = child;
  }
  if (part.boundary !== undefined || !part.hasSeparator) return undefined;
  return part.bodyOffset <= from && to <= part.bodyEnd ? part : undefined;
}

/** True when a line of `text` starting at `at` could be a boundary delimiter (RFC 2046 §5.1.1) or an mbox envelope line. */
function couldBeStructural(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 45 /* - */) return text.charCodeAt(at + 1) === 45;
  return c === 70 /* F */ && text.startsWith('From ', at);
}

/**
 * The parse of `text`, which is `previous.text` with `edit` applied, when the edit
 * cannot have changed the structure; otherwise undefined (parse it whole).
 *
 * The edit must lie inside one leaf part's (non-empty) body, and no line it
 * touches, before or after, may start with "--" (a delimiter could appear or
 * vanish) or "From " (an mbox message could appear). Line breaks may be typed:
 * the lines they make are checked the same way. An edit that ends where the body
 * does may not leave a CR there, which would join the delimiter's line break.
 */
export function reparseAfterEdit(previous: ParsedMessage, text: string, edit: TextEdit): ParsedMessage | undefined {
  const old = previous.text;
  const { offset: s, oldEnd: e, newEnd } = edit;
  const delta = newEnd - e;
  if (s < 0 || e > old.length || newEnd > text.length || text.length - old.length !== delta) return undefined;
  const part = leafHolding(previous.root, s, e);
  if (!part || part.bodyEnd <= part.bodyOffset) return undefined;
  // Lines touched by the edit, in both texts: the one holding the edit's start, and every one starting inside it.
  const lineStart = s === 0 ? 0 : old.lastIndexOf('\n', s - 1) + 1;
  if (lineStart < part.bodyOffset) return undefined;
  for (const [t, end] of [
    [old, e],
    [text, newEnd],
  ] as const) {
    if (couldBeStructural(t, lineStart)) return undefined;
    for (let i = t.indexOf('\n', s); i >= 0 && i < end; i = t.indexOf('\n', i + 1)) {
      if (couldBeStructural(t, i + 1)) return undefined;
    }
  }
  if (e === part.bodyEnd && part.parent && newEnd > part.bodyOffset && text.charCodeAt(newEnd - 1) === 13) return undefined;
  if (e === part.bodyEnd && part.parent && newEnd === part.bodyOffset) return undefined;

  // The parser's dominant line break (`eol`) counts the line breaks of the lines it reads: all of a
  // single-part body, none of a multipart's part bodies that a later "--" line lets it skip.
  const breaksBefore = countBreaks(old, s, Math.min(old.length, e + 1));
  const breaksAfter = countBreaks(text, s, Math.min(text.length, newEnd + 1));
  if (breaksBefore.crlf !== breaksAfter.crlf || breaksBefore.lf !== breaksAfter.lf) {
    if (!part.parent || text.indexOf('\n--', newEnd) < 0) return undefined;
  }

  const shift = (v: number): number => (v >= e ? v + delta : v);
  const copies = new Map<MimePart, MimePart>();
  const copy = (p: MimePart, parent: MimePart | undefined): MimePart => {
    const q: MimePart = {
      ...p,
      offset: shift(p.offset),
      headerEnd: shift(p.headerEnd),
      bodyOffset: p === part ? p.bodyOffset : shift(p.bodyOffset),
      bodyEnd: shift(p.bodyEnd),
      end: shift(p.end),
      headers: p.headers.map((h) => shiftHeader(h, shift)),
      boundaryLines: p.boundaryLines.map((l) => ({ ...l, offset: shift(l.offset) })),
      children: [],
    };
    // `parent` is not enumerable (no cycle for JSON.stringify): define it as the parser does.
    Object.defineProperty(q, 'parent', { value: parent, enumerable: false, writable: true, configurable: true });
    copies.set(p, q);
    q.children = p.children.map((c) => copy(c, q));
    if (p.embedded) q.embedded = copy(p.embedded, q);
    return q;
  };
  const root = copy(previous.root, undefined);
  const problems = previous.problems.map((p) => ({ ...p, offset: shift(p.offset) }));
  // A parser problem reaching into the edited body (a missing close delimiter anchored at its end) may change with it.
  if (previous.problems.some((p) => p.offset + p.length >= part.bodyOffset && p.offset <= part.bodyEnd)) return undefined;
  if (previous.problems.some((p) => p.data && shiftData(p.data, s, e, delta) === undefined)) return undefined;
  for (let k = 0; k < problems.length; k++) {
    const data = previous.problems[k].data;
    if (data) problems[k].data = shiftData(data, s, e, delta);
  }
  const parsed: ParsedMessage = { root, text, eol: previous.eol, problems, steps: previous.steps };
  derivations.set(parsed, { from: new WeakRef(previous), edit, oldPart: part, newPart: copies.get(part)! });
  return parsed;
}

/** Line breaks at [from, to): CRLF (the LF preceded by CR) and LF alone. */
function countBreaks(text: string, from: number, to: number): { crlf: number; lf: number } {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return { crlf, lf };
}

function shiftHeader(h: HeaderField, shift: (v: number) => number): HeaderField {
  return {
    ...h,
    offset: shift(h.offset),
    end: shift(h.end),
    nameOffset: shift(h.nameOffset),
    colonOffset: h.colonOffset < 0 ? -1 : shift(h.colonOffset),
    valueOffset: shift(h.valueOffset),
    lines: h.lines.map((l) => ({ offset: shift(l.offset), length: l.length })),
  };
}

/** Names of `data` fields that hold offsets into the text (quick fixes read them); other numbers are counts. */
const OFFSET_KEYS = new Set([
  'offset',
  'end',
  'insertOffset',
  'lineOffset',
  'lineEnd',
  'fieldOffset',
  'fieldEnd',
  'firstOffset',
  'valueOffset',
  'valueEnd',
  'cteOffset',
  'cteEnd',
  'headerEnd',
  'bodyOffset',
  'bodyEnd',
  'partOffset',
]);
const COUNT_KEYS = new Set(['crlf', 'lf', 'octets']);

/**
 * One offset moved by the edit, or undefined when it cannot be told where it
 * goes (inside the replaced text, or at an insertion point, where a start stays
 * and an end moves).
 */
function shiftOffset(v: number, s: number, e: number, delta: number): number | undefined {
  if (v < s) return v;
  if (v === s) return s === e ? undefined : v;
  if (v < e) return undefined;
  return v + delta;
}

/** `data` with its offsets moved, or undefined when a field is not known to be an offset or a count. */
function shiftData(data: Record<string, unknown>, s: number, e: number, delta: number): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value !== 'number') return undefined;
    if (COUNT_KEYS.has(key)) continue;
    if (!OFFSET_KEYS.has(key)) return undefined;
    // `needsLineBreak` says whether the character before `insertOffset` is a line end: an edit that
    // ends right at that offset may have changed that character, so the flag cannot be carried over.
    if (key === 'insertOffset' && 'needsLineBreak' in data && value > s && value <= e) return undefined;
    const moved = shiftOffset(value, s, e, delta);
    if (moved === undefined) return undefined;
    if (moved !== value) (out ??= { ...data })[key] = moved;
  }
  return out ?? data;
}

/** A validation result that can be updated after an edit. */
export interface ValidationState {
  parsed: ParsedMessage;
  problems: Problem[];
  lineEndings: LineEndings;
  /** Characters whose body checks ran to make this state (the whole text for a full validation): tests read it. */
  checkedChars: number;
  /** The last re-checked part and its problems (objects in `problems`), so that typing on in it re-checks it once per edit. */
  lastPart?: { part: MimePart; problems: Problem[]; lineEndings: LineEndings };
}

/** Validates a parse whole, keeping what `revalidateAfterEdit` needs. */
export function validateState(parsed: ParsedMessage, options: MessageValidationOptions = {}): ValidationState {
  const { problems, lineEndings } = validateWithLineEndings(parsed, options);
  return { parsed, problems, lineEndings, checkedChars: parsed.text.length };
}

/** Headers whose checks read body content (DKIM and ARC body hashes, RFC 6376 §3.7, RFC 8617 §5.1). */
const SIGNATURE_FIELD = /^(?:dkim-signature|arc-)/i;

/**
 * The validation of `parsed`, when it was derived by `reparseAfterEdit` from the
 * parse `previous` validated (with the same options): the edited part's body is
 * re-checked and spliced into the previous problems. Undefined when the result
 * could differ from `validateState(parsed, options)` (a capped code, a signed
 * message, an HTML part, a size limit, ...).
 */
export function revalidateAfterEdit(previous: ValidationState, parsed: ParsedMessage, options: MessageValidationOptions = {}): ValidationState | undefined {
  const derivation = derivations.get(parsed);
  if (!derivation || derivation.from.deref() !== previous.parsed) return undefined;
  const { edit, oldPart, newPart } = derivation;
  const { offset: s, oldEnd: e } = edit;
  const delta = edit.newEnd - e;
  const oldText = previous.parsed.text;
  const maxFullSize = options.maxFullSize ?? DEFAULT_MAX_FULL_SIZE;
  if (oldText.length > maxFullSize || parsed.text.length > maxFullSize) return undefined;
  if (options.html !== false && htmlParts(parsed).includes(newPart)) return undefined;
  let signed = false;
  walkParts(parsed.root, (p) => {
    if (!signed && p.headers.some((h) => SIGNATURE_FIELD.test(h.name))) signed = true;
  });
  if (signed) return undefined;

  const counts = new Map<string, number>();
  for (const p of previous.problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  for (const n of counts.values()) if (n >= MAX_PER_CODE) return undefined;

  const before =
    previous.lastPart?.part === oldPart ? previous.lastPart : { part: oldPart, ...validateBody(oldText, oldPart, options) };
  const after = validateBody(parsed.text, newPart, options);

  // The previous problems minus the part's own and the line-ending one, shifted.
  const own = new Set(before.problems);
  const keyOf = (p: Problem): string => `${p.code}\u0000${p.offset}\u0000${p.length}\u0000${p.message}`;
  const pending = new Map<string, number>();
  if (previous.lastPart?.part !== oldPart) {
    // Recomputed, so not the same objects: match them by what they say.
    own.clear();
    for (const p of before.problems) pending.set(keyOf(p), (pending.get(keyOf(p)) ?? 0) + 1);
  }
  const kept: Problem[] = [];
  for (const p of previous.problems) {
    if (p.code === 'mixed-line-endings') continue;
    if (own.has(p)) continue;
    const n = pending.get(keyOf(p));
    if (n) {
      pending.set(keyOf(p), n - 1);
      continue;
    }
    const moved = shiftProblem(p, s, e, delta);
    if (!moved) return undefined;
    kept.push(moved);
  }
  for (const n of pending.values()) if (n) return undefined;

  const lineEndings = combineLineEndings(previous.lineEndings, before.lineEndings, after.lineEndings, oldPart.bodyOffset, delta);
  if (!lineEndings) return undefined;
  const problems = kept.concat(after.problems);
  if (lineEndings.crlf > 0 && lineEndings.lf > 0) problems.push(mixedLineEndingsProblem(lineEndings));
  counts.clear();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  for (const n of counts.values()) if (n >= MAX_PER_CODE) return undefined;
  problems.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return {
    parsed,
    problems,
    lineEndings,
    checkedChars: (before === previous.lastPart ? 0 : oldPart.bodyEnd - oldPart.bodyOffset) + (newPart.bodyEnd - newPart.bodyOffset),
    lastPart: { part: newPart, problems: after.problems, lineEndings: after.lineEndings },
  };
}

/** A problem outside the edited part, moved by the edit; undefined when it spans or touches the edit. */
function shiftProblem(p: Problem, s: number, e: number, delta: number): Problem | undefined {
  if (p.offset < s && p.offset + p.length > s) return undefined;
  const offset = shiftOffset(p.offset, s, e, delta);
  if (offset === undefined) return undefined;
  let data = p.data;
  if (data) {
    data = shiftData(data, s, e, delta);
    if (!data) return undefined;
  }
  let related = p.related;
  if (related) {
    const moved = [];
    for (const r of related) {
      if (r.offset < s && r.offset + r.length > s) return undefined;
      const o = shiftOffset(r.offset, s, e, delta);
      if (o === undefined) return undefined;
      moved.push(o === r.offset ? r : { ...r, offset: o });
    }
    related = moved;
  }
  if (offset === p.offset && data === p.data && related === p.related) return p;
  return { ...p, offset, ...(data ? { data } : {}), ...(related ? { related } : {}) };
}

/**
 * The document's line-ending counts after the edited part's lines went from
 * `before` to `after`; undefined when the first break of a style was in the part
 * and is gone (finding the next one means a scan).
 */
function combineLineEndings(total: LineEndings, before: LineEndings, after: LineEndings, partStart: number, delta: number): LineEndings | undefined {
  const first = (all: number, was: number, now: number): number | undefined => {
    if (all >= 0 && all < partStart) return all;
    if (now >= 0) return now;
    if (was >= 0) return undefined;
    return all >= 0 ? all + delta : -1;
  };
  const firstCrlf = first(total.firstCrlf, before.firstCrlf, after.firstCrlf);
  const firstLf = first(total.firstLf, before.firstLf, after.firstLf);
  if (firstCrlf === undefined || firstLf === undefined) return undefined;
  return { crlf: total.crlf - before.crlf + after.crlf, lf: total.lf - before.lf + after.lf, firstCrlf, firstLf };
}
