/**
 * Families from measured pairs, without chaining. Merging every linked pair
 * (union-find) chains: A is a city's version of B, B shares a template with C,
 * C quotes D … and on 1,668 real laws 39 % of the corpus landed in one family.
 * Here a family is a star: a centre and the documents strongly related to it
 * (same text, an adaptation, a revision), so every member is one step from a
 * common member. Weak `related` links never make a family; they, and strong
 * links that fall between two families, are listed per document instead.
 */
import type { Relation } from './format.js';

/** Relations that put two documents in one family; `related` (some clauses shared) does not. */
export const STRONG: ReadonlySet<Relation> = new Set<Relation>(['same', 'adaptation', 'revision']);

export interface Link {
  a: number;
  b: number;
  relation: Relation;
  /** Larger is closer (ties between candidate centres are broken by it). */
  weight: number;
}

/**
 * Star families over `n` items: repeatedly the item with the most strong links to unassigned items (the
 * heaviest, then the lowest index) becomes a centre and takes those items. Returns [centre, members…]
 * lists (members in index order), only for stars of two or more. Deterministic.
 */
export function starFamilies(n: number, links: readonly Link[]): number[][] {
  const adj: { other: number; weight: number }[][] = Array.from({ length: n }, () => []);
  for (const l of links) {
    if (!STRONG.has(l.relation) || l.a === l.b) continue;
    adj[l.a].push({ other: l.b, weight: l.weight });
    adj[l.b].push({ other: l.a, weight: l.weight });
  }
  const assigned = new Uint8Array(n);
  const score = (i: number) => {
    let deg = 0;
    let w = 0;
    for (const e of adj[i])
      if (!assigned[e.other]) {
        deg++;
        w += e.weight;
      }
    return { deg, w };
  };
  const out: number[][] = [];
  // Lazy greedy: a centre's score only falls as others are assigned, so re-score the best until it holds.
  const queue = adj.map((_, i) => ({ i, ...score(i) })).filter((x) => x.deg > 0);
  const better = (x: { i: number; deg: number; w: number }, y: { i: number; deg: number; w: number }) => x.deg - y.deg || x.w - y.w || y.i - x.i;
  queue.sort((x, y) => better(y, x));
  while (queue.length) {
    const top = queue.shift()!;
    if (assigned[top.i]) continue;
    const now = { i: top.i, ...score(top.i) };
    if (now.deg === 0) continue;
    if (now.deg !== top.deg || now.w !== top.w) {
      // Stale: put it back where it now belongs.
      let k = 0;
      while (k < queue.length && better(queue[k], now) > 0) k++;
      queue.splice(k, 0, now);
      continue;
    }
    const members = adj[top.i].filter((e) => !assigned[e.other]).map((e) => e.other);
    const unique = [...new Set(members)].sort((a, b) => a - b);
    assigned[top.i] = 1;
    for (const m of unique) assigned[m] = 1;
    out.push([top.i, ...unique]);
  }
  return out;
}
