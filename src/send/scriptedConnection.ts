/**
 * Plays a script (inboxScript.ts) on one smtp-server connection: a command a
 * rule matches is answered as the rule says. A positive rule (2xx/3xx) lets
 * smtp-server carry the command out and only replaces the reply's text, so
 * the session goes on as the client was told; a negative one (4xx/5xx)
 * answers without carrying it out, as a refusing server would. Waits stall
 * the answer; `close` drops the connection.
 *
 * What smtp-server's hooks cannot express goes through
 * smtpServerInternals.ts; a stalled or dropped connection uses the session's
 * own socket, as the net server accepted it.
 */
import type { Socket } from 'node:net';
import { normalise, type InboxScript, type ScriptRule } from './inboxScript';
import { interceptCommands, replaceNextReply as replaceReply, type ServerConnection } from './smtpServerInternals';

/** A session being scripted: smtp-server's connection and the socket it reads. */
export interface ScriptedSession {
  conn: ServerConnection;
  /** The accepted socket (under TLS too: destroying it ends the connection). */
  socket: Socket;
  /**
   * Set when a rule's reply is the last thing said: a command the client
   * pipelined behind it is then never read, whether it came in the same TCP
   * segment as the one answered or later.
   */
  closing?: boolean;
}

/** What the inbox is told about scripted answers (for the transcript). */
export interface ScriptEvents {
  /** A command answered by the script without smtp-server (it did not log it). */
  command(line: string): void;
  note(text: string): void;
}

/** Replaces the text of smtp-server's next reply with the rule's. */
export function replaceNextReply(session: ScriptedSession, rule: ScriptRule): void {
  if (rule.code !== undefined) replaceReply(session.conn, rule.code, rule.texts);
}

/** Runs `act` after the rule's wait, unless the connection is gone by then. */
export function afterWait(session: ScriptedSession, rule: ScriptRule, events: ScriptEvents, act: () => void): void {
  if (!rule.waitMs) return act();
  events.note(`script (line ${rule.line}): waiting ${rule.waitMs} ms before answering`);
  const timer = setTimeout(() => {
    if (!session.socket.destroyed) act();
  }, rule.waitMs);
  timer.unref();
}

/** Drops the connection for a `# close` rule. */
export function dropConnection(session: ScriptedSession, rule: ScriptRule, events: ScriptEvents): void {
  events.note(`script (line ${rule.line}): closing the connection`);
  // No reply: the connection just goes; after a reply, smtp-server ends it once that is sent.
  if (rule.code === undefined) session.socket.destroy();
  else session.conn.close();
}

/** Lets the script answer the commands it matches; the others go to smtp-server. */
export function playScript(session: ScriptedSession, player: ScriptPlayer, events: ScriptEvents): void {
  interceptCommands(session.conn, (line, proceed, done) => {
    // Neither done() nor proceed(): smtp-server reads nothing more before it closes.
    if (session.closing) return;
    const rule = player.take(line);
    if (!rule) return proceed();
    afterWait(session, rule, events, () => {
      if (rule.code === undefined && rule.close) {
        // A dropped connection: the command is read and never answered.
        events.command(line);
        return dropConnection(session, rule, events);
      }
      if (rule.code === undefined || rule.code < 400) {
        // Carried out as usual; the reply (if the rule has one) is the script's.
        replaceNextReply(session, rule);
        if (!rule.close) return proceed();
        // Dropped once the reply is out, which smtp-server's handler may send later (after a hook).
        session.closing = true;
        proceed(() => dropConnection(session, rule, events));
        return;
      }
      events.command(line);
      if (rule.close) session.closing = true;
      session.conn.send(rule.code, rule.texts.length > 1 ? rule.texts : rule.texts[0], false);
      if (rule.close) dropConnection(session, rule, events);
      done();
    });
  });
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
