/**
 * The corpus build's entry point into variant detection: the summary `variants.json`, one shard per
 * document `variants/<docId>.json` (see format.ts) and `variants-lsh.json` (the LSH tables that place a
 * new document without a rebuild), as files of the parsed corpus. Written compactly: whitespace was a
 * third of the 300 MB single file of a 10,000-document corpus.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { clauseCounterparts, detect, hasCounterparts, type Detection, type DetectOptions } from './detect.js';
import { VARIANTS_FILE, VARIANTS_LSH_FILE, VARIANTS_FORMAT_VERSION, variantShardPath, type ClauseMatch, type VariantPair, type VariantShard, type VariantsFile, type VariantsSummary } from './format.js';
import { splitVariants } from './shards.js';
import { ShardFingerprints } from './shard-fingerprint.js';

export interface VariantsArtifact {
  path: string;
  data: string;
}

/** A shard the previous build wrote as the file with this SHA-256: made only if the writer cannot link that file. */
export interface KnownArtifact {
  path: string;
  make: () => string;
  sha256: string;
}

/**
 * What the previous build made of each shard (cli/variant-shards.ts). Each shard's fingerprint (shard-fingerprint.ts)
 * is recorded; one the previous build recorded at the same path is handed on by its file's hash, not made.
 */
export interface ShardMemo {
  /** The SHA-256 of the file the previous build made at `path` from a shard of this fingerprint, if it did. */
  known(path: string, fingerprint: string): string | undefined;
  record(path: string, fingerprint: string): void;
}

/** The summary and the shards of `v`, as corpus files (summary first). */
export function variantsFiles(v: VariantsFile): VariantsArtifact[] {
  const { summary, shards } = splitVariants(v);
  return [{ path: VARIANTS_FILE, data: JSON.stringify(summary) + '\n' }, ...shards.map((s) => ({ path: variantShardPath(s.doc), data: JSON.stringify(s) + '\n' }))];
}

/**
 * The files of a detection: what `variantsFiles` writes of the same VariantsFile, byte for byte, in the same
 * order, then the LSH tables. Each shard is made when it is asked for, from the clause graph, so neither the
 * clause counterparts of the whole corpus (millions of objects at 10,000 documents) nor every shard's text need
 * be held at once.
 */
export function detectionFiles(d: Detection): Generator<VariantsArtifact>;
export function detectionFiles(d: Detection, memo: ShardMemo): Generator<VariantsArtifact | KnownArtifact>;
export function* detectionFiles(d: Detection, memo?: ShardMemo): Generator<VariantsArtifact | KnownArtifact> {
  // A pair goes to the shards of both its documents: its family's pairs first, then the links (splitVariants).
  const pairsOf = new Map<string, VariantPair[]>();
  for (const p of [...d.families.flatMap((f) => f.pairs), ...d.links])
    for (const id of [p.a, p.b]) {
      const list = pairsOf.get(id);
      if (list) list.push(p);
      else pairsOf.set(id, [p]);
    }
  // Each document's units with a counterpart, found once (asked for all 712,000 units at 10,000 documents); docIds
  // are sorted, as the summary's shard list is.
  const shardDocs: { di: number; withMatches: number[] }[] = [];
  d.docIds.forEach((doc, di) => {
    const withMatches = d.docUnits[di].filter((u) => hasCounterparts(d, u));
    if (withMatches.length || pairsOf.has(doc)) shardDocs.push({ di, withMatches });
  });
  const summary: VariantsSummary = {
    formatVersion: VARIANTS_FORMAT_VERSION,
    families: d.families.map(({ id, center, members }) => ({ id, center, members })),
    subject: d.subject,
    shards: shardDocs.map(({ di }) => d.docIds[di]),
  };
  yield { path: VARIANTS_FILE, data: JSON.stringify(summary) + '\n' };
  const fingerprints = memo && new ShardFingerprints(d.unitIds, d.clauses);
  // A shard handed on by its hash comes with what makes it, which must not keep the detection once its files are
  // out: whoever still holds one of those functions (a suspended generator's registers can) would hold the clause graph
  // through the search index's making (about 60 MB at 10,000 documents). The writer calls it, if at all, as the
  // shard is handed on (cli/version-files.ts).
  const source: { d: Detection | null } = { d };
  try {
    for (const { di, withMatches } of shardDocs) {
      const doc = d.docIds[di];
      const path = variantShardPath(doc);
      const pairs = pairsOf.get(doc) ?? [];
      if (!fingerprints) {
        yield { path, data: makeShard(d, doc, withMatches, pairs) };
        continue;
      }
      const fingerprint = fingerprints.of(doc, withMatches, pairs);
      memo!.record(path, fingerprint);
      const sha256 = memo!.known(path, fingerprint);
      yield sha256 ? { path, make: shardMaker(source, doc, withMatches, pairs), sha256 } : { path, data: makeShard(d, doc, withMatches, pairs) };
    }
  } finally {
    source.d = null;
  }
  yield { path: VARIANTS_LSH_FILE, data: JSON.stringify(d.lsh) + '\n' };
}

/** The text of `doc`'s shard: its units with counterparts (`units`, in any order), each unit's counterparts, its pairs. */
function makeShard(d: Detection, doc: string, units: number[], pairs: VariantPair[]): string {
  const sorted = units.sort((x, y) => (d.unitIds[x] < d.unitIds[y] ? -1 : 1));
  return shardJson(doc, sorted.map((u) => d.unitIds[u]), sorted.map((u) => clauseCounterparts(d, u)), pairs);
}

/** What makes a shard later, holding the detection only through `source` (let go when the detection's files are out). */
function shardMaker(source: { d: Detection | null }, doc: string, units: number[], pairs: VariantPair[]): () => string {
  return () => {
    if (!source.d) throw new Error(`variants shard of ${doc} asked for after the detection's files were handed on`);
    return makeShard(source.d, doc, units, pairs);
  };
}

/** Property names JSON.stringify would put first, whatever the order they were added in (array indexes). */
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * `JSON.stringify` of the VariantShard of `doc` with these units' counterparts (`ids[k]` → `matches[k]`, in that
 * order) and pairs, plus a newline, without making the `clauses` object: at 10,000 documents 700,000 properties
 * added one by one to objects in dictionary mode, then read back by JSON.stringify, were over a second of each
 * build. Each part is still JSON.stringify's, in the order it gives them: the object's keys in the order they were
 * added, since a unit id is never an array index (one that were is written through the object instead).
 */
export function shardJson(doc: string, ids: string[], matches: ClauseMatch[][], pairs: VariantPair[]): string {
  if (ids.some((id) => ARRAY_INDEX.test(id))) {
    const shard: VariantShard = { formatVersion: VARIANTS_FORMAT_VERSION, doc, clauses: Object.fromEntries(ids.map((id, k) => [id, matches[k]])), pairs };
    return JSON.stringify(shard) + '\n';
  }
  const clauses = ids.map((id, k) => `${JSON.stringify(id)}:${JSON.stringify(matches[k])}`).join(',');
  return `{"formatVersion":${VARIANTS_FORMAT_VERSION},"doc":${JSON.stringify(doc)},"clauses":{${clauses}},"pairs":${JSON.stringify(pairs)}}\n`;
}

/** Detection now; the files as they are read (see detectionFiles). */
export function variantsArtifacts(docs: PolicyDocument[], options: Pick<DetectOptions, 'onStage' | 'cache'> = {}): Iterable<VariantsArtifact> {
  return detectionFiles(detect(docs, options));
}
