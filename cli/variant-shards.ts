/**
 * What the previous build made of each variants shard, for a rebuild to link a shard whose makings are unchanged
 * instead of making it (issue 20: a rebuild after one raw file changed made and hashed all 10,000 shards, 240 MB of
 * JSON, and wrote back the few dozen that differ). Each shard's fingerprint (core/compare/shard-fingerprint.ts) is
 * kept with the SHA-256 of the file it made, in `cache/variant-shards.json`.
 *
 * Used only when it describes the current version and was made by the same shard code (its modules' hashes,
 * parser-fingerprint.ts); the writer then links the previous version's file only where it is still as its build
 * wrote it (version-files.ts), and makes the shard otherwise, checked against that hash. Anything that does not
 * read is as if there were no record: every shard is made, as before.
 */
import path from 'node:path';
import type { ShardMemo } from '../core/compare/artifact.js';
import { codeFingerprint, readRecord, saveRecord } from './build-records.js';
import { currentVersionName } from './corpus-files.js';

const STATE = path.join('cache', 'variant-shards.json');
const FORMAT = 1;
/** The modules whose code makes a shard's bytes from a detection, and this one (which decides what is kept). */
export const SHARD_ROOTS = ['core/compare/artifact.ts', 'cli/variant-shards.ts'];

/** This program's shard code as a hash (build-records.ts). */
export function shardCodeFingerprint(): string {
  return codeFingerprint(SHARD_ROOTS);
}

const isEntry = (v: unknown): v is [string, string, string] =>
  Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && /^[0-9a-f]{32}$/.test(v[1]) && /^[0-9a-f]{64}$/.test(v[2]);

/**
 * This build's memo: what the previous build recorded (path → fingerprint and hash), when its record is of the
 * current version and of this code, and what this build records. `reused` counts the shards handed on by hash.
 */
export class ShardRecord implements ShardMemo {
  readonly made = new Map<string, string>();
  reused = 0;

  constructor(private readonly previous: Map<string, [fingerprint: string, sha256: string]>) {}

  known(rel: string, print: string): string | undefined {
    const was = this.previous.get(rel);
    if (!was || was[0] !== print) return undefined;
    this.reused++;
    return was[1];
  }

  record(rel: string, print: string): void {
    this.made.set(rel, print);
  }
}

export async function previousShards(corpusDir: string, code: string): Promise<ShardRecord> {
  const version = await currentVersionName(corpusDir);
  const state = version ? await readRecord(corpusDir, STATE, FORMAT, version) : null;
  if (!state || state.code !== code || !Array.isArray(state.shards) || !state.shards.every(isEntry)) return new ShardRecord(new Map());
  return new ShardRecord(new Map(state.shards.map(([rel, print, sha]) => [rel, [print, sha]])));
}

/** Record the shards of `version`, now current, with their files' hashes (`sha256Of`, the corpus stream's). */
export async function saveShards(corpusDir: string, version: string, code: string, record: ShardRecord, sha256Of: (rel: string) => string | undefined): Promise<void> {
  const shards = [...record.made].flatMap(([rel, print]) => {
    const sha = sha256Of(rel);
    return sha ? [[rel, print, sha]] : [];
  });
  await saveRecord(corpusDir, STATE, { format: FORMAT, version, code, shards });
}
