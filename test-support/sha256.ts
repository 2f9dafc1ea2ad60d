/**
 * The corpus build's hash (cli/hash.ts injects the same into buildCorpus), for
 * unit tests in core/ and renderer/: those layers may not import cli/, and core
 * itself stays free of Node, so tests that build a corpus take it from here.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
