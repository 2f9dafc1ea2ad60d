import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Remove from a build cache folder the entries this build did not use, and the temporary files of killed
 * builds (`<entry>.<pid>.tmp`): only files named as the cache names them, never another file.
 */
export async function pruneCacheDir(dir: string, entryName: RegExp, used: Set<string>): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const tmp = /^(.*)\.\d+\.tmp$/.exec(name);
    const stale = entryName.test(name) ? !used.has(name) : tmp !== null && entryName.test(tmp[1]);
    if (!stale) continue;
    await unlink(path.join(dir, name)).catch(() => undefined);
    removed++;
  }
  return removed;
}
