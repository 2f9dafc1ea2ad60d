/**
 * The corpus build's entry point into variant detection: the summary `variants.json`, one shard per
 * document `variants/<docId>.json` (see format.ts) and `variants-lsh.json` (the LSH tables that place a
 * new document without a rebuild), as files of the parsed corpus. Written compactly: whitespace was a
 * third of the 300 MB single file of a 10,000-document corpus.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { detectVariantsWithTables, type DetectOptions } from './detect.js';
import { VARIANTS_FILE, VARIANTS_LSH_FILE, variantShardPath, type VariantsFile } from './format.js';
import { splitVariants } from './shards.js';

/** The summary and the shards of `v`, as corpus files (summary first). */
export function variantsFiles(v: VariantsFile): { path: string; data: string }[] {
  const { summary, shards } = splitVariants(v);
  return [{ path: VARIANTS_FILE, data: JSON.stringify(summary) + '\n' }, ...shards.map((s) => ({ path: variantShardPath(s.doc), data: JSON.stringify(s) + '\n' }))];
}

export function variantsArtifacts(docs: PolicyDocument[], options: Pick<DetectOptions, 'onStage'> = {}): { path: string; data: string }[] {
  const { variants, lsh } = detectVariantsWithTables(docs, options);
  const files = [...variantsFiles(variants), { path: VARIANTS_LSH_FILE, data: JSON.stringify(lsh) + '\n' }];
  options.onStage?.('files');
  return files;
}
