/** SHA-256 for the corpus build: core takes the hash function as a parameter and stays free of Node. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
