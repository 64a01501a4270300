/**
 * The commands waiting for a reply (RFC 2920 pipelining lets the client send
 * several before the first reply), first in first out.
 */
import type { Command } from './model';
import type { VerbRules } from './verbs';

/**
 * The commands waiting for a reply, first in first out, each with its verb's
 * rules (the state machine reads them when the reply comes, without a second
 * lookup). A ring buffer (push and shift O(1), no array that shifts or is
 * copied as commands come and go) with a count of RFC 2920 group-ending
 * commands, so that 10,000 pipelined commands stay linear.
 */
export class PendingQueue {
  /** Slot `(head + i) & mask` holds the i-th waiting command; the others are cleared (undefined), so an answered command does not live on here. */
  private items: Array<Command | undefined> = new Array<Command | undefined>(16).fill(undefined);
  /** The rules of `items[i]`, at the same index. */
  private rules: Array<VerbRules | undefined> = new Array<VerbRules | undefined>(16).fill(undefined);
  private mask = 15;
  private head = 0;
  private size = 0;
  private enders = 0;
  /** The rules of the command the last `shift` returned. */
  shiftedRules: VerbRules = undefined as unknown as VerbRules;

  get length(): number {
    return this.size;
  }
  /** Adds `c`, whose verb's rules are `rules` (those of the end of the data for a `.`). */
  push(c: Command, rules: VerbRules): void {
    if (this.size > this.mask) this.grow();
    const i = (this.head + this.size++) & this.mask;
    this.items[i] = c;
    this.rules[i] = rules;
    if (rules.endsGroup) this.enders++;
  }
  /** The first waiting command, removed; its rules are then `shiftedRules`. */
  shift(): Command | undefined {
    if (this.size === 0) return undefined;
    const h = this.head;
    const c = this.items[h]!;
    const rules = this.rules[h]!;
    this.items[h] = undefined;
    this.rules[h] = undefined;
    this.head = (h + 1) & this.mask;
    this.size--;
    if (rules.endsGroup) this.enders--;
    this.shiftedRules = rules;
    return c;
  }
  /** Puts back the command just shifted (an AUTH that got a 334). */
  unshift(c: Command, rules: VerbRules): void {
    if (this.size > this.mask) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.size++;
    this.items[this.head] = c;
    this.rules[this.head] = rules;
    if (rules.endsGroup) this.enders++;
  }
  last(): Command | undefined {
    return this.size > 0 ? this.items[(this.head + this.size - 1) & this.mask] : undefined;
  }
  pop(): Command | undefined {
    if (this.size === 0) return undefined;
    const i = (this.head + --this.size) & this.mask;
    const c = this.items[i]!;
    if (this.rules[i]!.endsGroup) this.enders--;
    this.items[i] = undefined;
    this.rules[i] = undefined;
    return c;
  }
  /** The first waiting command that must end a pipelined group, if any. */
  firstGroupEnder(): Command | undefined {
    if (this.enders === 0) return undefined;
    for (let n = 0; n < this.size; n++) {
      const i = (this.head + n) & this.mask;
      if (this.rules[i]!.endsGroup) return this.items[i];
    }
    return undefined;
  }
  /** True when a waiting command satisfies `test`. */
  has(test: (c: Command) => boolean): boolean {
    for (let n = 0; n < this.size; n++) if (test(this.items[(this.head + n) & this.mask]!)) return true;
    return false;
  }
  /** Removes `c` from the queue (a command whose reply the log lost). */
  remove(c: Command): void {
    let at = -1;
    for (let n = 0; n < this.size && at < 0; n++) if (this.items[(this.head + n) & this.mask] === c) at = n;
    if (at < 0) return;
    if (this.rules[(this.head + at) & this.mask]!.endsGroup) this.enders--;
    // The ones after it move up a slot.
    for (let n = at; n < this.size - 1; n++) {
      const to = (this.head + n) & this.mask;
      const from = (to + 1) & this.mask;
      this.items[to] = this.items[from];
      this.rules[to] = this.rules[from];
    }
    const last = (this.head + this.size - 1) & this.mask;
    this.items[last] = undefined;
    this.rules[last] = undefined;
    this.size--;
  }
  /** Removes and returns every waiting command. */
  drain(): Command[] {
    const out: Command[] = new Array<Command>(this.size);
    for (let n = 0; n < this.size; n++) {
      const i = (this.head + n) & this.mask;
      out[n] = this.items[i]!;
      this.items[i] = undefined;
      this.rules[i] = undefined;
    }
    this.head = 0;
    this.size = 0;
    this.enders = 0;
    return out;
  }
  /** Doubles the ring, its commands moved to the start in order. */
  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const items = new Array<Command | undefined>(cap).fill(undefined);
    const rules = new Array<VerbRules | undefined>(cap).fill(undefined);
    for (let n = 0; n < this.size; n++) {
      const i = (this.head + n) & this.mask;
      items[n] = this.items[i];
      rules[n] = this.rules[i];
    }
    this.items = items;
    this.rules = rules;
    this.mask = cap - 1;
    this.head = 0;
  }
}
