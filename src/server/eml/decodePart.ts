/**
 * The `smtpEml/decodePart` request: the decoded content of the MIME part at a
 * position, for the client's Decode Part command (text parts open in an editor,
 * binary parts are saved to a file).
 */
import type { DecodedPart, DecodePartParams } from '../../protocol';
import type { FeatureContext } from '../features';
import { parsedOf } from './parsed';
import { partToDecodeAt } from '../../mail/message/partLookup';
import { decodedBytes, decodedText, isTextual, mediaType } from './parts';

function isParams(p: unknown): p is DecodePartParams {
  const q = p as DecodePartParams | undefined;
  return !!q && typeof q.uri === 'string' && !!q.position && Number.isInteger(q.position.line) && Number.isInteger(q.position.character);
}

/** Handles `smtpEml/decodePart`. */
export function decodePartRequest(params: unknown, contextOf: (uri: string) => FeatureContext | undefined): DecodedPart | null {
  if (!isParams(params)) return null;
  const ctx = contextOf(params.uri);
  if (!ctx) return null;
  const text = ctx.document.getText();
  const offset = ctx.document.offsetAt(params.position);
  const part = partToDecodeAt(parsedOf(ctx).root, offset);
  if (!part) return null;
  const contentType = mediaType(part);
  const base = { contentType, path: part.path, filename: part.filename, encoding: part.transferEncoding, charset: part.charset };
  if (part.embedded || isTextual(part)) {
    const content = decodedText(text, part);
    return { ...base, size: Buffer.byteLength(content, 'utf8'), text: content };
  }
  const bytes = decodedBytes(text, part);
  return { ...base, size: bytes.length, base64: bytes.toString('base64') };
}
