/**
 * Plays a script (inboxScript.ts) on one smtp-server connection: a command a
 * rule matches is answered as the rule says. A positive rule (2xx/3xx) lets
 * smtp-server carry the command out and only replaces the reply's text, so
 * the session goes on as the client was told; a negative one (4xx/5xx)
 * answers without carrying it out, as a refusing server would. Waits stall
 * the answer; `close` drops the connection.
 *
 * smtp-server has no hook for arbitrary commands (EHLO, DATA, NOOP...), so
 * this wraps the connection's command handler; the connection object comes
 * from the server's set of connections, matched by session id.
 */
import { normalise, type InboxScript, type ScriptRule } from './inboxScript';

/** The parts of smtp-server's SMTPConnection this module uses. */
export interface ScriptableConnection {
  id: string;
  _onCommand(command: Buffer, callback?: () => void): unknown;
  send(code: number, data?: string | string[], context?: unknown): void;
  close(): void;
  _socket: { destroy(): void; destroyed: boolean };
}

/** Finds the connection of a session in smtp-server's set of open connections. */
export function connectionOf(server: unknown, sessionId: string): ScriptableConnection | undefined {
  const connections = (server as { connections?: Set<ScriptableConnection> }).connections;
  if (!connections) return undefined;
  for (const c of connections) if (c.id === sessionId) return c;
  return undefined;
}

/** What the inbox is told about scripted answers (for the transcript). */
export interface ScriptEvents {
  /** A command answered by the script without smtp-server (it did not log it). */
  command(line: string): void;
  note(text: string): void;
}

/** Replaces the text of smtp-server's next reply with the rule's. */
export function replaceNextReply(conn: ScriptableConnection, rule: ScriptRule): void {
  const original = conn.send;
  conn.send = function (this: ScriptableConnection, ...args: Parameters<ScriptableConnection['send']>) {
    conn.send = original;
    if (rule.code === undefined) return original.apply(this, args);
    return original.call(this, rule.code, rule.texts.length > 1 ? rule.texts : rule.texts[0], false);
  };
}

/** Runs `act` after the rule's wait, unless the connection is gone by then. */
export function afterWait(conn: ScriptableConnection, rule: ScriptRule, events: ScriptEvents, act: () => void): void {
  if (!rule.waitMs) return act();
  events.note(`script (line ${rule.line}): waiting ${rule.waitMs} ms before answering`);
  const timer = setTimeout(() => {
    if (!conn._socket.destroyed) act();
  }, rule.waitMs);
  timer.unref();
}

/** Drops the connection for a `# close` rule. */
export function dropConnection(conn: ScriptableConnection, rule: ScriptRule, events: ScriptEvents): void {
  events.note(`script (line ${rule.line}): closing the connection`);
  if (rule.code === undefined) conn._socket.destroy();
  else conn.close();
}

/** Wraps the connection's command handler so the script answers what it matches. */
export function playScript(conn: ScriptableConnection, player: ScriptPlayer, events: ScriptEvents): void {
  const original = conn._onCommand.bind(conn);
  conn._onCommand = (command: Buffer, callback?: () => void) => {
    const line = command.toString();
    const rule = player.take(line);
    if (!rule) return original(command, callback);
    afterWait(conn, rule, events, () => {
      if (rule.code === undefined && rule.close) {
        // A dropped connection: the command is read and never answered.
        events.command(line);
        return dropConnection(conn, rule, events);
      }
      if (rule.code === undefined || rule.code < 400) {
        // Carried out as usual; the reply (if the rule has one) is the script's.
        if (rule.code !== undefined) replaceNextReply(conn, rule);
        original(command, callback);
        if (rule.close) dropConnection(conn, rule, events);
        return;
      }
      events.command(line);
      conn.send(rule.code, rule.texts.length > 1 ? rule.texts : rule.texts[0], false);
      if (rule.close) dropConnection(conn, rule, events);
      callback?.();
    });
  };
}

/** The rules one session uses up as it goes: each rule answers once. */
export class ScriptPlayer {
  private readonly used = new Set<ScriptRule>();

  constructor(readonly script: InboxScript) {}

  /** The rule for a command line the client sent, if any (and marks it used). */
  take(line: string): ScriptRule | undefined {
    const verb = (/^\S+/.exec(line)?.[0] ?? '').toUpperCase();
    const argument = normalise(line.slice(verb.length));
    return this.takeRule((r) => r.verb === verb && (r.argument === undefined || r.argument === argument));
  }

  /** The rule for the end of a message (`C: .`), if any. */
  takeDataEnd(): ScriptRule | undefined {
    return this.takeRule((r) => r.verb === '.');
  }

  private takeRule(match: (r: ScriptRule) => boolean): ScriptRule | undefined {
    const rule = this.script.rules.find((r) => !this.used.has(r) && match(r));
    if (rule) this.used.add(rule);
    return rule;
  }
}
