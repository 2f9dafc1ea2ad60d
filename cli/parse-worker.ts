/**
 * A worker thread of the corpus build. It parses one raw file at a time
 * (core/corpus/build.ts parseRawFile) and answers with its parse as the very
 * text the build caches (cli/parse-cache.ts), so a parsed file and a cached one
 * are read back the same way and give the same bytes.
 */
import { parentPort } from 'node:worker_threads';
import { parseRawFile } from '../core/corpus/build.js';
import { sha256Hex } from './hash.js';
import { encodeParseEntry } from './parse-cache.js';

export interface WorkerRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}
export interface WorkerReply {
  id: number;
  /** A parse, as a parse cache entry's text. */
  entry?: string;
  error?: string;
}

parentPort?.on('message', (m: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: m.id, entry: encodeParseEntry(parseRawFile({ name: m.name, bytes: m.bytes }, sha256Hex)) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
