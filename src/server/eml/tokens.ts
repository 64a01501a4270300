/**
 * Semantic tokens of `.eml` documents, as offset spans (the server encodes them):
 * header names the RFCs define (`property` + `defaultLibrary`) and unknown ones
 * (`property`), encoded words (`macro`), dates (`number`), media types (`type`),
 * transfer encodings (`enumMember`), addresses (`variable`) and addresses
 * that failed to parse (`variable` + `deprecated`).
 */
import { mailboxesOf, parseAddressList } from '../../mail/message/address';
import { decodeEncodedWords, type EncodedWord } from '../../mail/message/encodings';
import { isAddressField, lookupField } from '../../mail/message/fieldCatalog';
import type { HeaderField, MimePart } from '../../mail/message/model';
import type { FeatureContext } from '../features';
import type { SemanticTokenSpan } from '../semanticTokens';
import { parsedOf } from './parsed';

/** A candidate `=?charset?X?text?=`. Bounded charset and no backtracking into the text: linear over a line. */
const ENCODED_WORD_CANDIDATE = /=\?[^?\s]{1,75}\?[^?\s]\?[^?\s]*\?=/g;

/** Most encoded words decoded on one physical line. */
const MAX_WORDS_PER_LINE = 200;

/** One encoded word found in a line, decoded (offset relative to the line). */
export type FoundWord = Omit<EncodedWord, 'offset'> & { offset: number };

/**
 * The encoded words of one physical line. Candidates are found with a linear
 * scan and each is decoded on its own, so a hostile line (`=?=?=?...`) costs
 * linear time; a candidate the decoder rejects is reported invalid.
 */
export function encodedWordsIn(line: string, at?: number): FoundWord[] {
  const out: FoundWord[] = [];
  if (!line.includes('=?')) return out;
  ENCODED_WORD_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCODED_WORD_CANDIDATE.exec(line))) {
    if (at !== undefined && (at < m.index || at > m.index + m[0].length)) continue;
    // A legal line (998 octets) holds far fewer words; beyond this a line is hostile, not mail.
    if (out.length >= MAX_WORDS_PER_LINE) break;
    const word = m[0].length <= 1000 ? decodeEncodedWords(m[0]).words[0] : undefined;
    if (word && word.offset === 0 && word.length === m[0].length) out.push({ ...word, offset: m.index });
    else {
      const parts = m[0].split('?');
      out.push({ offset: m.index, length: m[0].length, charset: parts[1] ?? '', encoding: parts[2] ?? '', decoded: m[0], valid: false, error: ['word-malformed'] });
    }
  }
  return out;
}

/** Calls `visit(lineText, lineOffset)` for the value part of every physical line of a field. */
export function forEachValueLine(text: string, h: HeaderField, visit: (line: string, offset: number) => void): void {
  for (const line of h.lines) {
    const start = Math.max(line.offset, h.valueOffset);
    const end = line.offset + line.length;
    if (end > start) visit(text.slice(start, end), start);
  }
}

/** The span of a field's value with surrounding white space trimmed (on a single line; folded values give their first line). */
function trimmedValueSpan(text: string, h: HeaderField): { offset: number; length: number } | undefined {
  let start = h.valueOffset;
  let end = h.end;
  while (start < end && /[ \t\r\n]/.test(text[start])) start++;
  while (end > start && /[ \t\r\n]/.test(text[end - 1])) end--;
  return end > start ? { offset: start, length: end - start } : undefined;
}

/** Token spans of the document. */
export function emlSemanticTokens(ctx: FeatureContext): SemanticTokenSpan[] {
  const text = ctx.document.getText();
  const { root } = parsedOf(ctx);
  const spans: SemanticTokenSpan[] = [];
  const stack: MimePart[] = [root];
  while (stack.length) {
    const part = stack.pop()!;
    for (const h of part.headers) {
      // A line without a colon is not a field (header-syntax): leave it uncoloured.
      const info = lookupField(h.name);
      if (h.nameLength > 0 && h.colonOffset >= 0) {
        spans.push(
          info
            ? { offset: h.nameOffset, length: h.nameLength, type: 'property', modifiers: ['defaultLibrary'] }
            : { offset: h.nameOffset, length: h.nameLength, type: 'property' },
        );
      }
      if (h.colonOffset < 0) continue;
      const grammar = info?.grammar;
      if (grammar === 'date-time') {
        const span = trimmedValueSpan(text, h);
        if (span) spans.push({ ...span, type: 'number' });
        continue;
      }
      if (isAddressField(info)) {
        // The address parser reads the raw slice (folds included), so its offsets are document offsets.
        const parsed = parseAddressList(text.slice(h.valueOffset, h.end), h.valueOffset);
        for (const m of mailboxesOf(parsed.items)) spans.push({ offset: m.addressOffset, length: m.addressLength, type: 'variable' });
        for (const p of parsed.problems) {
          if (p.code === 'address-syntax' && p.length > 0) spans.push({ offset: p.offset, length: p.length, type: 'variable', modifiers: ['deprecated'] });
        }
      }
      if (grammar === 'media-type') {
        const m = /^[ \t]*([!#-'*+.0-9A-Z^-~-]+\/[!#-'*+.0-9A-Z^-~-]+)/.exec(text.slice(h.valueOffset, Math.min(h.end, h.valueOffset + 200)));
        if (m) spans.push({ offset: h.valueOffset + m[0].length - m[1].length, length: m[1].length, type: 'type' });
      } else if (grammar === 'mechanism') {
        const span = trimmedValueSpan(text, h);
        if (span) spans.push({ ...span, type: 'enumMember' });
      }
      // Encoded words never hold white space, so they never cross a fold: scan line by line.
      forEachValueLine(text, h, (line, offset) => {
        for (const w of encodedWordsIn(line)) {
          spans.push({ offset: offset + w.offset, length: w.length, type: 'macro', modifiers: w.valid ? undefined : ['deprecated'] });
        }
      });
    }
    if (part.embedded) stack.push(part.embedded);
    for (let i = part.children.length - 1; i >= 0; i--) stack.push(part.children[i]);
  }
  return spans;
}
