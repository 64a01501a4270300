/**
 * The commands waiting for a reply (RFC 2920 pipelining lets the client send
 * several before the first reply), first in first out.
 */
import type { Command } from './model';
import type { VerbRules } from './verbs';

/**
 * The commands waiting for a reply, first in first out, each with its verb's
 * rules (the state machine reads them when the reply comes, without a second
 * lookup). An array with a head index (shift is O(1)) and a count of RFC 2920
 * group-ending commands, so that 10,000 pipelined commands stay linear.
 */
export class PendingQueue {
  /** Slots before `head` are cleared (undefined): an answered command must not live on in the queue until it compacts. */
  private items: Array<Command | undefined> = [];
  /** The rules of `items[i]`, at the same index. */
  private rules: Array<VerbRules | undefined> = [];
  private head = 0;
  private enders = 0;
  /** The rules of the command the last `shift` returned. */
  shiftedRules: VerbRules = undefined as unknown as VerbRules;

  get length(): number {
    return this.items.length - this.head;
  }
  /** Adds `c`, whose verb's rules are `rules` (those of the end of the data for a `.`). */
  push(c: Command, rules: VerbRules): void {
    this.items.push(c);
    this.rules.push(rules);
    if (rules.endsGroup) this.enders++;
  }
  /** The first waiting command, removed; its rules are then `shiftedRules`. */
  shift(): Command | undefined {
    if (this.head >= this.items.length) return undefined;
    const c = this.items[this.head]!;
    const rules = this.rules[this.head]!;
    this.items[this.head] = undefined;
    this.rules[this.head++] = undefined;
    if (rules.endsGroup) this.enders--;
    this.shiftedRules = rules;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.rules = this.rules.slice(this.head);
      this.head = 0;
    }
    return c;
  }
  /** Puts back the command just shifted (an AUTH that got a 334). */
  unshift(c: Command, rules: VerbRules): void {
    if (this.head > 0) {
      this.items[--this.head] = c;
      this.rules[this.head] = rules;
    } else {
      this.items.splice(this.head, 0, c);
      this.rules.splice(this.head, 0, rules);
    }
    if (rules.endsGroup) this.enders++;
  }
  last(): Command | undefined {
    return this.length > 0 ? this.items[this.items.length - 1] : undefined;
  }
  pop(): Command | undefined {
    if (this.length === 0) return undefined;
    const c = this.items.pop()!;
    if (this.rules.pop()!.endsGroup) this.enders--;
    return c;
  }
  /** The first waiting command that must end a pipelined group, if any. */
  firstGroupEnder(): Command | undefined {
    if (this.enders === 0) return undefined;
    for (let i = this.head; i < this.items.length; i++) if (this.rules[i]!.endsGroup) return this.items[i];
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
    if (this.rules.splice(i, 1)[0]!.endsGroup) this.enders--;
  }
  /** Removes and returns every waiting command. */
  drain(): Command[] {
    const out = this.items.slice(this.head) as Command[];
    this.items = [];
    this.rules = [];
    this.head = 0;
    this.enders = 0;
    return out;
  }
}
