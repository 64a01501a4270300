/**
 * Reads the compacted caniemail data file (`dist/caniemail.json`, written by
 * scripts/caniemail-data.mjs at build time). The one module of the core that
 * touches the file system, and only for this data: 384 KB that the server and
 * the CLI load on the first HTML part they check, never in the extension host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the data file may be: beside the bundle (dist/server.js, dist/cli.js)
 * or, for the compiled tests under out/src/mail/html, in the repository's dist/.
 */
function candidates(): string[] {
  return [join(__dirname, 'caniemail.json'), join(__dirname, '..', '..', '..', '..', 'dist', 'caniemail.json')];
}

/** The data file's text and path, or why it could not be read. */
export function readSupportFile(): { text: string; path: string } | { error: string } {
  const path = candidates().find((f) => existsSync(f));
  if (!path) return { error: `caniemail.json not found (looked in ${candidates().join(', ')}); run the build` };
  try {
    return { text: readFileSync(path, 'utf8'), path };
  } catch (err) {
    return { error: `cannot read ${path}: ${(err as Error).message}` };
  }
}
