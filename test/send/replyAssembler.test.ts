/**
 * Replay's reading of server replies: UTF-8 that TCP cuts inside a character
 * stays one character, whatever the cut; a reply that never ends (no line end,
 * or `250-` lines without a last line) stops at the send path's limits instead
 * of growing; and a replay against such a raw server says so and ends.
 */
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { MAX_REPLY_BYTES, MAX_REPLY_LINES } from '../../src/send/limits';
import { ReplyAssembler, replayTranscript, type ServerReply } from '../../src/send/replay';

/** Every reply `chunks` make, in order, and the overflow if one came. */
function assemble(chunks: Buffer[]): { replies: ServerReply[]; over?: string } {
  const a = new ReplyAssembler();
  const replies: ServerReply[] = [];
  for (const c of chunks) {
    const over = a.push(c);
    if (over) return { replies, over: `${over.limit} ${over.unit}` };
    for (let r = a.next(); r; r = a.next()) replies.push(r);
  }
  return { replies };
}

describe('ReplyAssembler', () => {
  const text = '220 mx.example ESMTP سلام 😀 ready\r\n250-mx.example خوش آمدید\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n554 5.7.1 nö\n';
  const bytes = Buffer.from(text, 'utf8');
  const expected: ServerReply[] = [
    { code: 220, lines: ['220 mx.example ESMTP سلام 😀 ready'] },
    { code: 250, lines: ['250-mx.example خوش آمدید', '250-PIPELINING', '250 SMTPUTF8'] },
    { code: 554, lines: ['554 5.7.1 nö'] },
  ];

  test('the same replies for every cut of the bytes in two, inside characters too', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.deepEqual(assemble([bytes.subarray(0, cut), bytes.subarray(cut)]), { replies: expected }, `cut at byte ${cut}`);
    }
  });

  test('the same replies one byte at a time (no U+FFFD)', () => {
    const got = assemble([...bytes].map((b) => Buffer.from([b])));
    assert.deepEqual(got, { replies: expected });
    assert.ok(!JSON.stringify(got).includes('\uFFFD'));
  });

  test('decoding restarts on a new socket (after STARTTLS) without losing complete replies', () => {
    const a = new ReplyAssembler();
    assert.equal(a.push(Buffer.from('220 go ahead\r\n')), undefined);
    a.restartDecoding();
    assert.equal(a.push(Buffer.from('250 ü\r\n', 'utf8')), undefined);
    assert.deepEqual([a.next(), a.next(), a.next()], [{ code: 220, lines: ['220 go ahead'] }, { code: 250, lines: ['250 ü'] }, undefined]);
  });

  test(`a line that never ends stops at ${MAX_REPLY_BYTES} bytes; exactly that many is still taken`, () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const chunks = Array.from({ length: MAX_REPLY_BYTES / chunk.length }, () => chunk);
    assert.deepEqual(assemble(chunks), { replies: [] });
    assert.deepEqual(assemble([...chunks, Buffer.from('x')]), { replies: [], over: `${MAX_REPLY_BYTES} bytes` });
  });

  test(`a reply of ${MAX_REPLY_LINES} continuation lines stops; one line fewer and its last line is a reply`, () => {
    const continuation = Buffer.from('250-x\r\n');
    const fewer = Array.from({ length: MAX_REPLY_LINES - 1 }, () => continuation);
    const reply = assemble([...fewer, Buffer.from('250 end\r\n')]);
    assert.equal(reply.over, undefined);
    assert.equal(reply.replies.length, 1);
    assert.equal(reply.replies[0]!.lines.length, MAX_REPLY_LINES);
    assert.deepEqual(assemble([...fewer, continuation]), { replies: [], over: `${MAX_REPLY_LINES} lines` });
  });
});

describe('replay against a server whose EHLO reply never ends', () => {
  let server: net.Server;
  let port = 0;
  before(async () => {
    // A raw server: the greeting, then `250-` lines for as long as the client reads them.
    server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('220 endless.example ESMTP\r\n');
      let pending = '';
      socket.on('data', (d) => {
        pending += d.toString('latin1');
        if (!pending.includes('\r\n')) return;
        const flood = (): void => {
          while (!socket.destroyed && socket.write('250-endless.example says more\r\n'));
          if (!socket.destroyed) socket.once('drain', flood);
        };
        flood();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('stops with the limit it met, and keeps the live transcript up to there', async () => {
    const r = await replayTranscript({ text: 'S: 220 ok\nC: EHLO me\nS: 250 ok\nC: QUIT\nS: 221 bye\n', host: '127.0.0.1', port, timeoutMs: 60_000 });
    assert.equal(r.ok, false);
    assert.equal(r.ran, true);
    assert.equal(r.error, `the server sent a reply of more than ${MAX_REPLY_LINES} lines`);
    assert.match(r.transcript, /^S: 220 endless\.example ESMTP$/m);
    assert.match(r.transcript, /^C: EHLO me$/m);
    assert.match(r.transcript, new RegExp(`replay stopped: the server sent a reply of more than ${MAX_REPLY_LINES} lines`));
  });
});
