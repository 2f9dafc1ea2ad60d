/**
 * The read-ahead thread (read-ahead.ts, read-ahead-worker.ts), a real worker thread on real files: each file's
 * bytes as they are on disk, in order, each from a multiple of 4; a file that cannot be read is told apart from
 * one the thread did not read (the caller reads that one); it reads no further than AHEAD files past the last one
 * taken; stopped, it leaves the rest to the caller.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AHEAD, MAX_SLAB_BYTES, ReadAhead } from './read-ahead.js';

const dirs: string[] = [];
const readers: ReadAhead[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.stop()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'read-ahead-'));
  dirs.push(d);
  return d;
}
/** Files of these contents in a new folder, their paths. */
function files(contents: Uint8Array[]): string[] {
  const d = folder();
  return contents.map((c, i) => {
    const f = path.join(d, `f${i}.bin`);
    writeFileSync(f, c);
    return f;
  });
}
const bytesOf = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, k) => (seed * 37 + k) % 251);
async function started(paths: string[], slabBytes: number): Promise<ReadAhead> {
  const r = await ReadAhead.start(paths, slabBytes);
  expect(r).not.toBeNull();
  readers.push(r!);
  return r!;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How many files the thread is done with once it has stopped moving: at least `least` (waited for), then still after a pause. */
async function settled(r: ReadAhead, least: number): Promise<number> {
  for (let waited = 0; r.done < least && waited < 10_000; waited += 20) await sleep(20);
  await sleep(200);
  return r.done;
}

describe('ReadAhead', () => {
  it('gives each file’s bytes as on disk, in order, each from a multiple of 4, none disturbing another', async () => {
    const contents = [5, 0, 8, 13, 1, 70_001].map(bytesOf);
    const paths = files(contents);
    const r = await started(paths, contents.reduce((s, c) => s + c.length + 3, 0));
    const got = paths.map((_, i) => r.take(i));
    got.forEach((b, i) => {
      expect(b).toBeInstanceOf(Uint8Array);
      expect([...b!]).toEqual([...contents[i]]);
      expect(b!.byteOffset % 4).toBe(0);
    });
    expect([...got[0]!]).toEqual([...contents[0]]);
    expect(r.done).toBe(paths.length);
  });

  it('tells a file that cannot be read (missing, a folder, a FIFO: no wait for a writer) from one it had no room for', async () => {
    const d = folder();
    const fifo = path.join(d, 'fifo');
    execFileSync('mkfifo', [fifo]);
    mkdirSync(path.join(d, 'sub'));
    const [small, big, last] = files([bytesOf(10, 1), bytesOf(1000, 2), bytesOf(7, 3)]);
    const paths = [path.join(d, 'missing.bin'), path.join(d, 'sub'), fifo, small, big, last];
    // Room for the small files, not the big one: the caller reads that one, and the next still fits.
    const r = await started(paths, 10 + 3 + 7 + 3);
    expect(r.take(0)).toBeNull();
    expect(r.take(1)).toBeNull();
    expect(r.take(2)).toBeNull();
    expect([...r.take(3)!]).toEqual([...bytesOf(10, 1)]);
    expect(r.take(4)).toBeUndefined();
    expect([...r.take(5)!]).toEqual([...bytesOf(7, 3)]);
  });

  it('reads no further than AHEAD files past the last one taken, and on when more are taken', async () => {
    const contents = Array.from({ length: 3 * AHEAD }, (_, i) => bytesOf(3, i));
    const paths = files(contents);
    const r = await started(paths, contents.length * 4);
    // Files 0 … AHEAD: none taken yet (taken counts from 0).
    expect(await settled(r, AHEAD + 1)).toBe(AHEAD + 1);
    expect([...r.take(AHEAD + 5)!]).toEqual([...contents[AHEAD + 5]]);
    expect(await settled(r, 2 * AHEAD + 6)).toBe(2 * AHEAD + 6);
    expect([...r.take(contents.length - 1)!]).toEqual([...contents.at(-1)!]);
  });

  it('stopped, leaves the files it has not read to the caller; what it read stays readable', async () => {
    const contents = Array.from({ length: AHEAD + 20 }, (_, i) => bytesOf(3, i));
    const paths = files(contents);
    const r = await started(paths, contents.length * 4);
    const first = r.take(0)!;
    expect(await settled(r, AHEAD + 1)).toBe(AHEAD + 1);
    await r.stop();
    expect([...first]).toEqual([...contents[0]]);
    expect([...r.take(AHEAD)!]).toEqual([...contents[AHEAD]]);
    expect(r.take(AHEAD + 10)).toBeUndefined();
  });

  it('does not start for a slab its table cannot address (offsets are 32-bit); an empty slab holds empty files', async () => {
    expect(await ReadAhead.start([], MAX_SLAB_BYTES + 1)).toBeNull();
    expect(await ReadAhead.start([], 2 ** 31)).toBeNull();
    expect(await ReadAhead.start([], -1)).toBeNull();
    const [empty] = files([new Uint8Array(0)]);
    const r = await started([empty], 0);
    expect(r.take(0)).toEqual(new Uint8Array(0));
  });
});
