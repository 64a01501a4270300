/**
 * The two places where the send engine uses private members of nodemailer's
 * `SMTPConnection`, because nodemailer offers no public way to do the job:
 *
 * - `_onData`: the only point between the socket and nodemailer's reply
 *   parser. A reply too big to be a reply (./limits.ts) must be refused before
 *   nodemailer buffers it; the `logger` and transaction log only see replies
 *   after they are whole, and the socket is nodemailer's own.
 * - `_socket`: the TLS socket, for the session log's protocol, cipher and
 *   certificate (also of a certificate that was not verified, which Node's
 *   `checkServerIdentity` hook never sees), and to drop a connection that
 *   completes after the user cancelled (nodemailer's `close()` runs once).
 *
 *   It is also where Nagle's algorithm is turned off (`disableNagle`):
 *   nodemailer creates its socket itself and offers no option for it.
 *
 * Everything else goes through public API (the logger and transaction log,
 * `connect`/`login`/`send`/`quit`/`close`, `secure`, `lastServerResponse`).
 * `checkInternals` throws when a nodemailer update removes either member, so a
 * send fails at once with an internal error and the send tests fail loudly,
 * instead of the reply limit or the TLS notes silently going away.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

interface Internals {
  _onData(chunk: Buffer): void;
  _socket?: Socket | TLSSocket;
}

/** Throws unless `conn` still has the private members this module uses. */
export function checkInternals(conn: SMTPConnection): void {
  const c = conn as unknown as Partial<Internals>;
  if (typeof c._onData !== 'function') throw new Error('nodemailer SMTPConnection has no _onData any more: the reply limit cannot be enforced (see src/send/nodemailerInternals.ts)');
  // The constructor declares the socket (false until connect).
  if (!('_socket' in c)) throw new Error('nodemailer SMTPConnection has no _socket any more: TLS details cannot be logged (see src/send/nodemailerInternals.ts)');
}

/**
 * Puts `accept` in front of nodemailer's reply parser: each chunk the server
 * sends goes to nodemailer only when `accept` returns true.
 */
export function filterIncoming(conn: SMTPConnection, accept: (chunk: Buffer) => boolean): void {
  const c = conn as unknown as Internals;
  const parse = c._onData.bind(conn);
  c._onData = (chunk: Buffer): void => {
    if (accept(chunk)) parse(chunk);
  };
}

/** The connection's current socket (the TLS socket once TLS is up), if any. */
export function currentSocket(conn: SMTPConnection): Socket | TLSSocket | undefined {
  return (conn as unknown as Internals)._socket || undefined;
}

/**
 * Turns Nagle's algorithm off on the connection's socket (TCP_NODELAY; a TLS
 * socket passes it to the TCP socket beneath, which STARTTLS keeps). SMTP is a
 * dialogue of small writes: with Nagle on, a write made while an earlier
 * segment is unacknowledged (the end of DATA after the message's last chunk,
 * a command after the previous one) waits for the server's delayed ACK, about
 * 40 ms on Linux, on every such exchange. Returns false when there is no socket yet.
 */
export function disableNagle(conn: SMTPConnection): boolean {
  const socket = currentSocket(conn);
  if (!socket) return false;
  socket.setNoDelay(true);
  return true;
}
