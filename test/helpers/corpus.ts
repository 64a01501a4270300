/**
 * The shared corpus (../shared/corpus beside the repository, read at test time,
 * never copied into the repo) and one walker over its folders for every test.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared/corpus` seen from the compiled tests (`out/test/helpers`). */
export const CORPUS_ROOT = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

/**
 * Every file under `dir` (recursively, names in sorted order, depth first) that
 * `accept` keeps; `size` is the file's size in bytes. An absent folder gives [].
 */
export function listCorpusFiles(dir: string, accept: (name: string, size: number) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const stat = statSync(p);
    if (stat.isDirectory()) out.push(...listCorpusFiles(p, accept));
    else if (accept(name, stat.size)) out.push(p);
  }
  return out;
}
