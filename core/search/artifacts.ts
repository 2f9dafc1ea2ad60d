/**
 * Search artifacts written by the corpus build next to the parsed corpus:
 * files relative to `resources/corpus/search/`. Deterministic: the same
 * documents give the same bytes.
 */
import type { PolicyDocument } from '../corpus/types.js';

export interface SearchArtifact {
  /** Path relative to `resources/corpus/search/`, '/'-separated. */
  path: string;
  data: string;
}

export function buildSearchArtifacts(docs: PolicyDocument[]): SearchArtifact[] {
  void docs;
  return [];
}
