/**
 * What a transcript dialect is: one log format's way of marking which side
 * sent a line. Each format is one module of this folder exporting a
 * `DialectReader`; ./index.ts lists them, and ../lines.ts runs whichever one
 * the file is written in over every line. The rest of the analysis sees only
 * client, server, annotation and blank lines.
 */

/** What a line is. */
export type LineKind = 'client' | 'server' | 'annotation' | 'blank' | 'invalid';

/** One line as a reader classifies it. */
export interface Classified {
  kind: LineKind;
  /** Length of the marker, from the start of the line (after `lead`). */
  prefixLength: number;
  /** Characters of leading text before the marker (Postfix indents). */
  lead?: number;
  /** The line was sent inside TLS (swaks' `~`). */
  tls?: boolean;
  /** The line stands for a DATA body the log did not record. */
  elidedData?: boolean;
  /** An unmarked line that is message data when a DATA body is open (nodemailer's DEBUG lines). */
  maybeData?: boolean;
}

/** Classifies one line's text (without its line break); undefined when it carries none of the dialect's markers. */
export type LineClassifier = (line: string) => Classified | undefined;

/** A line's start and end offsets in the text. */
export interface RawLine {
  offset: number;
  end: number;
}

/** The rows of a line table, as ../lines.ts builds them (typed arrays, changed in place). */
export interface LineRows {
  count: number;
  offsets: Int32Array;
  ends: Int32Array;
  prefixOffsets: Int32Array;
  contentOffsets: Int32Array;
  info: Uint8Array;
}

/** The kind codes and flags of ../lines.ts, passed in so that a reader imports nothing from it. */
export interface LineCodes {
  readonly client: number;
  readonly server: number;
  readonly annotation: number;
  readonly blank: number;
  readonly elidedData: number;
}

/** One log format. */
export interface DialectReader<N extends string = string> {
  /** The dialect's id (`Dialect` is the union of the registered ones). */
  readonly name: N;
  /** Its human name, for messages and the conversion action. */
  readonly label: string;
  /** Classifies a line; during detection it sees at most the line's first 200 characters. */
  readonly classify: LineClassifier;
  /**
   * The classifier for one whole text, for a format whose markers mean
   * different things in different files (Postfix's two directions); `head` is
   * the first lines of the text. `classify` when absent.
   */
  readonly classifierFor?: (text: string, head: readonly RawLine[]) => LineClassifier;
  /** A line that marks a file as this dialect though no protocol line carries a marker (swaks --no-hints). */
  readonly isSignatureLine?: (line: string) => boolean;
  /**
   * True when the reader's annotation lines carry a marker of the tool's own
   * (swaks' `===`, `***`): converting to the canonical form drops it and keeps
   * the note. Otherwise the whole line becomes the note.
   */
  readonly annotationMarker?: boolean;
  /** After every line is classified: gives lines the reader could only judge in context their kind. */
  readonly resolve?: (text: string, rows: LineRows, codes: LineCodes) => void;
}

/** Declares a reader, keeping its name's literal type for the `Dialect` union. */
export function defineDialect<N extends string>(reader: DialectReader<N>): DialectReader<N> {
  return reader;
}
