/**
 * Reads a password for the CLI: at a terminal, a prompt that echoes nothing;
 * otherwise the first line of stdin (so `printf '%s\n' "$PW" | smtp-eml send ...`
 * works in scripts). The password never goes to stdout or into a log.
 */

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };

/** Resolves to the password, or undefined when input ended or Ctrl+C was pressed. */
export function readPassword(prompt: string, input: Input, promptOut: NodeJS.WritableStream): Promise<string | undefined> {
  if (input.isTTY && typeof input.setRawMode === 'function') return readFromTerminal(prompt, input, promptOut);
  return readFirstLine(input);
}

function readFromTerminal(prompt: string, input: Input, promptOut: NodeJS.WritableStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    promptOut.write(prompt);
    input.setRawMode!(true);
    input.resume();
    let value = '';
    const finish = (result: string | undefined): void => {
      input.removeListener('data', onData);
      input.setRawMode!(false);
      input.pause();
      promptOut.write('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish(value);
        if (ch === '\u0003' /* Ctrl+C */) return finish(undefined);
        if (ch === '\u0004' /* Ctrl+D */) return finish(value === '' ? undefined : value);
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

function readFirstLine(input: Input): Promise<string | undefined> {
  return new Promise((resolve) => {
    let buffered = '';
    let done = false;
    const finish = (result: string | undefined): void => {
      if (done) return;
      done = true;
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onEnd);
      input.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      buffered += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const nl = buffered.indexOf('\n');
      if (nl >= 0) finish(buffered.slice(0, nl).replace(/\r$/, ''));
    };
    const onEnd = (): void => finish(buffered === '' ? undefined : buffered.replace(/\r$/, ''));
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
    input.resume();
  });
}
