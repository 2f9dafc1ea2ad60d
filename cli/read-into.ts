/**
 * One cache file read into memory the caller gives it: the variants cache's slabs (variants-cache.ts) and the
 * read-ahead thread's shared slab (read-ahead-worker.ts) read their entries the same way.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * `file`'s bytes, read into the buffer `place(size)` gives for its size: a view of as many bytes as were read (cut
 * short when the file shrank while it was read: core refuses what does not add up). Null when it cannot be read or
 * is not a regular file; undefined when `place` has no room for it (null).
 */
export function readRegularFile(file: string, place: (size: number) => Uint8Array | null): Uint8Array | null | undefined {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO in the folder must not keep the build waiting for a writer; what it is is checked on the open file.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const bytes = place(stat.size);
    if (!bytes) return undefined;
    let got = 0;
    for (let n = 1; got < stat.size && n > 0; got += n) n = readSync(fd, bytes, got, stat.size - got, got);
    return bytes.subarray(0, got);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
