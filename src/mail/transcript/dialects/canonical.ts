/**
 * The canonical form, RFC 5321's own: `C: ` for the client, `S: ` for the
 * server. Unlike the tool logs, a line without a marker is an error here
 * (`line-prefix`), `#` starts an annotation, and ../lines.ts classifies the
 * usual `C:`/`S:` line in place without calling `classify`.
 */
import { defineDialect, type Classified } from './reader';

/** `X:` then one optional space. */
function classifyCanonical(line: string): Classified | undefined {
  const c0 = line.charCodeAt(0);
  if ((c0 === 67 /* C */ || c0 === 83) /* S */ && line.charCodeAt(1) === 58 /* : */) {
    const kind = c0 === 67 ? 'client' : 'server';
    return { kind, prefixLength: line.charCodeAt(2) === 32 ? 3 : 2 };
  }
  return undefined;
}

export const canonical = defineDialect({ name: 'canonical', label: 'C:/S: transcript', classify: classifyCanonical });
