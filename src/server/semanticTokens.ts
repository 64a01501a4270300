/**
 * Semantic tokens: one legend for both languages, and the encoder from offset
 * spans to the LSP's relative integer format.
 */
import type * as lsp from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Token types we emit (standard LSP names so every theme colours them). */
export const TOKEN_TYPES = [
  'property', // header field name, EHLO keyword
  'keyword', // SMTP verb
  'string', // decoded text, quoted strings
  'number', // reply codes, dates
  'comment', // comments, annotations
  'function',
  'variable', // addresses
  'type', // MIME type
  'enumMember', // enumerated values (encodings)
  'operator',
  'namespace',
  'parameter', // parameters
  'macro', // encoded words
  'decorator',
  'regexp',
] as const;

/** Token modifiers. `defaultLibrary` marks RFC-defined names; `deprecated` marks invalid or obsolete. */
export const TOKEN_MODIFIERS = ['defaultLibrary', 'deprecated', 'declaration', 'readonly', 'documentation', 'modification'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

/** A token as features produce it: an offset span, not a position. */
export interface SemanticTokenSpan {
  offset: number;
  length: number;
  type: TokenType;
  modifiers?: TokenModifier[];
}

/** The legend announced in the server capabilities. */
export const SEMANTIC_TOKENS_LEGEND: lsp.SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/**
 * Encodes spans (any order, possibly spanning lines) into LSP relative data.
 * A span that crosses a line end is split per line because LSP tokens are single-line.
 */
export function encodeSemanticTokens(document: TextDocument, spans: SemanticTokenSpan[]): lsp.SemanticTokens {
  const sorted = [...spans].filter((s) => s.length > 0).sort((a, b) => a.offset - b.offset);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const text = document.getText();
  // LSP tokens may not overlap: a span that starts inside the previous one is
  // trimmed to start where that one ended (the earlier, usually outer, span wins).
  let covered = 0;
  for (const span of sorted) {
    const typeIndex = TOKEN_TYPES.indexOf(span.type);
    let mods = 0;
    for (const m of span.modifiers ?? []) mods |= 1 << TOKEN_MODIFIERS.indexOf(m);
    let start = Math.max(span.offset, covered);
    const end = Math.min(span.offset + span.length, text.length);
    if (end <= start) continue;
    covered = end;
    while (start < end) {
      const pos = document.positionAt(start);
      // End of this line segment: the next CR or LF before `end`.
      let segEnd = start;
      while (segEnd < end && text.charCodeAt(segEnd) !== 10 && text.charCodeAt(segEnd) !== 13) segEnd++;
      if (segEnd > start) {
        const deltaLine = pos.line - prevLine;
        const deltaChar = deltaLine === 0 ? pos.character - prevChar : pos.character;
        if (deltaLine >= 0 && deltaChar >= 0) {
          data.push(deltaLine, deltaChar, segEnd - start, typeIndex, mods);
          prevLine = pos.line;
          prevChar = pos.character;
        }
      }
      start = segEnd;
      while (start < end && (text.charCodeAt(start) === 10 || text.charCodeAt(start) === 13)) start++;
    }
  }
  return { data };
}
