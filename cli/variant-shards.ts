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
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ShardMemo } from '../core/compare/artifact.js';
import { projectFingerprint } from './parser-fingerprint.js';
import { PROJECT_ROOT } from './project-root.js';
import { currentVersion } from './corpus-files.js';

const STATE = path.join('cache', 'variant-shards.json');
const FORMAT = 1;
/** The modules whose code makes a shard's bytes from a detection, and this one (which decides what is kept). */
export const SHARD_ROOTS = ['core/compare/artifact.ts', 'cli/variant-shards.ts'];

let fingerprint: string | undefined;
/** This program's shard code as a hash; without sources, the compiled CLI it runs (search-update.ts does the same). */
export function shardCodeFingerprint(): string {
  return (fingerprint ??= projectFingerprint(PROJECT_ROOT, [new URL('./policy-reader.mjs', import.meta.url)], SHARD_ROOTS));
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
  const none = new ShardRecord(new Map());
  const current = await currentVersion(corpusDir);
  if (!current) return none;
  let state: { format?: unknown; version?: unknown; code?: unknown; shards?: unknown };
  try {
    state = JSON.parse(await readFile(path.join(corpusDir, STATE), 'utf8'));
  } catch {
    return none;
  }
  if (state?.format !== FORMAT || state.version !== current.version || state.code !== code || !Array.isArray(state.shards) || !state.shards.every(isEntry)) return none;
  return new ShardRecord(new Map(state.shards.map(([rel, print, sha]) => [rel, [print, sha]])));
}

/**
 * Record the shards of `version`, now current, with their files' hashes (`sha256Of`, the corpus stream's). Written
 * aside and renamed; a failure costs the next build time, not output.
 */
export async function saveShards(corpusDir: string, version: string, code: string, record: ShardRecord, sha256Of: (rel: string) => string | undefined): Promise<void> {
  const shards = [...record.made].flatMap(([rel, print]) => {
    const sha = sha256Of(rel);
    return sha ? [[rel, print, sha]] : [];
  });
  const at = path.join(corpusDir, STATE);
  const tmp = `${at}.tmp`;
  try {
    await mkdir(path.dirname(at), { recursive: true });
    await writeFile(tmp, JSON.stringify({ format: FORMAT, version, code, shards }));
    await rename(tmp, at);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
