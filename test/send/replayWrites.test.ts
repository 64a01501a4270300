/**
 * How a replay puts its bytes on the wire, against a raw SMTP server on
 * 127.0.0.1 that records every octet it receives (test/helpers/faultServer.ts): the bytes are exactly the
 * transcript's client side (dot-stuffed lines as written, a `# bare LF` line
 * ending with LF alone, UTF-8 as UTF-8), and they leave in as few writes as
 * the dialogue allows, counted on the client's socket itself: each command
 * in one write, a whole message with its final dot in one, a BDAT command
 * with its chunk in one (RFC 3030 §2), the elided message of a summarised
 * transcript in one; and Nagle's algorithm is off before the greeting is read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { replaySteps, replayTranscript } from '../../src/send/replay';
import { startFaultServer, type FaultServer } from '../helpers/faultServer';
import { TLS_DIR } from '../helpers/smtpServer';
import { recordSocketCalls } from '../helpers/socketCalls';

const HELLO = ['S: 220 raw.example ESMTP', 'C: EHLO client.example', 'S: 250-raw.example', 'S: 250-CHUNKING', 'S: 250 8BITMIME', 'C: MAIL FROM:<a@example.com>', 'S: 250 ok', 'C: RCPT TO:<b@example.com>', 'S: 250 ok'];
const BYE = ['C: QUIT', 'S: 221 bye'];
/** The writes of the commands around the message. */
const HELLO_WRITES = ['EHLO client.example\r\n', 'MAIL FROM:<a@example.com>\r\n', 'RCPT TO:<b@example.com>\r\n'];

/** Transcripts, the writes their replay must make and the message the server must take (as UTF-8 text). */
const CASES: Array<{ name: string; transcript: string[]; writes: string[]; message: string }> = [
  {
    name: 'DATA: the message and its final dot in one write',
    transcript: [...HELLO, 'C: DATA', 'S: 354 go ahead', 'C: Subject: writes', 'C:', 'C: ..a dot-stuffed line', 'C: a line ended with LF alone', '# bare LF', 'C: ünïcode 😀', 'C: last line', 'C: .', 'S: 250 2.0.0 queued', ...BYE],
    writes: [...HELLO_WRITES, 'DATA\r\n', 'Subject: writes\r\n\r\n..a dot-stuffed line\r\na line ended with LF alone\nünïcode 😀\r\nlast line\r\n.\r\n', 'QUIT\r\n'],
    message: 'Subject: writes\r\n\r\n.a dot-stuffed line\r\na line ended with LF alone\nünïcode 😀\r\nlast line\r\n',
  },
  {
    name: 'BDAT: each command with its chunk in one write',
    transcript: [...HELLO, 'C: BDAT 18', 'C: Subject: chunk', 'C:', 'S: 250 2.0.0 chunk taken', 'C: BDAT 13 LAST', 'C: body', 'C: .line', 'S: 250 2.0.0 chunk taken', ...BYE],
    writes: [...HELLO_WRITES, 'BDAT 18\r\nSubject: chunk\r\n\r\n', 'BDAT 13 LAST\r\nbody\r\n.line\r\n', 'QUIT\r\n'],
    message: 'Subject: chunk\r\n\r\nbody\r\n.line\r\n',
  },
  {
    name: 'a summarised message: its header lines, the stand-in body and the dot in one write',
    transcript: [...HELLO, 'C: DATA', 'S: 354 go ahead', '# message data: 3.0 MB in 40000 lines, over the 64.0 KB shown in full; its header:', '# | Subject: big', '# | From: a@example.com', '# ... 3.0 MB of message data not shown ...', 'C: .', 'S: 250 2.0.0 queued', ...BYE],
    writes: [...HELLO_WRITES, 'DATA\r\n', 'Subject: big\r\nFrom: a@example.com\r\n\r\n[the message body is not in the transcript]\r\n.\r\n', 'QUIT\r\n'],
    message: 'Subject: big\r\nFrom: a@example.com\r\n\r\n[the message body is not in the transcript]\r\n',
  },
];

