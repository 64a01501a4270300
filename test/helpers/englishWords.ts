/**
 * Finds English words in a Persian message (see test/i18n/noEnglish.test.ts for
 * the rules: technical tokens in ltr() isolates and the user's own text in
 * first-strong isolates pass; everything else in Latin script is examined).
 */
import assert from 'node:assert/strict';
import { FSI, LRI, PDI, RLI, stripBidi } from '../../src/mail/bidi';
import { decodeEncodedWords } from '../../src/mail/message/encodings';

/**
 * Latin-script words allowed in Persian prose, each because Persian technical
 * writing uses it as is (there is no Persian word a reader would recognise):
 * the acronyms of the standards and character sets.
 */
const ALLOWED = new Set([
  'RFC', // "RFC 5322": the name of the standard, always followed by its number.
  'ASCII', // the character set's name; Persian technical texts write it in Latin letters.
  'MIME', // the standard's name (RFC 2045), likewise.
]);

/** Lowercase, white space (folds included) collapsed to one space. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** The document in the forms the user's text can be quoted from: as written, without quoted-pair backslashes, encoded words decoded. */
export function documentForms(text: string): string[] {
  const forms = [normalise(text), normalise(text.replace(/\\/g, ''))];
  if (text.includes('=?')) forms.push(normalise(decodeEncodedWords(text).text));
  return forms;
}

/** True when `run` (an isolate's content) is text of the document; a shortened run ends with "…". */
export function isUserText(run: string, forms: readonly string[]): boolean {
  const needle = normalise(stripBidi(run).replace(/…$/, '')).trim();
  return needle === '' || forms.some((f) => f.includes(needle));
}

/**
 * The English words of a Persian message: Latin words of 3+ letters outside
 * technical and user-text isolates, except the ALLOWED ones. Also fails on an
 * unbalanced isolate.
 */
export function englishWords(message: string, forms: readonly string[]): string[] {
  let examined = '';
  let i = 0;
  while (i < message.length) {
    const ch = message[i];
    if (ch !== LRI && ch !== FSI && ch !== RLI) {
      assert.notEqual(ch, PDI, `PDI without an opener in ${message}`);
      examined += ch;
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < message.length && depth > 0; j++) {
      if (message[j] === LRI || message[j] === FSI || message[j] === RLI) depth++;
      else if (message[j] === PDI) depth--;
    }
    assert.equal(depth, 0, `unclosed isolate in ${message}`);
    const inner = message.slice(i + 1, j - 1);
    const plain = stripBidi(inner);
    let keep: boolean;
    if (ch === LRI) keep = /[A-Za-z]+(?: [A-Za-z]+){2,}/.test(plain) && !isUserText(inner, forms);
    else if (ch === FSI) keep = !isUserText(inner, forms);
    else keep = true; // a right-to-left run is prose
    examined += keep ? ` ${plain} ` : ' ';
    i = j;
  }
  return (examined.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED.has(w));
}

