/**
 * nodemailer's default logger: `[YYYY-MM-DD hh:mm:ss] LEVEL [#cid] [sid] C: text`
 * (lib/shared createDefaultLogger: level names padded to 5, then `C: `/`S: ` for
 * client/server transactions). The DATA body is logged at DEBUG level without
 * `C:`, and `<N bytes encoded mime message ...>` stands for a body it left out.
 */
import { defineDialect, type Classified } from './reader';

const NODEMAILER_LEVELS = ['TRACE', 'DEBUG', 'INFO ', 'WARN ', 'ERROR', 'FATAL'];
const ELIDED_DATA = /^<\d+ bytes encoded mime message \(source size \d+ bytes\)>$/;

/** Scanned by hand: the bracket groups are optional. */
function classifyNodemailer(line: string): Classified | undefined {
  if (line.length < 28 || line.charCodeAt(0) !== 91 /* [ */ || line.charCodeAt(20) !== 93 /* ] */ || line.charCodeAt(21) !== 32) return undefined;
  if (!/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]/.test(line.slice(0, 21))) return undefined;
  const level = line.slice(22, 27);
  if (!NODEMAILER_LEVELS.includes(level) || line.charCodeAt(27) !== 32) return undefined;
  let i = 28;
  // Bracketed ids: `[#1] `, `[sid] `.
  while (line.charCodeAt(i) === 91) {
    const close = line.indexOf('] ', i);
    if (close < 0) break;
    i = close + 2;
  }
  const rest = line.slice(i);
  if (rest.startsWith('C: ') || rest === 'C:') return { kind: 'client', prefixLength: i + (rest.length > 2 ? 3 : 2) };
  if (rest.startsWith('S: ') || rest === 'S:') return { kind: 'server', prefixLength: i + (rest.length > 2 ? 3 : 2) };
  if (ELIDED_DATA.test(rest)) return { kind: 'annotation', prefixLength: i, elidedData: true };
  return { kind: 'annotation', prefixLength: i, maybeData: level === 'DEBUG' };
}

export const nodemailer = defineDialect({ name: 'nodemailer', label: "nodemailer's logger output", classify: classifyNodemailer });
