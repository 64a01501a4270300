/**
 * Finding and decoding a MIME part by its address, for the read-only file
 * system of decoded parts (partFiles.ts) and the preview. Loaded on first use
 * from the lazily loaded dist/features.js: the parsers (messages, and
 * transcripts whose DATA holds a message) must not weigh on activation.
 */
import * as vscode from 'vscode';
import { decodedBytes, decodedText, isTextual, mediaType } from '../mail/message/body';
import { locatePart, type DocumentKind } from '../mail/preview/source';
import type { PartAddress } from './partFiles';
import { partFileName } from './partNames';

/** What kind of document holds messages (undefined: none this extension knows). */
export function documentKind(document: vscode.TextDocument): DocumentKind | undefined {
  if (document.languageId === 'smtp-transcript') return 'transcript';
  // An mbox is a run of messages whatever language id it is given; an .eml that starts with
  // an mbox `From ` line is one too, as the language server reads it.
  if (document.languageId === 'mbox' || /\.mbox$/i.test(document.fileName)) return 'mbox';
  if (document.languageId === 'eml') return document.getText(new vscode.Range(0, 0, 0, 5)) === 'From ' ? 'mbox' : 'eml';
  return undefined;
}

/** A part found by its address, decoded. */
export interface ResolvedPart {
  /** The file name it is shown and saved under: its own, else `part.<extension of its type>`. */
  name: string;
  /** `type/subtype`, lowercased. */
  contentType: string;
  /** True when it opens as text (decoded through its charset, as UTF-8), false when it is bytes. */
  isText: boolean;
  bytes: Uint8Array;
  /** The version of the document it was read from, or its file's time (stands for the part's time). */
  version: number;
}

/** A source's text: its open document's (edits included), else its file's, read without opening a document. */
async function sourceOf(uri: string): Promise<{ text: string; kind: DocumentKind; version: number } | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (open) return { text: open.getText(), kind: documentKind(open) ?? 'eml', version: open.version };
  const source = vscode.Uri.parse(uri);
  // A closed untitled message is gone; opening its URI again would make a new, empty one.
  if (source.scheme === 'untitled') return undefined;
  try {
    const [bytes, stat] = await Promise.all([vscode.workspace.fs.readFile(source), vscode.workspace.fs.stat(source)]);
    const text = Buffer.from(bytes).toString('utf8');
    const kind: DocumentKind = /\.smtp$/i.test(source.path) ? 'transcript' : /\.mbox$/i.test(source.path) || text.startsWith('From ') ? 'mbox' : 'eml';
    return { text, kind, version: stat.mtime };
  } catch {
    return undefined;
  }
}

/** The part an address names, decoded from its document's current text; undefined when it is not there (any more). */
export async function resolvePart(address: PartAddress): Promise<ResolvedPart | undefined> {
  const source = await sourceOf(address.uri);
  if (!source) return undefined;
  const found = locatePart(source.kind, source.text, address.at, address.path);
  if (!found) return undefined;
  const { message: located, part } = found;
  const contentType = mediaType(part);
  const isText = !!part.embedded || isTextual(part);
  const bytes = isText ? Buffer.from(decodedText(located.text, part), 'utf8') : decodedBytes(located.text, part);
  return { name: partFileName({ filename: part.filename, contentType }), contentType, isText, bytes, version: source.version };
}
