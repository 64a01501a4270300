/**
 * Whether one of caniemail's notes on partial support applies to what the
 * HTML actually holds. Most "partial" results are partial only for some uses:
 * "Negative values are not supported", "`rem` values are not supported",
 * "Not supported on `<span>` and `<body>` elements", "Only supported on table
 * cells". A `margin:0` on a `<td>` misbehaves in none of those, and flagging
 * it would drown the notes that do matter. Notes are read by their wording
 * (the data's own conventions), so new features are understood without a
 * list per feature; a note whose wording says nothing checkable ("Buggy …",
 * "Not supported with non Google accounts") always applies.
 */

/** Where a feature was found. */
export interface FeatureUse {
  /** The element it is on (inline style, attribute, the element itself); undefined in a `<style>` sheet, where any element may be meant. */
  element?: string;
  /** The CSS value or attribute value; for `!important`, its source text with the white space before it. */
  value?: string;
  /** True for a declaration in a `<style>` sheet, false for a `style=""` attribute, undefined when not CSS. */
  sheet?: boolean;
}

/** What a note restricts, read from its wording. */
type NoteCondition =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'multiple' }
  | { kind: 'not-on'; elements: string[] }
  | { kind: 'only-on'; elements: string[] }
  | { kind: 'negative' }
  | { kind: 'values'; patterns: RegExp[]; elements?: string[] }
  | { kind: 'max-px'; max: number }
  | { kind: 'numeric' }
  | { kind: 'uppercase' }
  | { kind: 'no-space-before' }
  | { kind: 'in-sheet' }
  | { kind: 'inline' };

const ALWAYS: NoteCondition = { kind: 'always' };

/** Conditions already read, by note text. */
const parsed = new Map<string, NoteCondition>();

/** The `<name>` elements a note lists. */
function elementsIn(note: string): string[] {
  return note
    .split('`')
    .filter((_, i) => i % 2 === 1)
    .map((t) => /^<([a-z][a-z0-9]*)>$/i.exec(t.trim())?.[1].toLowerCase())
    .filter((e): e is string => !!e && e !== 'number');
}

/** Words the data uses for kinds of values, as patterns. */
const VALUE_WORDS: Readonly<Record<string, RegExp>> = {
  percentage: /%/,
  relative: /\d(?:r?em|ex|ch)|(?:smaller|larger)/i,
};

/** A pattern for one back-quoted value or unit: a whole word of the value, or a unit after a number. */
function valuePattern(token: string): RegExp {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?:^|[^a-z-])${escaped}(?![a-z-])`, 'i');
}

/** Reads what a note restricts. Sentences that say nothing checkable make it apply always. */
export function noteCondition(note: string): NoteCondition {
  const known = parsed.get(note);
  if (known) return known;
  let c: NoteCondition = ALWAYS;
  // "Buggy. …" notes describe a defect of every use.
  // "Supports the vendor prefixed value …" tells, it does not restrict.
  const elements = elementsIn(note);
  // Back-quoted values: the odd pieces between back quotes, not elements (`<td>`) nor declarations (`display:none`).
  const tokens = note
    .split('`')
    .filter((_, i) => i % 2 === 1)
    .map((t) => t.trim())
    .filter((t) => t && !/[<>:;]/.test(t));
  const buggy = /^\s*buggy\b/i.test(note);
  let m: RegExpExecArray | null;
  if (/^\s*supports\b/i.test(note)) c = { kind: 'never' };
  else if ((m = /can ?not be (?:bigger|larger|more) than (\d+)px/i.exec(note))) c = { kind: 'max-px', max: Number(m[1]) };
  else if (/`<number>` values?/i.test(note)) c = { kind: 'numeric' };
  else if (/only supported in lowercase/i.test(note)) c = { kind: 'uppercase' };
  else if (/\bno space before\b|\bonly supported with a space before\b/i.test(note)) c = { kind: 'no-space-before' };
  else if (/\bonly supported inline\b/i.test(note)) c = { kind: 'in-sheet' };
  else if (/\bnot supported inline\b/i.test(note)) c = { kind: 'inline' };
  else if (/only (?:supported|works?) (?:on|in|for) table cells/i.test(note)) c = { kind: 'only-on', elements: ['td', 'th'] };
  else if (elements.length && /only (?:supported|works?) (?:on|in|for)\b/i.test(note)) c = { kind: 'only-on', elements };
  else if (elements.length && tokens.length && /\bdo(?:es)?(?:n't| not) work on\b|\bnot supported on\b/i.test(note)) c = { kind: 'values', patterns: tokens.map(valuePattern), elements };
  else if (elements.length && /\bnot supported (?:on|in|for)\b|\bdo(?:es)?(?:n't| not) work on\b|\bif used on\b/i.test(note)) c = { kind: 'not-on', elements };
  else if (buggy && tokens.length && /\bunits?\b/i.test(note)) c = { kind: 'values', patterns: tokens.map(valuePattern) };
  else if (!buggy && /negative values are not supported/i.test(note)) c = { kind: 'negative' };
  else if (!buggy && /\bnot support(?:ed)?(?: with)? multiple values\b/i.test(note)) c = { kind: 'multiple' };
  else if (!buggy && !elements.length && /\b(?:are|is)? ?not supported\b|\bdoes(?:n't| not) support\b/i.test(note) && !/\bonly\b/i.test(note) && tokens.length) {
    // "`rem` values are not supported", "`overline` is not supported", "Doesn't support the `match-parent` value".
    c = { kind: 'values', patterns: tokens.map((t) => VALUE_WORDS[t.toLowerCase()] ?? valuePattern(t)) };
  }
  if (parsed.size < 10_000) parsed.set(note, c);
  return c;
}

/** True when the note's condition holds for this use (an unknown element or value cannot rule a note out). */
export function noteApplies(note: string, use: FeatureUse): boolean {
  const c = noteCondition(note);
  switch (c.kind) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'multiple':
      return use.value === undefined || /,|\S\s+\S/.test(use.value.trim());
    case 'not-on':
      return use.element === undefined || c.elements.includes(use.element);
    case 'only-on':
      return use.element === undefined || !c.elements.includes(use.element);
    case 'negative':
      return use.value === undefined || /(?:^|[\s(,])-(?:\d|\.\d)/.test(use.value);
    case 'values':
      if (c.elements && use.element !== undefined && !c.elements.includes(use.element)) return false;
      return use.value === undefined || c.patterns.some((re) => re.test(use.value!));
    case 'max-px':
      return use.value === undefined || [...use.value.matchAll(/(\d+(?:\.\d+)?)px/gi)].some((x) => Number(x[1]) > c.max);
    case 'numeric':
      return use.value === undefined || /^\s*\d+\s*$/.test(use.value);
    case 'uppercase':
      return use.value === undefined || /[A-Z]/.test(use.value);
    case 'no-space-before':
      return use.value === undefined || !/^\s/.test(use.value);
    case 'in-sheet':
      return use.sheet !== false;
    case 'inline':
      return use.sheet !== true;
  }
}

/** True when a note can rule out some uses (so verdicts depend on the use). */
export function isConditional(note: string): boolean {
  const kind = noteCondition(note).kind;
  return kind !== 'always' && kind !== 'never';
}
