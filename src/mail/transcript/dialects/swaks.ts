/**
 * swaks' output modes. By default swaks marks every line (` -> ` sent, `<-  `
 * received, `=== ` its own notes); its options change that:
 *
 * - `--no-send-hints` / `--no-receive-hints` / `--no-hints` print one side (or
 *   both) without the marker;
 * - `--hide-send` / `--hide-receive` leave one side out entirely;
 * - `--suppress-data` prints `-> N lines sent` in place of the message.
 *
 * `resolveSwaksLines` gives the unmarked lines their side back, by the rows of
 * the line table, in one pass that follows DATA (a message line that looks like
 * a reply is still message). Which side lacks markers is read from the file:
 * a side with no marked line at all is the unmarked one.
 */
import { defineDialect, type Classified, type LineCodes, type LineRows } from './reader';

/** ` -> `, ` ~> ` (client), `<-  `, `<~  `, `<** `, `<~* ` (server), `=== `/`*** ` (info). */
function classifySwaks(line: string): Classified | undefined {
  if (line.startsWith(' -> ') || line.startsWith(' ~> ')) return { kind: 'client', prefixLength: 4, tls: line[1] === '~' };
  if (line === ' ->' || line === ' ~>') return { kind: 'client', prefixLength: 3, tls: line[1] === '~' };
  if (line.startsWith('<-  ') || line.startsWith('<~  ') || line.startsWith('<** ') || line.startsWith('<~* ')) {
    return { kind: 'server', prefixLength: 4, tls: line[1] === '~' };
  }
  if (line.startsWith('<- ') || line.startsWith('<~ ')) return { kind: 'server', prefixLength: 3, tls: line[1] === '~' };
  if (line.startsWith('=== ') || line.startsWith('*** ') || line === '===' || line === '***') {
    return { kind: 'annotation', prefixLength: Math.min(4, line.length) };
  }
  return undefined;
}

/** `N lines sent`: what `--suppress-data` prints for the message. */
const DATA_SUMMARY = /^\d+ lines? sent$/;
/** A reply line: three digits, then a space, a hyphen or the end. */
const REPLY_LINE = /^[2-5]\d\d(?:[ -]|$)/;
/** The info lines swaks prints before the dialogue, which mark a file as swaks output without any marked protocol line. */
const SWAKS_INFO = /^=== (?:Trying |Connected to |Connection closed)/;

/** True when `line` is one of swaks' own connection notes (`=== Trying 127.0.0.1:25...`). */
function isSwaksInfoLine(line: string): boolean {
  return SWAKS_INFO.test(line);
}

/**
 * Gives unmarked lines of a swaks file their side and marks the
 * `--suppress-data` summary as an elided message. Linear.
 */
function resolveSwaksLines(text: string, rows: LineRows, codes: LineCodes): void {
  let clientMarked = false;
  let serverMarked = false;
  for (let i = 0; i < rows.count; i++) {
    const kind = rows.info[i] & 7;
    if (kind === codes.client) clientMarked = true;
    else if (kind === codes.server) serverMarked = true;
  }
  const setKind = (i: number, kind: number): void => {
    rows.info[i] = kind;
    rows.prefixOffsets[i] = rows.offsets[i];
    rows.contentOffsets[i] = rows.offsets[i];
  };
  /** The last client line was DATA and no client line came since. */
  let afterData = false;
  /** Between the 354 reply to DATA and the `.` line. */
  let inData = false;
  let dataLines = 0;
  for (let i = 0; i < rows.count; i++) {
    let kind = rows.info[i] & 7;
    const unmarked = kind === codes.annotation && rows.contentOffsets[i] === rows.offsets[i];
    if (unmarked || kind === codes.blank) {
      const line = text.slice(rows.offsets[i], rows.ends[i]);
      if (inData && !clientMarked) kind = codes.client; // message lines, blank ones too
      else if (kind === codes.blank) continue;
      else if (!serverMarked && REPLY_LINE.test(line)) kind = codes.server;
      else if (!clientMarked) kind = codes.client;
      else continue;
      setKind(i, kind);
    }
    const content = text.slice(rows.contentOffsets[i], rows.ends[i]);
    if (kind === codes.client) {
      if ((inData && dataLines === 0) || afterData) {
        if (DATA_SUMMARY.test(content)) {
          // `--suppress-data`: the message was sent but not printed; the line stands for it and its `.`.
          rows.info[i] = codes.annotation | codes.elidedData;
          inData = false;
          afterData = false;
          continue;
        }
      }
      if (inData) {
        if (content === '.') inData = false;
        else dataLines++;
        continue;
      }
      afterData = /^data\s*$/i.test(content);
    } else if (kind === codes.server && afterData && content.startsWith('354')) {
      inData = true;
      dataLines = 0;
      afterData = false;
    }
  }
}

export const swaks = defineDialect({
  name: 'swaks',
  label: 'swaks output',
  classify: classifySwaks,
  isSignatureLine: isSwaksInfoLine,
  annotationMarker: true,
  resolve: resolveSwaksLines,
});
