/**
 * Offsets to 1-based line and column, for places that print positions
 * (the CLI's `file:line:col`). Pure and linear: the line starts are found
 * once, each lookup is a binary search.
 *
 * Line breaks are CRLF, LF and a lone CR, as in the editor, so a position
 * printed here is the one VS Code shows. Columns count UTF-16 code units,
 * like LSP positions (`src/server/diagnostics.ts`), plus one.
 */

/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Line starts of one text; build once, look up many offsets. */
export class LineIndex {
  private readonly starts: number[];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* CR */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* LF */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** Number of lines (a text ending in a line break has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of `offset` (clamped into the text). */
  positionAt(offset: number): LineColumn {
    const at = Math.max(0, Math.min(Math.floor(offset), this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column (not before that line's start, not past the text's end). */
  offsetAt(position: LineColumn): number {
    const line = Math.max(1, Math.min(position.line, this.starts.length));
    const start = this.starts[line - 1] ?? 0;
    return Math.max(start, Math.min(start + position.column - 1, this.length));
  }
}
