/**
 * The one place that reaches past smtp-server's hooks. Its hooks (onConnect,
 * onMailFrom, onRcptTo, onData...) answer only some commands and never say
 * "wait, then reply with this text" for EHLO, DATA, NOOP or a greeting that
 * is accepted, so a scripted inbox needs three things more:
 * - the connection of a session: `server.connections`, declared in
 *   smtp-server's own typings;
 * - a reply of its own: `connection.send(code, text)`, declared there too;
 * - each command before smtp-server handles it: `connection._onCommand`, the
 *   only underscore member used, wrapped per connection (smtp-server's parser
 *   looks it up on every command).
 * `missingInternals` says which of them an installed smtp-server lacks, so a
 * version that moved them is refused loudly (a test asserts it is empty)
 * instead of scripts silently answering normally.
 */
import type { SMTPServer } from 'smtp-server';

/** What this module uses of smtp-server's connection object. */
export interface ServerConnection {
  id: string;
  /** Sends one reply (a list of texts: a multi-line reply); `false`: no enhanced status code added. */
  send(code: number, data?: string | string[], context?: false): void;
  /** Ends the connection after what was sent (smtp-server's own close). */
  close(): void;
}

interface CommandHandling {
  _onCommand(command: Buffer, callback?: () => void): unknown;
}

/** The connection of a session, from smtp-server's set of open connections. */
export function connectionOf(server: SMTPServer, sessionId: string): ServerConnection | undefined {
  const connections = (server as unknown as { connections?: Set<ServerConnection> }).connections;
  if (!(connections instanceof Set)) return undefined;
  for (const c of connections) if (c.id === sessionId && missingOn(c).length === 0) return c;
  return undefined;
}

/**
 * Calls `handle` with each command line before smtp-server sees it;
 * `handle` calls `proceed()` to let smtp-server carry it out as usual, or
 * answers it itself and calls `done()`. `proceed(then)` carries it out and
 * calls `then` instead of reading the next command once it is answered
 * (smtp-server's handlers may answer later, after a hook's callback).
 */
export function interceptCommands(conn: ServerConnection, handle: (line: string, proceed: (then?: () => void) => void, done: () => void) => void): void {
  const target = conn as unknown as CommandHandling;
  const original = target._onCommand.bind(conn);
  target._onCommand = (command: Buffer, callback?: () => void) =>
    handle(
      command.toString(),
      (then) => original(command, then ?? callback),
      () => callback?.(),
    );
}

/** Replaces code and text of the next reply smtp-server sends on this connection. */
export function replaceNextReply(conn: ServerConnection, code: number, texts: string[]): void {
  const original = conn.send;
  conn.send = function (this: ServerConnection) {
    conn.send = original;
    return original.call(this, code, texts.length > 1 ? texts : texts[0], false);
  };
}

function missingOn(conn: unknown): string[] {
  const c = conn as Partial<Record<'send' | 'close' | '_onCommand', unknown>>;
  return (['send', 'close', '_onCommand'] as const).filter((k) => typeof c[k] !== 'function').map((k) => `connection.${k}()`);
}

/**
 * What of the above an installed smtp-server lacks: empty when scripts can be
 * played. Checked on a live connection of `server`, or on its set alone.
 */
export function missingInternals(server: SMTPServer, sessionId?: string): string[] {
  const connections = (server as unknown as { connections?: unknown }).connections;
  if (!(connections instanceof Set)) return ['server.connections'];
  if (sessionId === undefined) return [];
  const conn = [...(connections as Set<{ id?: string }>)].find((c) => c.id === sessionId);
  return conn ? missingOn(conn) : [`no connection with the session's id ${sessionId}`];
}
