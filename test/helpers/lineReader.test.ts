/**
 * The raw clients' reply reader (./lineReader.ts): a reply is whole at its
 * `NNN ` line however the bytes were cut (a `250-` line alone in a segment,
 * a line split inside, several replies in one segment), and the end of the
 * connection before a whole reply is an error, not a hang. The bytes come
 * through a stream, one `data` event per chunk, so each cut is exactly the one
 * the test asks for.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { readReplies } from './lineReader';

const EHLO = '250-inbox.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n';

/** A stream standing for the socket, fed the chunks one `data` event each. */
function feed(chunks: string[]): { socket: Socket; stream: PassThrough } {
  const stream = new PassThrough();
  for (const c of chunks) stream.write(Buffer.from(c, 'latin1'));
  return { socket: stream as unknown as Socket, stream };
}

test('a multi-line reply is one reply, whatever the cut (every cut in two, and byte by byte)', async () => {
  const text = `220 hi\r\n${EHLO}221 bye\r\n`;
  const cuts = [...Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)].filter(Boolean)), [...text]];
  for (const chunks of cuts) {
    const replies = readReplies(feed(chunks).socket);
    assert.deepEqual(await replies.next(), ['220 hi']);
    assert.deepEqual(await replies.next(), ['250-inbox.example', '250-PIPELINING', '250 8BITMIME'], JSON.stringify(chunks));
    assert.deepEqual(await replies.next(), ['221 bye']);
  }
});

test('near miss: a segment ending after a 250- line is not a reply yet', async () => {
  const { socket, stream } = feed(['220 hi\r\n250-inbox.example\r\n']);
  const replies = readReplies(socket);
  assert.deepEqual(await replies.next(), ['220 hi']);
  let second: string[] | undefined;
  const pending = replies.next().then((r) => (second = r));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(second, undefined);
  stream.write('250 8BITMIME\r\n');
  assert.deepEqual(await pending, ['250-inbox.example', '250 8BITMIME']);
});

test('the connection ending before a whole reply rejects, naming what came; a deadline rejects too', async () => {
  const { socket, stream } = feed(['220 hi\r\n250-half']);
  const replies = readReplies(socket);
  assert.deepEqual(await replies.next(), ['220 hi']);
  const waiting = replies.next();
  stream.destroy();
  await assert.rejects(waiting, /closed before a whole reply/);
  const quiet = readReplies(feed([]).socket);
  await assert.rejects(quiet.next(10), /no whole reply within 10 ms/);
});
