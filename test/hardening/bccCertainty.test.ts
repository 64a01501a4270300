/**
 * A Bcc recipient is never disclosed (RFC 5322 §3.6.3): a header section that
 * cannot be read with certainty (a line that is not a field, a bad field name,
 * a fold that continues nothing) is refused by `send` and by the Send gate,
 * naming the line, and whatever is accepted carries no Bcc field in the header
 * that is transmitted, as an independent strict reader sees it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gateSend } from '../../src/client/sendLogic';
import { buildEnvelope, prepareSend } from '../../src/mail/envelope';
import { runCli } from '../helpers/cli';
import { startFaultServer, type FaultServer } from '../helpers/faultServer';

const HEAD = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\n';

/** Messages whose header reads two ways, and the line the refusal must name. */
const UNCERTAIN: Array<[string, string, number]> = [
  ['a space in a field name', `${HEAD}X Bad: y\r\nBcc: secret@example.com\r\n\r\nbody\r\n`, 5],
  ['a folded bcc after a bad line', `${HEAD}X Bad: y\r\nbcc:\r\n secret@example.com\r\n\r\nbody\r\n`, 5],
  ['a line without a colon', `${HEAD}just words\r\nBCC: secret@example.com\r\n\r\nbody\r\n`, 5],
  ['a NUL in a field name', `${HEAD}B\u0000cc: secret@example.com\r\n\r\nbody\r\n`, 5],
  ['a look-alike name (Cyrillic es)', `${HEAD}B\u0441c: secret@example.com\r\n\r\nbody\r\n`, 5],
  ['an empty field name', `${HEAD}: secret@example.com\r\nBcc: secret@example.com\r\n\r\nbody\r\n`, 5],
  ['a fold before any field', ` Bcc: secret@example.com\r\n${HEAD}\r\nbody\r\n`, 1],
  ['LF line ends', `${HEAD.replace(/\r\n/g, '\n')}X Bad: y\nBcc: secret@example.com\n\nbody\n`, 5],
];

describe('an uncertain header is refused', () => {
  for (const [name, text, line] of UNCERTAIN) {
    test(`${name}: envelope problem naming line ${line}, and the Send gate stops (no Send Anyway)`, () => {
      const env = buildEnvelope(text);
      assert.ok(env.problems.some((p) => p.includes(`line ${line} `)), env.problems.join(' | '));
      const gate = gateSend(env, []);
      assert.equal(gate.kind, 'stop');
      assert.match(gate.kind === 'stop' ? gate.message : '', new RegExp(`line ${line} `));
      assert.ok(prepareSend(text).envelope.problems.length > 0);
    });
  }

  const CERTAIN: Array<[string, string]> = [
    ['a space before the colon (obsolete, one reading)', `${HEAD}Bcc : secret@example.com\r\n\r\nX Bad: y in the body\r\n`],
    ['a folded Bcc', `${HEAD}bCC: x@example.com,\r\n\tsecret@example.com\r\n\r\nbody\r\n`],
    ['no body at all', `${HEAD}Bcc: secret@example.com\r\n`],
    ['a bad line after the blank line', `${HEAD}Bcc: secret@example.com\r\n\r\nX Bad: y\r\nBcc: not a field here\r\n`],
  ];
  for (const [name, text] of CERTAIN) {
    test(`near miss: ${name} is sent, without its Bcc`, () => {
      const { envelope, data } = prepareSend(text);
      assert.deepEqual(envelope.problems, []);
      assert.ok(envelope.to.includes('secret@example.com'));
      assert.deepEqual(strictHeaderNames(data).filter((n) => n === 'bcc'), []);
    });
  }
});

/**
 * An independent reader: the header is every line up to the first empty one;
 * a line that is not a field or a fold makes the reading fail (null).
 */
function strictHeaderNames(data: string): string[] {
  const names: string[] = [];
  for (const line of data.split('\r\n')) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    const m = /^([!-9;-~]+)[ \t]*:/.exec(line);
    assert.ok(m, `the transmitted header holds a line that is not a field: ${JSON.stringify(line)}`);
    names.push(m[1]!.toLowerCase());
  }
  return names;
}

describe('send (CLI) refuses before connecting', () => {
  let server: FaultServer;
  let dir: string;
  before(async () => {
    server = await startFaultServer();
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-bcc-'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, text, line] of UNCERTAIN.slice(0, 3)) {
    test(`${name}: exit 1, the line named, nothing transmitted`, async () => {
      const file = join(dir, 'm.eml');
      writeFileSync(file, text);
      const r = await runCli(['send', file, '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none'], { hangMs: 60_000 });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`not sent: .*line ${line} `));
      assert.equal(server.record.connections, 0, 'the client connected');
      assert.ok(!server.record.rawInput.includes('secret@example.com'));
    });
  }
});
