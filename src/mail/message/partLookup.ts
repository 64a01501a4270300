/**
 * Part numbers and finding parts, by offset and by number: the one scheme that
 * Decode Part, Save Attachment As…, the preview's Open and the hover name parts by.
 *
 * Numbers are IMAP's (RFC 3501 §6.4.5), except that the top-level message is
 * `''` (its body too, when it is not multipart):
 * - the parts of a multipart numbered `n` are `n.1`, `n.2`, …;
 * - an attached message (message/rfc822 or message/global) numbered `n` is the
 *   whole attached message; when it is multipart, its parts are `n.1`, `n.2`, …
 *   and its root shares `n`; when it is not, its root is its body and is `n.1`.
 * So every part with a body of its own has a number of its own.
 */
import type { BoundaryLine, MimePart } from './model';

/** The number of the `index`-th (1-based) part of the multipart numbered `parent`. */
export function childPath(parent: string, index: number): string {
  return parent ? `${parent}.${index}` : String(index);
}

/**
 * The number of the root of the message attached as the part numbered
 * `container`: the container's own when the root is a multipart (its parts are
 * numbered below it), else that of the single body below the container.
 */
export function embeddedRootPath(container: string, multipart: boolean): string {
  return multipart ? container : childPath(container, 1);
}

/** True when the offset lies in [start, end] (end inclusive: the cursor may sit right after the text). */
const within = (offset: number, start: number, end: number): boolean => offset >= start && offset <= end;

/**
 * The deepest part whose span holds `offset` (an embedded message's root counts
 * as a part). Descends without recursion; children are found by binary search.
 */
export function partAt(root: MimePart, offset: number): MimePart {
  let part = root;
  for (;;) {
    if (part.embedded && within(offset, part.embedded.offset, part.embedded.end) && offset >= part.bodyOffset) {
      part = part.embedded;
      continue;
    }
    const children = part.children;
    let lo = 0;
    let hi = children.length - 1;
    let found: MimePart | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      if (offset < c.offset) hi = mid - 1;
      else if (offset > c.end) lo = mid + 1;
      else {
        found = c;
        break;
      }
    }
    if (!found) return part;
    part = found;
  }
}

/**
 * The delimiter line at `offset` in `part`'s body, with the part that follows
 * it (undefined after the close delimiter).
 */
export function boundaryLineAt(part: MimePart, offset: number): { line: BoundaryLine; next?: MimePart } | undefined {
  const line = part.boundaryLines.find((b) => within(offset, b.offset, b.offset + b.length));
  if (!line) return undefined;
  const next = line.close ? undefined : part.children.find((c) => c.offset > line.offset);
  return { line, next };
}

/**
 * The part Decode Part opens with the cursor at `offset`: the part there; on a
 * delimiter line, the part it opens; in the header of an attached message, the
 * attached message (its container); undefined in a multipart's own lines
 * (preamble, header, epilogue, a close delimiter), which have no body to decode.
 */
export function partToDecodeAt(root: MimePart, offset: number): MimePart | undefined {
  let part = partAt(root, offset);
  const delimiter = boundaryLineAt(part, offset);
  if (delimiter?.next) part = delimiter.next;
  // The header of an attached message belongs to the whole message, not to its body.
  if (part.isMessage && part.parent && offset < part.bodyOffset) part = part.parent;
  return part.children.length ? undefined : part;
}

/** The part numbered `path` that has a body (an attached message's container comes before its multipart root). */
export function partByPath(root: MimePart, path: string): MimePart | undefined {
  // Iterative, in document order: parts nest without limit.
  const stack: MimePart[] = [root];
  while (stack.length) {
    const p = stack.pop()!;
    if (p.path === path && (p.children.length === 0 || p.embedded)) return p;
    if (p.embedded) stack.push(p.embedded);
    for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i]);
  }
  return undefined;
}
