/** msmtp --debug: `--> ` for what the client sent, `<-- ` for what it received. */
import { defineDialect, type Classified } from './reader';

function classifyMsmtp(line: string): Classified | undefined {
  if (line.startsWith('--> ')) return { kind: 'client', prefixLength: 4 };
  if (line === '-->') return { kind: 'client', prefixLength: 3 };
  if (line.startsWith('<-- ')) return { kind: 'server', prefixLength: 4 };
  return undefined;
}

export const msmtp = defineDialect({ name: 'msmtp', label: 'msmtp --debug output', classify: classifyMsmtp });
