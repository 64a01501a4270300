/**
 * Converts a transcript in another tool's dialect to the canonical `C:`/`S:`
 * form, and builds the edits that redact exposed credentials. Pure functions
 * on text.
 */
import { dialectReader } from './dialects';
import { parseTranscript, type TranscriptSession } from './parse';
import { REDACTED } from './syntax';

/** The line break the text mostly uses (the first one found), LF when none. */
function lineBreakOf(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/**
 * Rewrites `text` as a `C:`/`S:` transcript. Client and server lines keep their
 * protocol text byte for byte; tool chatter becomes `#` annotations; a
 * nodemailer DATA body (logged without `C:`) becomes `C:` lines. A text that is
 * already canonical is returned unchanged.
 */
export function convertToCanonical(text: string, session: TranscriptSession = parseTranscript(text)): string {
  if (session.dialect === 'canonical') return text;
  const eol = lineBreakOf(text);
  const dataLines = new Set<number>();
  const endLines = new Set<number>();
  for (const block of session.dataBlocks) {
    for (const l of block.lines) dataLines.add(l.index);
    if (block.endLine) endLines.add(block.endLine.index);
  }
  const out: string[] = [];
  for (const line of session.lines) {
    const raw = text.slice(line.offset, line.end);
    const proto = (side: 'C' | 'S', content: string): string => (content === '' ? `${side}:` : `${side}: ${content}`);
    if (line.kind === 'client' || (line.kind !== 'server' && (dataLines.has(line.index) || (endLines.has(line.index) && !line.elidedData)))) {
      out.push(proto('C', line.content));
    } else if (line.kind === 'server') {
      out.push(proto('S', line.content));
    } else if (line.kind === 'blank') {
      out.push('');
    } else if (line.elidedData) {
      out.push(`# ${raw.trim()}`);
      if (endLines.has(line.index)) out.push('C: .');
    } else {
      // Annotations: drop the tool's own marker (swaks' `===`/`***`), keep everything else.
      const note = line.prefixLength > 0 && dialectReader(session.dialect).annotationMarker ? line.content : raw.trim();
      out.push(note === '' ? '#' : `# ${note}`);
    }
  }
  let result = out.join(eol);
  if (/[\r\n]$/.test(text)) result += eol;
  return result;
}

/** A replacement in the text. */
export interface TextReplacement {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/**
 * The edits that replace every exposed AUTH credential with `<redacted>`,
 * keeping the mechanism (RFC 4954) so the transcript still reads as a session.
 */
export function credentialRedactions(text: string, session: TranscriptSession = parseTranscript(text)): TextReplacement[] {
  return session.problems
    .filter((p) => p.code === 'credentials-exposed')
    .map((p) => ({ offset: p.offset, length: p.length, newText: REDACTED }));
}

/** Applies non-overlapping replacements (any order). */
export function applyReplacements(text: string, edits: readonly TextReplacement[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.offset < pos) continue;
    parts.push(text.slice(pos, e.offset), e.newText);
    pos = e.offset + e.length;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
