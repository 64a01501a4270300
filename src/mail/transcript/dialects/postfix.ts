/**
 * Postfix: the smtpd transcript (postmaster notice "SMTP server: errors from")
 * writes ` Out: ` for what the server sent and ` In:  ` for what it received
 * (smtpd_chat.c); the smtp client transcript ("SMTP client: errors from")
 * writes the reverse (smtp_chat.c). Which one a file is, is read from the side
 * whose lines carry the reply codes.
 */
import { defineDialect, type Classified, type LineClassifier, type RawLine } from './reader';

/** Postfix line: ` Out: ` / ` In:  ` (kind as in an smtpd transcript). */
function classifyPostfix(line: string): Classified | undefined {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (line.startsWith('Out:', i)) {
    const p = line.charCodeAt(i + 4) === 32 ? 5 : 4;
    return { kind: 'server', prefixLength: p, lead: i };
  }
  if (line.startsWith('In:', i)) {
    let p = 3;
    // Postfix pads "In:" with two spaces to line up with "Out: ".
    if (line.charCodeAt(i + p) === 32) p++;
    if (line.charCodeAt(i + p) === 32) p++;
    return { kind: 'client', prefixLength: p, lead: i };
  }
  return undefined;
}

/** True when the `Out:` lines carry the reply codes (a server-side transcript). */
function isServerSide(text: string, head: readonly RawLine[]): boolean {
  let out = 0;
  let inn = 0;
  const limit = Math.min(head.length, 20000);
  for (let k = 0; k < limit; k++) {
    const line = text.slice(head[k].offset, Math.min(head[k].end, head[k].offset + 40));
    const c = classifyPostfix(line);
    if (!c) continue;
    const content = line.slice((c.lead ?? 0) + c.prefixLength);
    if (/^[2-5]\d\d([ -]|$)/.test(content)) {
      if (c.kind === 'server') out++;
      else inn++;
    }
  }
  return out >= inn;
}

/** The classifier for a text: the smtpd kinds as they are, or swapped for a client-side transcript. */
function postfixClassifierFor(text: string, head: readonly RawLine[]): LineClassifier {
  if (isServerSide(text, head)) return classifyPostfix;
  return (line) => {
    const c = classifyPostfix(line);
    return c ? { ...c, kind: c.kind === 'server' ? 'client' : 'server' } : c;
  };
}

export const postfix = defineDialect({ name: 'postfix', label: 'Postfix session transcript', classify: classifyPostfix, classifierFor: postfixClassifierFor });
