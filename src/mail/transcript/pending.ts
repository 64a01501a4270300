/**
 * The commands waiting for a reply (RFC 2920 pipelining lets the client send
 * several before the first reply), first in first out.
 */
import { COMMANDS } from './catalog';
import type { Command } from './model';

/**
 * The commands waiting for a reply, first in first out. An array with a head
 * index (shift is O(1)) and a count of RFC 2920 group-ending commands, so that
 * 10,000 pipelined commands stay linear.
 */
/** The catalogue's verbs that end a pipelined group (RFC 2920 §3.1), as a set: asked of every command twice. */
const GROUP_ENDERS: ReadonlySet<string> = new Set(Object.values(COMMANDS).filter((c) => c.endsGroup).map((c) => c.verb));

export class PendingQueue {
  /** Slots before `head` are cleared (undefined): an answered command must not live on in the queue until it compacts. */
  private items: Array<Command | undefined> = [];
  private head = 0;
  private enders = 0;

  private static endsGroup(c: Command): boolean {
    return c.kind === 'command' && GROUP_ENDERS.has(c.verb);
  }
  get length(): number {
    return this.items.length - this.head;
  }
  push(c: Command): void {
    this.items.push(c);
    if (PendingQueue.endsGroup(c)) this.enders++;
  }
  shift(): Command | undefined {
    if (this.head >= this.items.length) return undefined;
    const c = this.items[this.head]!;
    this.items[this.head++] = undefined;
    if (PendingQueue.endsGroup(c)) this.enders--;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return c;
  }
  /** Puts back the command just shifted (an AUTH that got a 334). */
  unshift(c: Command): void {
    if (this.head > 0) this.items[--this.head] = c;
    else this.items.splice(this.head, 0, c);
    if (PendingQueue.endsGroup(c)) this.enders++;
  }
  last(): Command | undefined {
    return this.length > 0 ? this.items[this.items.length - 1] : undefined;
  }
  pop(): Command | undefined {
    if (this.length === 0) return undefined;
    const c = this.items.pop()!;
    if (PendingQueue.endsGroup(c)) this.enders--;
    return c;
  }
  /** The first waiting command that must end a pipelined group, if any. */
  firstGroupEnder(): Command | undefined {
    if (this.enders === 0) return undefined;
    for (let i = this.head; i < this.items.length; i++) if (PendingQueue.endsGroup(this.items[i]!)) return this.items[i];
    return undefined;
  }
  /** True when a waiting command satisfies `test`. */
  has(test: (c: Command) => boolean): boolean {
    for (let i = this.head; i < this.items.length; i++) if (test(this.items[i]!)) return true;
    return false;
  }
  /** Removes `c` from the queue (a command whose reply the log lost). */
  remove(c: Command): void {
    const i = this.items.indexOf(c, this.head);
    if (i < 0) return;
    this.items.splice(i, 1);
    if (PendingQueue.endsGroup(c)) this.enders--;
  }
  /** Removes and returns every waiting command. */
  drain(): Command[] {
    const out = this.items.slice(this.head) as Command[];
    this.items = [];
    this.head = 0;
    this.enders = 0;
    return out;
  }
}
