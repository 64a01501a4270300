/**
 * The line table's octet counts: a line's UTF-8 octets (RFC 5321 §4.5.3.1.6
 * counts octets, not characters), read from the length in an ASCII text and
 * counted in any other, and a DATA body's total the same either way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLineTable } from '../../../src/mail/transcript/lines';
import { parseTranscript } from '../../../src/mail/transcript/parse';

const session = (body: string[], eol: string) =>
  ['S: 220 mx', 'C: EHLO a.example', 'S: 250-mx', 'S: 250 8BITMIME', 'C: MAIL FROM:<a@example.org> BODY=8BITMIME', 'S: 250 OK', 'C: RCPT TO:<b@example.org>', 'S: 250 OK', 'C: DATA', 'S: 354 go', ...body.map((l) => `C: ${l}`), 'C: .', 'S: 250 OK', 'C: QUIT', 'S: 221 bye', ''].join(eol);

for (const eol of ['\r\n', '\n']) {
  test(`contentOctets: UTF-8 octets of each line's content, ASCII text or not (${JSON.stringify(eol)})`, () => {
    const ascii = readLineTable(session(['plain text', ''], eol));
    assert.equal(ascii.isAscii(), true);
    assert.equal(ascii.isOneByte(), true);
    const wide = readLineTable(session(['Grüße €', '\ud83d\ude00', 'ÿ'], eol));
    assert.equal(wide.isAscii(), false);
    assert.equal(wide.isOneByte(), false);
    const latin = readLineTable(session(['ÿ caf\u00e9'], eol));
    assert.equal(latin.isAscii(), false);
    assert.equal(latin.isOneByte(), true);
    for (const table of [ascii, wide, latin]) {
      for (let k = 0; k < table.count; k++) {
        const content = table.text.slice(table.contentOffsets[k], table.ends[k]);
        assert.equal(table.contentOctets(k), Buffer.byteLength(content, 'utf8'), JSON.stringify(content));
      }
    }
  });

  test(`a DATA body's octets are its lines' UTF-8 octets plus CRLF each, ASCII or not (${JSON.stringify(eol)})`, () => {
    for (const body of [['From: a@example.org', '', 'hello'], ['From: a@example.org', '', 'Grüße €', '\ud83d\ude00']]) {
      const block = parseTranscript(session(body, eol)).dataBlocks[0];
      assert.equal(block.octets, body.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 2, 0));
    }
  });
}
