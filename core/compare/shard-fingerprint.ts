/**
 * A fingerprint of what one document's variants shard is made of (artifact.ts, shardJson), worked out without
 * making it: a rebuild after one changed raw file makes the same shard for almost every document (issue 20: at
 * 10,000 documents the shards were 240 MB of JSON, made and hashed again in every build, about 6 s), so a shard
 * whose fingerprint is the one the previous build recorded is linked from it, never made (cli/variant-shards.ts).
 *
 * A shard is made from its document's id, each of its units that has a counterpart with that unit's counterparts
 * (similarity ≥ CLAUSE_SIMILARITY, rounded to thousandths, best first, at most MAX_CLAUSE_MATCHES) and its pairs.
 * The fingerprint is taken over the whole set of each unit's counterparts above the threshold, before they are
 * sorted and cut: two builds that have the same set make the same list, so sorting is not needed to compare.
 * Sets are summed (an order-free hash), in two lanes of 32 bits seeded apart, so that a changed shard keeps its
 * fingerprint with a chance of about 2⁻⁶⁴. The counterpart's document is part of its unit id (unit-id.ts).
 */
import { CLAUSE_SIMILARITY, type ClauseGraph } from './clause-matches.js';

/** FNV-1a over UTF-16 code units from `seed`: two seeds give the two lanes. */
function fnv(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the word, so sums of mixed values do not cancel by design. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_A = 0x811c9dc5;
const SEED_B = 0x050c5d1f;
const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');

export class ShardFingerprints {
  /** Each unit id's hash in the two lanes, by unit index. */
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;

  constructor(
    private readonly unitIds: readonly string[],
    private readonly clauses: ClauseGraph,
  ) {
    this.a = Uint32Array.from(unitIds, (id) => fnv(id, SEED_A));
    this.b = Uint32Array.from(unitIds, (id) => fnv(id, SEED_B));
  }

  /** The fingerprint of document `doc`'s shard with these units (those with a counterpart, in any order) and its pairs as JSON. */
  of(doc: string, units: readonly number[], pairsJson: string): string {
    const { start, other, sim } = this.clauses;
    let sumA = 0;
    let sumB = 0;
    for (const u of units) {
      let rowA = 0;
      let rowB = 0;
      for (let k = start[u]; k < start[u + 1]; k++) {
        if (sim[k] < CLAUSE_SIMILARITY) continue;
        const v = other[k];
        const thousandths = Math.round(sim[k] * 1000);
        rowA = (rowA + mix(this.a[v] ^ Math.imul(thousandths, 0x9e3779b1))) >>> 0;
        rowB = (rowB + mix(this.b[v] ^ Math.imul(thousandths, 0x7f4a7c15))) >>> 0;
      }
      // The unit and its set bound together before the units are summed: a set moved to another unit changes the sum.
      sumA = (sumA + mix(this.a[u] ^ mix(rowA ^ 0x3c6ef372))) >>> 0;
      sumB = (sumB + mix(this.b[u] ^ mix(rowB ^ 0x1b873593))) >>> 0;
    }
    const rest = `${doc}\n${units.length}\n${pairsJson}`;
    return hex(sumA) + hex(sumB) + hex(fnv(rest, SEED_A)) + hex(fnv(rest, SEED_B));
  }
}
