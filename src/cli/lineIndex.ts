/**
 * Offsets to 1-based line and column, for the CLI's `file:line:col`. The line
 * table is the language server's own (`TextDocument` from
 * vscode-languageserver-textdocument), so a position the CLI prints is the one
 * the editor shows: CRLF, LF and a lone CR end lines, and columns count UTF-16
 * code units like LSP positions, plus one.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Line starts of one text; build once, look up many offsets. */
export class LineIndex {
  private readonly document: TextDocument;

  constructor(text: string) {
    this.document = TextDocument.create('file:///cli', 'plaintext', 0, text);
  }

  /** Number of lines (a text ending in a line break has an empty last line). */
  get lineCount(): number {
    return this.document.lineCount;
  }

  /** The 1-based line and column of `offset` (clamped into the text). */
  positionAt(offset: number): LineColumn {
    const p = this.document.positionAt(Math.floor(offset));
    return { line: p.line + 1, column: p.character + 1 };
  }

  /** The offset of a 1-based line and column (not before that line's start, not past the text's end). */
  offsetAt(position: LineColumn): number {
    return this.document.offsetAt({ line: Math.max(0, position.line - 1), character: Math.max(0, position.column - 1) });
  }
}
