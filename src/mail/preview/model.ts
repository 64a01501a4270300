/**
 * What the preview shows of a message, as a recipient's mail client would:
 * decoded headers, the body (with its alternatives), attachments, attached
 * messages. Every piece keeps its source span (offsets into the document the
 * message came from), so the preview and the source can point at each other.
 */

/** A span of the document: [offset, end). */
export interface SourceSpan {
  offset: number;
  end: number;
}

/** The header fields a reader sees. */
export type PreviewFieldName = 'from' | 'to' | 'cc' | 'reply-to' | 'subject' | 'date';

/** One header row, its value decoded (RFC 2047 encoded words). */
export interface PreviewHeader extends SourceSpan {
  name: PreviewFieldName;
  value: string;
  /** For Date: the instant, ISO 8601, when the value parses (RFC 5322 §3.3). */
  isoDate?: string;
}

/** One way to show a body: an HTML or a plain-text alternative. */
export interface PreviewAlternative extends SourceSpan {
  kind: 'html' | 'text';
  /** `type/subtype` of the part shown. */
  mediaType: string;
  /** IMAP-style part number. */
  path: string;
  /** For `html`: sanitized HTML (a fragment, styles included). For `text`: the decoded text. */
  content: string;
  charset?: string;
}

/** A piece of the message body, in reading order. */
export type PreviewBlock =
  | (SourceSpan & { kind: 'body'; alternatives: PreviewAlternative[]; chosen: number })
  | (SourceSpan & { kind: 'image'; mediaType: string; path: string; name?: string; dataUri: string })
  | (SourceSpan & { kind: 'message'; message: PreviewMessage });

/** An attachment: listed with its name, type and size; its bytes are never put in the view. */
export interface PreviewAttachment extends SourceSpan {
  /** The file name the message gives (Content-Disposition filename, else Content-Type name), or undefined. */
  name?: string;
  mediaType: string;
  /** Decoded size in bytes. */
  size: number;
  /** IMAP-style part number: what Open and Save As ask for. */
  path: string;
}

/** A message (the top one or one attached inside it). */
export interface PreviewMessage extends SourceSpan {
  /** Part number of the entity that holds it ('' for the top message). */
  path: string;
  headers: PreviewHeader[];
  blocks: PreviewBlock[];
  attachments: PreviewAttachment[];
}

/** The preview of one message. */
export interface Preview {
  message: PreviewMessage;
  /** Remote images and style loads left out (remote content not allowed). */
  remoteBlocked: number;
  /** Remote images left out as tracking pixels. */
  trackersBlocked: number;
  /** Remote content was allowed when this preview was built. */
  allowRemote: boolean;
}
