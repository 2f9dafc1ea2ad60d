/**
 * Property test on the real corpus (resources/corpus, parsed; falls back to
 * paragraphs of the raw files when the corpus has not been built): random
 * substrings of lengths 1–12 (seeded) are found in exactly the units whose
 * normalised text contains them, and every hit really contains them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.js';
import { buildIndexData } from './build.js';
import type { SearchCorpus } from './corpus-units.js';
import { SearchEngine } from './engine.js';
import { normalizeUnitText } from './tokenizer.js';
import { loadBenchCorpus, mulberry32 } from '../../scripts/bench-search.js';

let corpus: SearchCorpus;
let source: string;
let E: SearchEngine;
let norms: string[];

beforeAll(async () => {
  ({ corpus, source } = await loadBenchCorpus('resources/corpus'));
  const data = buildIndexData(corpus);
  E = SearchEngine.fromJSON(JSON.stringify(data.units), JSON.stringify(data.index));
  norms = corpus.units.map((u) => normalizeUnitText(u.text).norm);
}, 120_000);

function brute(phrase: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < norms.length; i++) if (norms[i].includes(phrase)) out.push(i);
  return out;
}

function samples(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  while (out.length < n) {
    const s = norms[Math.floor(rnd() * norms.length)];
    const len = 1 + Math.floor(rnd() * 12);
    if (s.length < len) continue;
    const at = Math.floor(rnd() * (s.length - len + 1));
    const sub = s.slice(at, at + len);
    if (sub.includes('\n')) continue;
    out.push(sub);
  }
  return out;
}

describe(`search property (corpus)`, () => {
  it('phrase matching equals a brute-force scan for 3000 random substrings (lengths 1–12)', () => {
    console.log(`property corpus: ${source}: ${corpus.docs.length} documents, ${corpus.units.length} units`);
    let checked = 0;
    for (const sub of samples(3000, 1234)) {
      const got = Array.from(E.matchPhrase(sub));
      const want = brute(sub);
      if (got.length !== want.length || got.some((u, i) => u !== want[i])) {
        expect({ sub, got: got.length, want: want.length }).toEqual({ sub, got: want.length, want: want.length });
      }
      checked += want.length;
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('full queries ("phrase") return exactly the containing units, with exact ranges', () => {
    let n = 0;
    for (const sub of samples(1000, 99)) {
      if (sub.includes('"') || normalize(sub) !== sub) continue;
      n++;
      const r = E.search(`"${sub}"`, { limit: 1e9, facets: false });
      const text = r.hits.filter((h) => h.field === 'text');
      expect(text.map((h) => h.unit).sort((a, b) => a - b)).toEqual(brute(sub));
      for (const h of text) {
        expect(h.ranges.length).toBeGreaterThan(0);
        const display = E.unitText(h.unit);
        for (const [s, e] of h.ranges) expect(normalize(display.slice(s, e))).toContain(sub);
      }
    }
    expect(n).toBeGreaterThan(600);
  });

  it('AND of two substrings of one unit finds that unit; excluding one of them drops it', () => {
    const rnd = mulberry32(5);
    for (let k = 0; k < 300; k++) {
      const u = Math.floor(rnd() * norms.length);
      const s = norms[u].replace(/[\s"|\n-]/g, '');
      if (s.length < 8) continue;
      const a = s.slice(0, 2 + Math.floor(rnd() * 3));
      const b = s.slice(s.length - 3);
      const both = E.search(`"${a}" "${b}"`, { limit: 1e9, facets: false }).hits.map((h) => h.unit);
      const want = brute(a).filter((i) => norms[i].includes(b));
      for (const i of want) expect(both).toContain(i);
      const not = E.search(`"${a}" -"${b}"`, { limit: 1e9, facets: false }).hits;
      for (const h of not) if (h.unit >= 0) expect(norms[h.unit].includes(b)).toBe(false);
    }
  });

  it('ranks a document whose title has the phrase first (政务服务管理办法)', () => {
    const qd = corpus.docs.find((d) => d.title.includes('政务服务管理办法'));
    if (!qd) return; // corpus without it (raw fallback)
    const r = E.search('政务服务管理办法');
    expect(r.hits[0].docId).toBe(qd.id);
    expect(E.search('政务服务管理办法', { field: 'title' }).hits[0].docId).toBe(qd.id);
  });

  it('filters and facet counts are consistent', () => {
    const r = E.search('营商环境', { limit: 1e9 });
    expect(r.total).toBeGreaterThan(0);
    // Region is two-level (a document counts under its province and its city); the others partition the hits.
    for (const f of ['kind', 'year'] as const) {
      expect(r.facets[f].reduce((s, x) => s + x.count, 0)).toBe(r.total);
    }
    const region = r.facets.region[0];
    const filtered = E.search('营商环境', { limit: 1e9, filters: { region: [region.value] } });
    expect(filtered.total).toBe(region.count);
    const docs = new Map(corpus.docs.map((d) => [d.id, d]));
    for (const h of filtered.hits) expect(docs.get(h.docId)!.regions).toContain(region.value);
    const kind = filtered.facets.kind[0];
    const both = E.search('营商环境', { limit: 1e9, filters: { region: [region.value], kind: [kind.value] } });
    expect(both.total).toBe(kind.count);
  });
});
