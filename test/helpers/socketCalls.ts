/**
 * Records what this process's sockets are asked to do while a piece of code
 * runs: each `setNoDelay` call and each `write`, with the socket it was made
 * on. For the tests that check, on the socket itself rather than by timing,
 * that a client turns Nagle's algorithm off and how many writes it makes.
 * Tests tell the client's socket from a server's by its `remotePort` (the
 * server's port) when it writes.
 */
import * as net from 'node:net';

/** One `setNoDelay` call: the argument, and how many bytes the socket had read then. */
export interface NoDelayCall {
  socket: net.Socket;
  enable: unknown;
  bytesRead: number;
}

/** One `write` call and the data it was given (as text: latin1, so every octet shows). */
export interface WriteCall {
  socket: net.Socket;
  /** The socket's remote port when the call was made (a destroyed socket no longer tells). */
  remotePort: number | undefined;
  data: string;
}

/** Runs `run` with every socket's `setNoDelay` and `write` recorded, and puts them back afterwards. */
export async function recordSocketCalls<T>(run: () => Promise<T>): Promise<{ result: T; noDelay: NoDelayCall[]; writes: WriteCall[] }> {
  const noDelay: NoDelayCall[] = [];
  const writes: WriteCall[] = [];
  const proto = net.Socket.prototype as net.Socket & { write(...args: unknown[]): boolean };
  const { setNoDelay, write } = proto;
  proto.setNoDelay = function (this: net.Socket, enable?: boolean) {
    noDelay.push({ socket: this, enable, bytesRead: this.bytesRead });
    return setNoDelay.call(this, enable);
  };
  proto.write = function (this: net.Socket, ...args: unknown[]) {
    const [data, encoding] = args;
    writes.push({ socket: this, remotePort: this.remotePort, data: typeof data === 'string' ? Buffer.from(data, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8').toString('latin1') : Buffer.from(data as Uint8Array).toString('latin1') });
    return write.apply(this, args);
  };
  try {
    return { result: await run(), noDelay, writes };
  } finally {
    proto.setNoDelay = setNoDelay;
    proto.write = write;
  }
}
