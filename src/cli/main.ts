/**
 * `smtp-eml` command line (skeleton: `check` only; the send issue adds `send` and `inbox`).
 */
import { readFileSync } from 'node:fs';
import { validateMessage } from '../mail/message/validate';
import { validateTranscript } from '../mail/transcript/validate';

function main(argv: string[]): number {
  const [command, ...files] = argv;
  if (command !== 'check' || files.length === 0) {
    process.stderr.write('Usage: smtp-eml check FILE...\n');
    return 2;
  }
  let errors = 0;
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    const problems = file.endsWith('.smtp') ? validateTranscript(text) : validateMessage(text);
    for (const p of problems) if (p.severity === 'error') errors++;
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
