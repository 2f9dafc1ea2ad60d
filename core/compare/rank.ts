/** Ranking of variant pairs: what 相似文本 lists first, and which links a document keeps. */
import type { Relation, VariantPair } from './format.js';

const RELATION_RANK: Record<Relation, number> = { same: 3, revision: 2, adaptation: 1, related: 0 };

/** Closeness for ranking: the relation first, then how much of the smaller text the other holds, then Jaccard, then shared clauses. */
export function pairWeight(p: VariantPair): number {
  return RELATION_RANK[p.relation] * 10 + Math.max(p.aInB, p.bInA) * 5 + Math.min(p.jaccard, 1) + Math.min(p.sharedClauses, 100) / 1000;
}

/** Ranking order of pairs (best first), deterministic. */
export function comparePairs(x: VariantPair, y: VariantPair): number {
  return pairWeight(y) - pairWeight(x) || (x.a + x.b < y.a + y.b ? -1 : x.a + x.b > y.a + y.b ? 1 : 0);
}
