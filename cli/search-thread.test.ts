/**
 * The search thread (search-thread.ts) when it has nothing to give: the build then updates or makes the index in its
 * own thread. That it gives a rebuild the full build's bytes, and the same as a rebuild without threads, is tested end
 * to end in search-update.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchThread } from './search-thread.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function emptyFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-search-thread-'));
  dirs.push(dir);
  return dir;
}

describe('SearchThread', () => {
  it('answers with no index when the previous one cannot be read, for the build to make it itself', async () => {
    const thread = SearchThread.start({ dir: await emptyFolder(), files: new Map() }, [], () => '')!;
    expect(thread).not.toBeNull();
    expect(thread.take()).toEqual({ updated: null, unitsIndexed: 0, textShardsMoved: 0 });
    await thread.stop();
    // Stopped, it has nothing more to say.
    expect(thread.take()).toBeNull();
  }, 60_000);

  it('is given up on past its time limit, and stopped', async () => {
    // A thread takes longer than this to start at all.
    const thread = SearchThread.start({ dir: await emptyFolder(), files: new Map() }, [], () => '', 0)!;
    expect(thread.take()).toBeNull();
    await thread.stop();
  }, 60_000);
});
