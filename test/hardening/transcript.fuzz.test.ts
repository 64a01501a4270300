/**
 * The transcript parser and validator under hostile input: for any
 * string — random UTF-16, protocol token soup, mutated RFC transcripts, a small
 * session truncated at every offset, control characters sprinkled in — in every
 * dialect, `parseTranscript` and `validateTranscript` never throw, every problem
 * and line span lies inside the text, results are deterministic, and the work
 * grows linearly (counted). Dot-stuffing by the session log and unstuffing by
 * the parser are inverse for any message data.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import type { Dialect } from '../../src/mail/transcript/lines';
import { parseTranscript } from '../../src/mail/transcript/parse';
import { messageOfBlock, validateTranscript } from '../../src/mail/transcript/validate';
import { SessionLog } from '../../src/send/transcript';
import { assertProperty, params } from './fuzzConfig';
import { assertProblemsInside } from './problemChecks';
import { countWork } from './workCounter';

const corpusDir = path.join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'smtp');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .flatMap((d) => (statSync(path.join(corpusDir, d)).isDirectory() ? readdirSync(path.join(corpusDir, d)).map((f) => path.join(corpusDir, d, f)) : []))
      .sort()
      .map((p) => readFileSync(p).toString('latin1'))
  : [];

const DIALECTS: Array<Dialect | undefined> = [undefined, 'canonical', 'swaks', 'msmtp', 'nodemailer', 'postfix'];

function checkTranscript(text: string, dialect: Dialect | undefined, label: string): void {
  const session = parseTranscript(text, dialect);
  assertProblemsInside(text, session.problems, `${label} (parse)`);
  for (const line of session.lines) {
    assert.ok(0 <= line.offset && line.offset <= line.end && line.end <= text.length, `${label}: line ${line.index} span ${line.offset}-${line.end}`);
    assert.ok(line.prefixOffset >= line.offset && line.prefixOffset + line.prefixLength <= line.end, `${label}: line ${line.index} prefix`);
    assert.ok(line.contentOffset >= line.offset && line.contentOffset + line.content.length <= line.end, `${label}: line ${line.index} content`);
  }
  for (const c of session.commands) {
    assert.ok(c.verbOffset >= 0 && c.verbOffset + c.verbLength <= text.length, `${label}: verb span`);
    if (c.addressOffset !== undefined) assert.ok(c.addressOffset >= 0 && c.addressOffset + (c.address ?? '').length <= text.length, `${label}: address span`);
  }
  for (const block of session.dataBlocks) messageOfBlock(block);
  const problems = validateTranscript(text, { dialect });
  assertProblemsInside(text, problems, `${label} (validate)`);
  assert.deepEqual(validateTranscript(text, { dialect }), problems, `${label}: deterministic`);
}

const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }).map((cs) => String.fromCharCode(...cs));
const TOKENS = [
  '\r\n', '\n', '\r', '\0', '\uFEFF', '\uD800', ' ', '\t', 'C: ', 'S: ', 'C:', 'S:', '# ', '<', '>', ':', '@', '.', '..', '-',
  'EHLO', 'HELO', 'MAIL FROM:', 'RCPT TO:', 'DATA', 'BDAT 10 LAST', 'BDAT', 'QUIT', 'RSET', 'STARTTLS', 'AUTH PLAIN ', 'AUTH LOGIN', 'NOOP', 'VRFY', 'XYZZY',
  '220', '250', '250-', '354', '334 ', '421', '535', '550 5.1.1', '999', '2.0.0', 'x.y.z', 'PIPELINING', 'SIZE 10', '8BITMIME', 'SMTPUTF8', 'AUTH=PLAIN',
  'dGVzdA==', '<a@b>', '<>', '<"q"@[1.2.3.4]>', ' -> ', ' <- ', ' <~ ', '~> ', '[2026-11-27 10:00:00] DEBUG [abc] C: ', 'postfix/smtp[123]: ', 'x'.repeat(600),
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 150 }).map((xs) => xs.join(''));
const dialect = fc.constantFrom(...DIALECTS);

const SMALL = [
  'S: 220 mx.example.com ESMTP',
  'C: EHLO client.example.com',
  'S: 250-mx.example.com',
  'S: 250-PIPELINING',
  'S: 250-AUTH PLAIN LOGIN',
  'S: 250 ENHANCEDSTATUSCODES',
  'C: AUTH LOGIN',
  'S: 334 VXNlcm5hbWU6',
  'C: dXNlcg==',
  'S: 334 UGFzc3dvcmQ6',
  'C: cGFzcw==',
  'S: 235 2.7.0 ok',
  'C: MAIL FROM:<a@example.com> SIZE=100',
  'S: 250 2.1.0 ok',
  'C: RCPT TO:<b@example.com>',
  'S: 550 5.1.1 unknown',
  'C: DATA',
  'S: 354 go',
  'C: Subject: hi',
  'C:',
  'C: ..dot',
  'C: .',
  'S: 250 2.0.0 queued',
  'C: QUIT',
  'S: 221 bye',
  '',
];

describe('transcript parser and validator never fail on any input', () => {
  test('random UTF-16 strings', () => {
    assertProperty(fc.property(anyUtf16, dialect, (s, d) => checkTranscript(s, d, 'random')), params(300));
  });
  test('protocol token soup in every dialect', () => {
    assertProperty(fc.property(tokenSoup, dialect, (s, d) => checkTranscript(s, d, 'soup')), params(400));
  });
  test('RFC corpus transcripts, mutated', { skip: corpus.length === 0 && 'no ../shared/corpus' }, () => {
    assertProperty(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...TOKENS)), { maxLength: 8 }), dialect, (i, edits, d) => {
        let t = corpus[i];
        for (const [at, len, token] of edits) {
          const a = at % (t.length + 1);
          t = t.slice(0, a) + token + t.slice(Math.min(t.length, a + len));
        }
        checkTranscript(t, d, `corpus #${i}`);
      }),
      params(200),
    );
  });
  test('a small session truncated at every offset (CRLF and LF)', () => {
    for (const eol of ['\r\n', '\n']) {
      const text = SMALL.join(eol);
      for (let i = 0; i <= text.length; i++) checkTranscript(text.slice(0, i), undefined, `truncated at ${i}`);
    }
  });
  test('CR, LF, NUL, BOM and lone surrogates sprinkled into a session', () => {
    const base = SMALL.join('\r\n');
    assertProperty(
      fc.property(fc.array(fc.tuple(fc.nat({ max: base.length }), fc.constantFrom('\r', '\n', '\0', '\uFEFF', '\uD83D', '\uDE00', '\u2028')), { minLength: 1, maxLength: 12 }), dialect, (inserts, d) => {
        let t = base;
        for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0])) t = t.slice(0, at) + ch + t.slice(at);
        checkTranscript(t, d, 'sprinkled');
      }),
      params(300),
    );
  });
});

describe('dot-stuffing (session log) and unstuffing (parser) are inverse', () => {
  const dataLine = fc.oneof(
    fc.constantFrom('', '.', '..', '...', '. ', '.x', 'x.', 'C: .', 'S: 250', '# note', ' ', '\t.', 'From: a@b'),
    fc.stringMatching(/^[ -~]{0,40}$/),
    fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)),
  );
  test('any message data round-trips through SessionLog.data and parseTranscript', () => {
    assertProperty(
      fc.property(fc.array(dataLine, { maxLength: 30 }), (lines) => {
        const data = lines.map((l) => `${l}\r\n`).join('');
        const log = new SessionLog({ maxLoggedDataBytes: 1 << 30 });
        log.server('220 mx.example.com ESMTP');
        log.client('EHLO client.example.com');
        log.server('250 mx.example.com');
        log.client('MAIL FROM:<a@example.com>');
        log.server('250 ok');
        log.client('RCPT TO:<b@example.com>');
        log.server('250 ok');
        log.client('DATA');
        log.server('354 go ahead');
        log.data(data);
        log.server('250 queued');
        log.client('QUIT');
        log.server('221 bye');
        const transcript = log.toString();
        const session = parseTranscript(transcript);
        assert.equal(session.dataBlocks.length, 1, transcript);
        const block = session.dataBlocks[0];
        assert.ok(block.terminated, 'the block ends at the lone dot');
        assert.equal(messageOfBlock(block).text, data, transcript);
        assert.ok(!validateTranscript(transcript, { skipMessages: true }).some((p) => p.code === 'data-not-terminated' || p.code === 'out-of-sequence'));
      }),
      params(400),
    );
  });
});

const PROTO = 'S: 220 mx\r\nC: EHLO c\r\nS: 250 mx\r\n';
const TRANSCRIPT_FAMILIES: Record<string, (n: number) => string> = {
  'many transactions': (n) => PROTO + 'C: MAIL FROM:<a@b>\r\nS: 250 ok\r\nC: RCPT TO:<c@d>\r\nS: 250 ok\r\nC: DATA\r\nS: 354 go\r\nC: x\r\nC: .\r\nS: 250 ok\r\n'.repeat(n),
  'long multi-line reply': (n) => PROTO.replace('S: 250 mx\r\n', '') + 'S: 250-line\r\n'.repeat(n) + 'S: 250 end\r\n',
  'long DATA body': (n) => PROTO + 'C: MAIL FROM:<a@b>\r\nS: 250 ok\r\nC: RCPT TO:<c@d>\r\nS: 250 ok\r\nC: DATA\r\nS: 354 go\r\n' + 'C: ..line\r\n'.repeat(n) + 'C: .\r\nS: 250 ok\r\n',
  // Comment and blank lines inside the body: the block's lines stop being one run of the line table.
  'DATA body broken by comment and blank lines': (n) => PROTO + 'C: MAIL FROM:<a@b>\r\nS: 250 ok\r\nC: RCPT TO:<c@d>\r\nS: 250 ok\r\nC: DATA\r\nS: 354 go\r\n' + 'C: line\r\n# note\r\n\r\n'.repeat(n) + 'C: .\r\nS: 250 ok\r\n',
  'unterminated DATA': (n) => PROTO + 'C: MAIL FROM:<a@b>\r\nS: 250 ok\r\nC: RCPT TO:<c@d>\r\nS: 250 ok\r\nC: DATA\r\nS: 354 go\r\n' + 'C: S: 250 not a reply\r\n'.repeat(n),
  'commands without replies': (n) => PROTO + 'C: NOOP\r\n'.repeat(n),
  'replies without commands': (n) => PROTO + 'S: 250 ok\r\n'.repeat(n),
  'many recipients': (n) => PROTO + 'C: MAIL FROM:<a@b>\r\nS: 250 ok\r\n' + 'C: RCPT TO:<c@d>\r\nS: 250 ok\r\n'.repeat(n),
  'pipelined recipients': (n) => PROTO + 'C: MAIL FROM:<a@b>\r\n' + 'C: RCPT TO:<c@d>\r\n'.repeat(n) + 'S: 250 ok\r\n'.repeat(n + 1),
  'many AUTH challenges': (n) => PROTO + 'C: AUTH LOGIN\r\n' + 'S: 334 VXNlcm5hbWU6\r\nC: dXNlcg==\r\n'.repeat(n) + 'S: 235 ok\r\n',
  'long command line': (n) => PROTO + 'C: MAIL FROM:<' + 'a'.repeat(n * 10) + '@b>\r\nS: 250 ok\r\n',
  'invalid lines': (n) => PROTO + 'garbage line\r\n'.repeat(n),
  'bare CRs': (n) => PROTO + 'C: NOOP\rS: 250 ok\r'.repeat(n),
  'LF only': (n) => (PROTO + 'C: NOOP\r\nS: 250 ok\r\n'.repeat(n)).replace(/\r\n/g, '\n'),
};

describe('transcript work grows linearly (counted, not timed)', () => {
  for (const [name, make] of Object.entries(TRANSCRIPT_FAMILIES)) {
    test(name, () => {
      const small = make(1000);
      const large = make(4000);
      const s = countWork(() => validateTranscript(small));
      const l = countWork(() => validateTranscript(large));
      assertProblemsInside(large, l.result, name);
      const ratio = l.work / Math.max(1, s.work);
      assert.ok(ratio <= 6.5, `validateTranscript: ${s.work} units for ${small.length} chars, ${l.work} for ${large.length} (×${ratio.toFixed(1)}; linear is ×4)`);
    });
  }
});
