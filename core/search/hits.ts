/** Search hits as parallel typed arrays and top-k selection over them (the engine's hot path). */

/** Hits as parallel typed arrays: no per-hit objects on the hot path. */
export class Hits {
  n = 0;
  unit: Int32Array;
  doc: Int32Array;
  score: Float64Array;
  /** Title tier part of the score (to recompute the exact score from a prior). */
  tier: Float64Array;
  /** 1 when `score` is the cheap first-stage prior. */
  prelim: Uint8Array;

  constructor(capacity = 64) {
    const c = Math.max(16, capacity);
    this.unit = new Int32Array(c);
    this.doc = new Int32Array(c);
    this.score = new Float64Array(c);
    this.tier = new Float64Array(c);
    this.prelim = new Uint8Array(c);
  }

  push(unit: number, doc: number, score: number, tier: number, prelim: number): void {
    if (this.n === this.unit.length) this.grow(this.n * 2);
    const i = this.n++;
    this.unit[i] = unit;
    this.doc[i] = doc;
    this.score[i] = score;
    this.tier[i] = tier;
    this.prelim[i] = prelim;
  }

  /** Make room for at least `extra` more hits. */
  reserve(extra: number): void {
    if (this.n + extra > this.unit.length) this.grow(this.n + extra);
  }

  private grow(c: number) {
    const u = new Int32Array(c);
    u.set(this.unit);
    this.unit = u;
    const d = new Int32Array(c);
    d.set(this.doc);
    this.doc = d;
    const sc = new Float64Array(c);
    sc.set(this.score);
    this.score = sc;
    const t = new Float64Array(c);
    t.set(this.tier);
    this.tier = t;
    const pr = new Uint8Array(c);
    pr.set(this.prelim);
    this.prelim = pr;
  }

  /** The hits for which `keep(i)` holds. */
  filter(keep: (i: number) => boolean): Hits {
    const out = new Hits(this.n);
    for (let i = 0; i < this.n; i++) if (keep(i)) out.push(this.unit[i], this.doc[i], this.score[i], this.tier[i], this.prelim[i]);
    return out;
  }

  /** Ranking order: score descending, then document and unit order. */
  compare(i: number, j: number): number {
    return this.score[j] - this.score[i] || this.doc[i] - this.doc[j] || this.unit[i] - this.unit[j];
  }
}

/** Indexes of the k best hits in ranking order, without sorting everything. */
export function topK(hits: Hits, k: number): number[] {
  const n = hits.n;
  if (k <= 0 || n === 0) return [];
  const byRank = (i: number, j: number) => hits.compare(i, j);
  if (n <= k * 2 || n < 128) {
    const all: number[] = [];
    for (let i = 0; i < n; i++) all.push(i);
    return all.sort(byRank).slice(0, k);
  }
  // Quickselect the k-th best score on a copy, then sort only the hits at or above it.
  const t = kthLargest(hits.score.slice(0, n), k);
  const above: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    const sc = hits.score[i];
    if (sc > t) above.push(i);
    else if (sc === t) ties.push(i);
  }
  ties.sort(byRank);
  for (let i = 0; above.length < k && i < ties.length; i++) above.push(ties[i]);
  return above.sort(byRank).slice(0, k);
}

/** The k-th largest value (1-based) of `a` (reordered in place); Hoare quickselect. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const x = a[i];
        a[i] = a[j];
        a[j] = x;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}
