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

const SEED_A = 0x811c9dc5;
const SEED_B = 0x050c5d1f;

/**
 * FNV-1a over UTF-16 code units, from two seeds at once (the two lanes), stored at `out[at]` and `out[at + 1]`: one pass
 * over the string (712,000 unit ids at 10,000 documents).
 */
function fnvLanes(s: string, out: Uint32Array, at: number): void {
  let ha = SEED_A;
  let hb = SEED_B;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    ha = Math.imul(ha ^ c, 0x01000193);
    hb = Math.imul(hb ^ c, 0x01000193);
  }
  out[at] = ha;
  out[at + 1] = hb;
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

const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');

export class ShardFingerprints {
  /** Each unit id's hash in the two lanes: unit u's at 2u and 2u + 1. */
  private readonly ids: Uint32Array;
  /**
   * Each pair's JSON hashed once, in both lanes (pair k's at 2k and 2k + 1): a pair is in the shards of both its
   * documents, and the pairs' JSON, made and hashed per shard, was 50 MB and about 0.4 s of a 10,000-document rebuild.
   */
  private readonly pairs = new Map<object, number>();
  private pairLanes = new Uint32Array(2048);
  /** The head of a shard's hash (its document, unit count and pair count), in both lanes. */
  private readonly head = new Uint32Array(2);

  constructor(
    unitIds: readonly string[],
    private readonly clauses: ClauseGraph,
  ) {
    this.ids = new Uint32Array(2 * unitIds.length);
    unitIds.forEach((id, u) => fnvLanes(id, this.ids, 2 * u));
  }

  /**
   * The fingerprint of document `doc`'s shard with these units (those with a counterpart, in any order) and its pairs
   * (in the shard's order; each is written as its JSON.stringify, so that is what is hashed of it).
   */
  of(doc: string, units: readonly number[], pairs: readonly object[]): string {
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
        rowA = (rowA + mix(this.ids[2 * v] ^ Math.imul(thousandths, 0x9e3779b1))) >>> 0;
        rowB = (rowB + mix(this.ids[2 * v + 1] ^ Math.imul(thousandths, 0x7f4a7c15))) >>> 0;
      }
      // The unit and its set bound together before the units are summed: a set moved to another unit changes the sum.
      sumA = (sumA + mix(this.ids[2 * u] ^ mix(rowA ^ 0x3c6ef372))) >>> 0;
      sumB = (sumB + mix(this.ids[2 * u + 1] ^ mix(rowB ^ 0x1b873593))) >>> 0;
    }
    // The document, its unit count and its pairs in order: each pair's hash folded in after the hash so far is
    // stepped on (an odd multiplier and the mix are both one-to-one), so pairs swapped or moved change it.
    fnvLanes(`${doc}\n${units.length}\n${pairs.length}`, this.head, 0);
    let restA = this.head[0];
    let restB = this.head[1];
    for (const p of pairs) {
      const k = this.pairIndex(p);
      restA = mix(Math.imul(restA, 0x01000193) ^ this.pairLanes[2 * k]);
      restB = mix(Math.imul(restB, 0x01000193) ^ this.pairLanes[2 * k + 1]);
    }
    return hex(sumA) + hex(sumB) + hex(restA) + hex(restB);
  }

  /** Where `pair`'s hashes are, its JSON hashed the first time it is seen. */
  private pairIndex(pair: object): number {
    let k = this.pairs.get(pair);
    if (k !== undefined) return k;
    k = this.pairs.size;
    if (2 * k === this.pairLanes.length) {
      const grown = new Uint32Array(2 * this.pairLanes.length);
      grown.set(this.pairLanes);
      this.pairLanes = grown;
    }
    fnvLanes(JSON.stringify(pair), this.pairLanes, 2 * k);
    this.pairs.set(pair, k);
    return k;
  }
}
