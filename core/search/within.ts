/** Search within results: keep the hits that an earlier query also found. */
import type { Hits } from './hits.js';

/**
 * Hits of `current` that `previous` also has: the same unit, or the same
 * document where the earlier result is per document (title-only hits, 同篇
 * scope, title field).
 */
export function restrictWithin(current: Hits, previous: Hits, perDocument: boolean): Hits {
  const docs = new Set<number>();
  const units = new Set<number>();
  for (let i = 0; i < previous.n; i++) {
    if (previous.unit[i] < 0 || perDocument) docs.add(previous.doc[i]);
    else units.add(previous.unit[i]);
  }
  return current.filter((i) => docs.has(current.doc[i]) || (current.unit[i] >= 0 && units.has(current.unit[i])));
}