describe('replay on the wire', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer({ extensions: ['CHUNKING', '8BITMIME'] });
  });
  after(() => server.close());

  for (const c of CASES) {
    test(c.name, async () => {
      const connections = server.record.connections;
      const before = server.record.rawInput.length;
      const { result, noDelay, writes } = await recordSocketCalls(() => replayTranscript({ text: c.transcript.join('\n'), host: '127.0.0.1', port: server.port, timeoutMs: 60_000 }));
      assert.equal(result.error, undefined, result.transcript);
      assert.deepEqual(result.mismatches, []);
      assert.equal(result.ok, true);
      const latin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
      // The client's socket is the one whose remote end is the server.
      const client = writes.filter((w) => w.remotePort === server.port);
      assert.deepEqual(client.map((w) => w.data), c.writes.map(latin1));
      // The server received exactly those bytes, in that order, however TCP cut them.
      assert.equal(server.record.connections, connections + 1);
      assert.equal(server.record.rawInput.slice(before), latin1(c.writes.join('')));
      assert.equal(server.record.messages.at(-1), latin1(c.message));
      // Nagle's algorithm off on the client's socket before the greeting was read.
      const calls = noDelay.filter((n) => n.socket === client[0]!.socket);
      assert.deepEqual(calls.map((n) => [n.enable, n.bytesRead]), [[true, 0]]);
    });
  }

  test('implicit TLS: the message in one write on the TLS socket, Nagle off before the handshake', async () => {
    const secure = await startFaultServer({ implicitTls: { key: readFileSync(join(TLS_DIR, 'key.pem')), cert: readFileSync(join(TLS_DIR, 'cert.pem')) } });
    try {
      const c = CASES[0]!;
      const { result, noDelay, writes } = await recordSocketCalls(() =>
        replayTranscript({ text: c.transcript.join('\n'), host: '127.0.0.1', port: secure.port, security: 'tls', insecure: true, timeoutMs: 60_000 }),
      );
      assert.equal(result.ok, true, result.transcript);
      assert.match(result.transcript, /implicit TLS/);
      const client = writes.filter((w) => w.remotePort === secure.port);
      assert.deepEqual(client.map((w) => w.data), c.writes.map((t) => Buffer.from(t, 'utf8').toString('latin1')));
      assert.equal(secure.record.messages.at(-1), Buffer.from(c.message, 'utf8').toString('latin1'));
      assert.deepEqual(noDelay.filter((n) => n.socket === client[0]!.socket).map((n) => [n.enable, n.bytesRead]), [[true, 0]]);
    } finally {
      await secure.close();
    }
  });

  test('a transcript that ends inside the message still sends what it has, in one write', async () => {
    const transcript = [...HELLO, 'C: DATA', 'S: 354 go ahead', 'C: Subject: cut short', 'C:', 'C: body'];
    const { result, writes } = await recordSocketCalls(() => replayTranscript({ text: transcript.join('\n'), host: '127.0.0.1', port: server.port, timeoutMs: 60_000 }));
    assert.equal(result.ok, true, result.transcript);
    const client = writes.filter((w) => w.remotePort === server.port).map((w) => w.data);
    assert.deepEqual(client, [...HELLO_WRITES, 'DATA\r\n', 'Subject: cut short\r\n\r\nbody\r\n']);
  });
});

describe('replaySteps: BDAT chunks', () => {
  test('the C: lines after BDAT, up to its octets (each with CRLF), are its chunk; a bare LF mark ends a line with LF', () => {
    const steps = replaySteps(['S: 220 hi', 'C: BDAT 9', 'C: abc', '# bare LF', 'C: de', 'S: 250 ok', 'C: BDAT 0 LAST', 'S: 250 done', 'C: NOOP', 'S: 250 ok'].join('\n'));
    assert.deepEqual(
      steps.map((s) => (s.kind === 'command' ? [s.text, s.expect?.code, s.chunk?.map((l) => `${l.text}${l.bareLf ? '<LF>' : ''}`)] : [s.kind])),
      [['greeting'], ['BDAT 9', 250, ['abc<LF>', 'de']], ['BDAT 0 LAST', 250, []], ['NOOP', 250, undefined]],
    );
  });

  test('near miss: a chunk stops at its declared size, and the next C: line is a command again', () => {
    const steps = replaySteps(['S: 220 hi', 'C: BDAT 5', 'C: abc', 'C: NOOP', 'S: 250 ok', 'S: 250 ok'].join('\n'));
    assert.deepEqual(
      steps.map((s) => (s.kind === 'command' ? [s.text, s.chunk?.length] : [s.kind])),
      [['greeting'], ['BDAT 5', 1], ['NOOP', undefined]],
    );
  });
});
