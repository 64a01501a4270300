/**
 * Line limits in octets placed in characters: text-line-too-long (RFC 5321
 * §4.5.3.1.6, 1000 octets with CRLF) and command-too-long (§4.5.3.1.4, 512)
 * start at the character that passes the limit (998 or 510 octets of content)
 * and end at the line's end, whatever the width of the characters: one table
 * per code, the exact range in the line, near misses, CRLF and LF.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProblemCode } from '../../../src/mail/codes';
import { assertQuiet, session, smtpProblems, where } from './util';

/** A line that fires: its content (after `C: `) and the range within it, [start, length] in UTF-16 units. */
interface Fires {
  name: string;
  content: string;
  range: [number, number];
}

const x = (n: number): string => 'x'.repeat(n);
const E_ACUTE = '\u00e9'; // two octets
const EURO = '\u20ac'; // three octets
const GRIN = '\u{1F600}'; // four octets, a surrogate pair

/** DATA body lines (content of one `C:` line of the message). */
const DATA_FIRES: Fires[] = [
  { name: '999 ASCII characters', content: x(999), range: [998, 1] },
  { name: '1005 ASCII characters', content: x(1005), range: [998, 7] },
  { name: '500 two-octet characters (1002 octets with CRLF)', content: E_ACUTE.repeat(500), range: [499, 1] },
  { name: '600 two-octet characters', content: E_ACUTE.repeat(600), range: [499, 101] },
  { name: '334 three-octet characters', content: EURO.repeat(334), range: [332, 2] },
  { name: 'ASCII then two-octet characters across the limit', content: x(995) + E_ACUTE + E_ACUTE, range: [996, 1] },
  { name: 'a surrogate pair ending at octet 1000', content: x(996) + GRIN, range: [996, 2] },
  { name: 'a surrogate pair starting at octet 998', content: x(997) + GRIN, range: [997, 2] },
  { name: '250 surrogate pairs', content: GRIN.repeat(250), range: [498, 2] },
  { name: 'a lone surrogate (3 octets, as UTF-8 writes it)', content: x(996) + '\ud83d', range: [996, 1] },
];
const DATA_QUIET: Array<{ name: string; content: string }> = [
  { name: '998 ASCII characters (1000 octets with CRLF)', content: x(998) },
  { name: '499 two-octet characters (998 octets)', content: E_ACUTE.repeat(499) },
  { name: '332 three-octet characters and 2 ASCII', content: EURO.repeat(332) + 'xx' },
  { name: 'a surrogate pair ending at octet 998', content: x(994) + GRIN },
  { name: '249 surrogate pairs and 2 ASCII', content: GRIN.repeat(249) + 'xx' },
];

/** Command lines (content after `C: `). */
const COMMAND_FIRES: Fires[] = [
  { name: '511 ASCII characters', content: `NOOP ${x(506)}`, range: [510, 1] },
  { name: 'two-octet characters, 513 octets with CRLF in 258 characters', content: `NOOP ${E_ACUTE.repeat(253)}`, range: [257, 1] },
  { name: 'a surrogate pair across octet 510', content: `NOOP ${x(503)}${GRIN}`, range: [508, 2] },
];
const COMMAND_QUIET: Array<{ name: string; content: string }> = [
  { name: '510 ASCII characters', content: `NOOP ${x(505)}` },
  { name: 'two-octet characters, 511 octets with CRLF', content: `NOOP ${E_ACUTE.repeat(252)}` },
  { name: 'a surrogate pair ending at octet 510', content: `NOOP ${x(501)}${GRIN}` },
];

/** Body lines start at line 7 in `session()` with its default three extensions. */
const B = 7;
const inData = (content: string) => (eol: string) => session(eol, ['C: MAIL FROM:<a@example.org>', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', 'C: Subject: x', 'C:', `C: ${content}`, 'C: .', 'S: 250 OK']);
const asCommand = (content: string) => (eol: string) => session(eol, [`C: ${content}`, 'S: 250 OK']);

function assertRange(text: string, code: ProblemCode, content: string, line: number, [start, length]: [number, number]): void {
  const hits = smtpProblems(text).filter((p) => p.code === code);
  assert.equal(hits.length, 1, `${code} should fire once`);
  const lineStart = text.indexOf(`C: ${content}`) + 3;
  assert.deepEqual([hits[0].offset - lineStart, hits[0].length], [start, length], `range of ${code} in the line`);
  assert.equal(where(text, hits[0]).line, line);
  // Ends at the line's end, and cuts no surrogate pair.
  assert.equal(hits[0].offset + hits[0].length, lineStart + content.length);
  assert.ok((text.charCodeAt(hits[0].offset) & 0xfc00) !== 0xdc00, 'starts on a whole character');
}

for (const eol of ['\r\n', '\n']) {
  const tag = eol === '\n' ? 'LF' : 'CRLF';
  describe(`text-line-too-long: from the character past 998 octets (${tag})`, () => {
    for (const c of DATA_FIRES) test(`fires: ${c.name}`, () => assertRange(inData(c.content)(eol), 'text-line-too-long', c.content, B + 8, c.range));
    for (const c of DATA_QUIET) test(`near miss: ${c.name}`, () => assertQuiet(inData(c.content)(eol), 'text-line-too-long'));
  });
  describe(`command-too-long: from the character past 510 octets (${tag})`, () => {
    for (const c of COMMAND_FIRES) test(`fires: ${c.name}`, () => assertRange(asCommand(c.content)(eol), 'command-too-long', c.content, B, c.range));
    for (const c of COMMAND_QUIET) test(`near miss: ${c.name}`, () => assertQuiet(asCommand(c.content)(eol), 'command-too-long'));
  });
}
