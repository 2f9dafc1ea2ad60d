/** Facet values of a document and facet counting over hits ("what you would get if you picked this value"). */
import { UNKNOWN_LABEL } from '../corpus/facts.js';
import type { SearchDoc } from './corpus-units.js';
import type { Hits } from './hits.js';

export type FacetName = 'region' | 'issuer' | 'kind' | 'year';
export const FACETS: FacetName[] = ['region', 'issuer', 'kind', 'year'];
export type Filters = Partial<Record<FacetName, string[]>>;

export interface FacetCount {
  value: string;
  count: number;
  /** For a city: its province (region is two-level). */
  parent?: string;
}

/** A document's values for a facet (several for issuer and region); 未注明 where unknown. */
export function facetValues(d: SearchDoc, f: FacetName): string[] {
  switch (f) {
    case 'issuer':
      return d.issuers;
    case 'year':
      return [d.year ?? UNKNOWN_LABEL];
    case 'region':
      return d.regions;
    case 'kind':
      return [d.kind];
  }
}

/** Add `n` to value `v`'s count (a module function: a closure made per call deoptimised the loop at the next call). */
function add(m: Map<string, number>, v: string, n: number): void {
  m.set(v, (m.get(v) ?? 0) + n);
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class FacetFilter {
  readonly active: FacetName[];
  private readonly sets: Partial<Record<FacetName, Set<string>>>;

  constructor(filters: Filters = {}) {
    this.active = FACETS.filter((f) => filters[f] && filters[f]!.length);
    this.sets = Object.fromEntries(this.active.map((f) => [f, new Set(filters[f])]));
  }

  /** OR within a facet. */
  passes(d: SearchDoc, f: FacetName): boolean {
    const set = this.sets[f];
    return !set || facetValues(d, f).some((v) => set.has(v));
  }

  /** AND across facets. */
  passesAll(d: SearchDoc): boolean {
    return this.active.every((f) => this.passes(d, f));
  }

  /** Hit counts per facet value; each facet counted over the hits that pass every *other* filter. */
  count(hits: Hits, docs: readonly SearchDoc[]): Record<FacetName, FacetCount[]> {
    const counts = { region: new Map(), issuer: new Map(), kind: new Map(), year: new Map() } as Record<FacetName, Map<string, number>>;
    // Hits per document first (few documents, many hits), then each document's count goes to the facets whose
    // other filters it passes. Per document index in a typed array: a common word hits nearly every document
    // (国务院: 27,535 hits at 10,000 documents), and this runs before its first page is shown.
    const parents = new Map<string, string>();
    const perDoc = new Int32Array(docs.length);
    for (let i = 0; i < hits.n; i++) perDoc[hits.doc[i]]++;
    for (let di = 0; di < perDoc.length; di++) {
      const n = perDoc[di];
      if (!n) continue;
      const d = docs[di];
      // Without filters (a first search) every document counts in every facet.
      let fails = 0;
      let failed: FacetName | null = null;
      for (const f of this.active) {
        if (this.passes(d, f)) continue;
        fails++;
        failed = f;
      }
      if (fails > 1) continue;
      // facetValues written out per facet: no list made for a document's one year or kind.
      if (!fails || failed === 'region') {
        for (const v of d.regions) add(counts.region, v, n);
        if (d.regions.length > 1) parents.set(d.regions[1], d.regions[0]);
      }
      if (!fails || failed === 'issuer') for (const v of d.issuers) add(counts.issuer, v, n);
      if (!fails || failed === 'kind') add(counts.kind, d.kind, n);
      if (!fails || failed === 'year') add(counts.year, d.year ?? UNKNOWN_LABEL, n);
    }
    const out = {} as Record<FacetName, FacetCount[]>;
    for (const f of FACETS) {
      out[f] = [...counts[f].entries()]
        .map(([value, count]): FacetCount => (f === 'region' && parents.has(value) ? { value, count, parent: parents.get(value) } : { value, count }))
        .sort((a, b) => b.count - a.count || cmpStr(a.value, b.value));
    }
    return out;
  }
}
