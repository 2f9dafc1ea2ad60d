/**
 * A worker thread of the corpus build. It parses one raw file at a time
 * (core/corpus/build.ts parseRawFile) and answers with its parse as JSON, the
 * very text the build caches, so a parsed file and a cached one are read back
 * the same way and give the same bytes. It also builds the search index from
 * the documents as they are written (their JSON), while the build's own thread
 * detects variants: the two longest steps of a large build run on two cores.
 */
import { parentPort } from 'node:worker_threads';
import { parseRawFile } from '../core/corpus/build.js';
import { buildSearchArtifacts, type SearchArtifact } from '../core/search/artifacts.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { sha256Hex } from './hash.js';

export type WorkerRequest = { id: number; kind: 'parse'; name: string; bytes: Uint8Array } | { id: number; kind: 'search'; docs: string[] };
export interface WorkerReply {
  id: number;
  /** A parse, as JSON. */
  json?: string;
  /** The search index's files. */
  artifacts?: SearchArtifact[];
  error?: string;
}

parentPort?.on('message', (m: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply =
      m.kind === 'parse'
        ? { id: m.id, json: JSON.stringify(parseRawFile({ name: m.name, bytes: m.bytes }, sha256Hex)) }
        : { id: m.id, artifacts: buildSearchArtifacts(m.docs.map((d) => JSON.parse(d) as PolicyDocument)) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
