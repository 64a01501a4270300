/**
 * The custom requests between the client (src/client) and the language server
 * (src/server): their names and the shapes of their parameters and results, in
 * one module both sides import, so neither reaches into the other's internals.
 * Plain data only: no import of vscode or vscode-languageserver.
 */

/** A zero-based line and UTF-16 character, as LSP counts them. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

/** Name of the request that decodes the MIME part at a position. */
export const DECODE_PART_REQUEST = 'smtpEml/decodePart';

/** Parameters of `smtpEml/decodePart`. */
export interface DecodePartParams {
  uri: string;
  position: ProtocolPosition;
}

/** Result of `smtpEml/decodePart`; null when there is no single part with a body at the position. */
export interface DecodedPart {
  /** `type/subtype`, lowercased. */
  contentType: string;
  /** IMAP-style part number ('' for the message itself, '1', '1.2', ...). */
  path?: string;
  filename?: string;
  /** The Content-Transfer-Encoding that was undone. */
  encoding: string;
  /** Decoded size in bytes. */
  size: number;
  /** For text (and message/*) parts: the content decoded through its charset. */
  text?: string;
  /** For binary parts: the decoded bytes, base64 without line breaks. */
  base64?: string;
  charset?: string;
}
