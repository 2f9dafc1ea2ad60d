/**
 * The corpus build's entry point into variant detection: `variants.json` (families, links, clause
 * counterparts) and `variants-lsh.json` (the LSH tables that place a new document without a rebuild)
 * as files of the parsed corpus.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { detectVariantsWithTables } from './detect.js';
import { VARIANTS_FILE, VARIANTS_LSH_FILE } from './format.js';

export function variantsArtifacts(docs: PolicyDocument[]): { path: string; data: string }[] {
  const { variants, lsh } = detectVariantsWithTables(docs);
  return [
    { path: VARIANTS_FILE, data: JSON.stringify(variants, null, 1) + '\n' },
    { path: VARIANTS_LSH_FILE, data: JSON.stringify(lsh) + '\n' },
  ];
}

/** `variants.json` alone (fixtures that need no placement tables). */
export function variantsArtifact(docs: PolicyDocument[]): { path: string; data: string } {
  return variantsArtifacts(docs)[0];
}
