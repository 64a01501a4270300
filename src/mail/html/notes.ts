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
  /** The CSS value or attribute value; undefined when there is none. */
  value?: string;
}

/** What a note restricts, read from its wording. */
type NoteCondition =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'multiple' }
  | { kind: 'not-on'; elements: string[] }
  | { kind: 'only-on'; elements: string[] }
  | { kind: 'negative' }
  | { kind: 'values'; patterns: RegExp[] };

const ALWAYS: NoteCondition = { kind: 'always' };

/** Conditions already read, by note text. */
const parsed = new Map<string, NoteCondition>();

/** The `<name>` elements a note lists. */
function elementsIn(note: string): string[] {
  return [...note.matchAll(/`<([a-z][a-z0-9]*)>`/gi)].map((m) => m[1].toLowerCase());
}

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
  if (/^\s*supports\b/i.test(note)) c = { kind: 'never' };
  else if (!/^\s*buggy\b/i.test(note)) {
    const elements = elementsIn(note);
    if (/only (?:supported|works?) (?:on|in|for) table cells/i.test(note)) c = { kind: 'only-on', elements: ['td', 'th'] };
    else if (elements.length && /only (?:supported|works?) (?:on|in|for)\b/i.test(note)) c = { kind: 'only-on', elements };
    else if (elements.length && /\bnot supported (?:on|in|for)\b/i.test(note)) c = { kind: 'not-on', elements };
    else if (/negative values are not supported/i.test(note)) c = { kind: 'negative' };
    else if (/\bnot support(?:ed)?(?: with)? multiple values\b/i.test(note)) c = { kind: 'multiple' };
    else if (!elements.length && /\b(?:are|is) not supported\b|\bdoes(?:n't| not) support\b/i.test(note) && !/\bonly\b/i.test(note)) {
      // "`rem` values are not supported", "`overline` is not supported", "Doesn't support the `match-parent` value".
      const tokens = [...note.matchAll(/`([^`<>]+)`/g)].map((m) => m[1].trim()).filter((t) => t && !/[:;]/.test(t));
      if (tokens.length) c = { kind: 'values', patterns: tokens.map(valuePattern) };
    }
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
      return use.value === undefined || c.patterns.some((re) => re.test(use.value!));
  }
}

/** True when a note can rule out some uses (so verdicts depend on the use). */
export function isConditional(note: string): boolean {
  const kind = noteCondition(note).kind;
  return kind !== 'always' && kind !== 'never';
}
