/**
 * Names and languages of decoded MIME parts, free of `vscode` so node:test can
 * check them.
 */
import type { DecodedPart } from '../protocol';

/** Editor languages for the media types VS Code knows. */
const LANGUAGES: Record<string, string> = {
  'text/plain': 'plaintext',
  'text/html': 'html',
  'text/xml': 'xml',
  'application/xml': 'xml',
  'application/json': 'json',
  'text/css': 'css',
  'text/javascript': 'javascript',
  'application/javascript': 'javascript',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/x-python': 'python',
  'application/x-sh': 'shellscript',
  'text/x-shellscript': 'shellscript',
  'application/yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/x-diff': 'diff',
  'text/x-patch': 'diff',
  'message/rfc822': 'eml',
  'message/global': 'eml',
  'text/rfc822-headers': 'eml',
  'message/delivery-status': 'eml',
  'message/global-delivery-status': 'eml',
};

/** File name extensions for parts that have no file name of their own. */
const EXTENSIONS: Record<string, string> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
  'text/calendar': 'ics',
  'text/markdown': 'md',
  'application/json': 'json',
  'application/javascript': 'js',
  'text/javascript': 'js',
  'message/rfc822': 'eml',
  'message/global': 'eml',
  'application/pdf': 'pdf',
  'application/octet-stream': 'bin',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** The editor language of a part's media type, or undefined when VS Code should guess from the name. */
export function languageOfPart(contentType: string): string | undefined {
  return LANGUAGES[contentType.toLowerCase()];
}

/** A file name without path separators or control characters (the name comes from the message). */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'part.bin';
}

/** The part's own file name, else `part.<extension of its type>`. */
export function partFileName(part: Pick<DecodedPart, 'filename' | 'contentType'>): string {
  if (part.filename?.trim()) return safeFileName(part.filename);
  const type = part.contentType.toLowerCase();
  const ext = EXTENSIONS[type] ?? (type.split('/')[1] ?? 'bin').replace(/^x-/, '').replace(/[^a-z0-9]+/g, '').slice(0, 10);
  return `part.${ext || 'bin'}`;
}
