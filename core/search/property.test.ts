/**
 * Property test on the real corpus (resources/corpus, built by the unit
 * suite's global setup when missing): random substrings of lengths 1–12
 * (seeded) are found in exactly the units whose text contains them, with
 * exactly the ranges where they occur.
 *
 * The expectation is computed independently of the engine: the documents are
 * read from disk and walked here, each line is normalised with the reference
 * `normalizeWithMap` (not the engine's fast tokenizer) and scanned with
 * `indexOf`; only the index under test is built by the code under test. Facet
 * counts are checked the same way: hits per document counted here, facet values
 * taken from the documents with core/corpus/facts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocSummary, PolicyDocument, Unit } from '../corpus/types.js';
import { normalize, normalizeWithMap, toOriginalRange } from '../text/normalize.js';
import { mulberry32 } from '../util/random.js';
import { documentIssuers, documentYear, regionPath, UNKNOWN_LABEL } from '../corpus/facts.js';
import { buildIndexData, shardFiles } from './build.js';
import { flattenCorpus, type SearchCorpus } from './corpus-units.js';
import { runSearch, SearchEngine } from './engine.js';
import { CancellationToken } from '../util/cancellation.js';

const CORPUS = resolve(__dirname, '../../resources/corpus');

/** A unit as the brute force sees it: its id and its lines (label, heading, then paragraphs), each normalised with an offset map. */
interface BruteUnit {
  id: string;
  lines: { display: string; norm: ReturnType<typeof normalizeWithMap>; offset: number }[];
}

let docs: PolicyDocument[];
let corpus: SearchCorpus;
let E: SearchEngine;
/** The same index's files, for an engine whose shards arrive asynchronously. */
let files: { units: string; index: string; shards: Record<string, string> };
let brute: BruteUnit[];

beforeAll(() => {
  // Fail, not skip: the global setup builds the corpus, so a missing one is a broken setup.
  expect(existsSync(join(CORPUS, 'library.json')), `${CORPUS}/library.json (run npm run build:corpus)`).toBe(true);
  const library = JSON.parse(readFileSync(join(CORPUS, 'library.json'), 'utf8')) as DocSummary[];
  docs = library.map((s) => JSON.parse(readFileSync(join(CORPUS, 'docs', `${s.id}.json`), 'utf8')) as PolicyDocument);
  corpus = flattenCorpus(docs);
  // Small shards (20,000 characters of text, 20,000 of postings), so queries cross many of them as they would in a large corpus.
  const sharded = buildIndexData(corpus, 'counting', 20_000, 20_000);
  expect(sharded.texts.length).toBeGreaterThan(10);
  expect(sharded.postings.length).toBeGreaterThan(10);
  files = { units: JSON.stringify(sharded.units), index: JSON.stringify(sharded.index), shards: shardFiles(sharded) };
  E = SearchEngine.fromJSON(files.units, files.index, files.shards);
  brute = [];
  const walk = (units: Unit[]) => {
    for (const u of units) {
      // The label (第十条) is searchable on a line of its own, unless the heading or first paragraph prints
      // it; a 款's label (第二款) is not printed text and is not searched.
      const printed = u.level === 'clause' || (u.heading ?? u.paragraphs[0]?.text ?? '').startsWith(u.label);
      const display = [...(u.label && !printed ? [u.label] : []), ...(u.heading ? [u.heading] : []), ...u.paragraphs.map((p) => p.text)];
      let offset = 0;
      const lines = display.map((d) => {
        const line = { display: d, norm: normalizeWithMap(d), offset };
        offset += d.length + 1;
        return line;
      });
      brute.push({ id: u.id, lines });
      walk(u.children);
    }
  };
  for (const d of docs) walk(d.units);
}, 120_000);

const unitId = (u: number) => `${corpus.docs[corpus.units[u].doc].id}~${corpus.units[u].path}`;

/** Display ranges of `phrase` in a unit's search text: non-overlapping occurrences per line, touching ones merged. */
function bruteRanges(b: BruteUnit, phrase: string): [number, number][] {
  const out: [number, number][] = [];
  for (const line of b.lines) {
    for (let at = line.norm.text.indexOf(phrase); at >= 0; at = line.norm.text.indexOf(phrase, at + phrase.length)) {
      const [s, e] = toOriginalRange(line.norm, at, at + phrase.length);
      const last = out[out.length - 1];
      if (last && last[1] >= line.offset + s) last[1] = Math.max(last[1], line.offset + e);
      else out.push([line.offset + s, line.offset + e]);
    }
  }
  return out;
}

const has = (b: BruteUnit, phrase: string) => b.lines.some((l) => l.norm.text.includes(phrase));

/** Ids of the units containing `phrase`, sorted. */
function bruteIds(phrase: string): string[] {
  return brute
    .filter((b) => has(b, phrase))
    .map((b) => b.id)
    .sort();
}

function samples(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  while (out.length < n) {
    const b = brute[Math.floor(rnd() * brute.length)];
    if (!b.lines.length) continue;
    const s = b.lines[Math.floor(rnd() * b.lines.length)].norm.text;
    const len = 1 + Math.floor(rnd() * 12);
    if (s.length < len) continue;
    const at = Math.floor(rnd() * (s.length - len + 1));
    out.push(s.slice(at, at + len));
  }
  return out;
}

// Each property runs hundreds of queries against a brute-force scan: on a shared two-core machine that
// can take tens of seconds, so these tests have their own time limit.
describe(`search property (corpus)`, () => {
  it('phrase matching equals a brute-force scan for 3000 random substrings (lengths 1–12)', () => {
    expect(docs.length).toBeGreaterThan(50);
    let checked = 0;
    for (const sub of samples(3000, 1234)) {
      const got = Array.from(E.matchPhrase(sub), unitId).sort();
      const want = bruteIds(sub);
      // The ids themselves, not just how many: a wrong unit with the right count fails.
      if (got.join() !== want.join()) expect({ sub, got }).toEqual({ sub, got: want });
      checked += want.length;
    }
    expect(checked).toBeGreaterThan(3000);
  }, 120_000);

  it('counts each phrase in each unit as a scan of its text does, from positions alone, shards arriving later', async () => {
    // Shards arrive asynchronously here, so nothing but the index and the shards a phrase asks for is read.
    const later = SearchEngine.fromJSON(files.units, files.index);
    const asked: string[] = [];
    let counted = 0;
    for (const sub of samples(1500, 77)) {
      if (sub.length < 2) continue;
      let got: ReturnType<SearchEngine['occurrences']> | null = null;
      while (!got) {
        try {
          got = later.occurrences(sub);
        } catch (e) {
          for (const f of (e as { files: string[] }).files) {
            asked.push(f);
            later.putShard(f, files.shards[f]);
          }
        }
      }
      const want = brute.flatMap((b) => {
        let n = 0;
        for (const l of b.lines) for (let at = l.norm.text.indexOf(sub); at >= 0; at = l.norm.text.indexOf(sub, at + sub.length)) n++;
        return n ? [`${b.id}:${n}`] : [];
      });
      const have = Array.from(got.units, (u, i) => `${unitId(u)}:${got!.tf![i]}`);
      if (have.sort().join() !== want.sort().join()) expect({ sub, have }).toEqual({ sub, have: want });
      counted += want.length;
    }
    expect(counted).toBeGreaterThan(1500);
    expect(asked.some((f) => f.startsWith('texts-'))).toBe(false);
  }, 120_000);

  it('full queries ("phrase") return exactly the containing units, with exact ranges', () => {
    let n = 0;
    for (const sub of samples(1000, 99)) {
      if (sub.includes('"') || normalize(sub) !== sub) continue;
      n++;
      const r = E.search(`"${sub}"`, { limit: 1e9, facets: false });
      const text = r.hits.filter((h) => h.field === 'text');
      expect(text.map((h) => h.unitId).sort(), sub).toEqual(bruteIds(sub));
      const byId = new Map(brute.map((b) => [b.id, b]));
      for (const h of text) expect({ sub, unit: h.unitId, ranges: h.ranges }).toEqual({ sub, unit: h.unitId, ranges: bruteRanges(byId.get(h.unitId!)!, sub) });
    }
    expect(n).toBeGreaterThan(600);
  }, 120_000);

  it('AND of two substrings of one unit finds that unit; excluding one of them drops it', () => {
    const rnd = mulberry32(5);
    const byId = new Map(brute.map((b) => [b.id, b]));
    let n = 0;
    for (let k = 0; k < 300; k++) {
      const u = brute[Math.floor(rnd() * brute.length)];
      // Runs free of query syntax (space, quote, |, -), so each is one literal phrase of the unit.
      const runs = u.lines.flatMap((l) => l.norm.text.split(/[\s"|-]+/)).filter((r) => r.length >= 5);
      if (!runs.length) continue;
      n++;
      const a = runs[0].slice(0, 2 + Math.floor(rnd() * 3));
      const b = runs[runs.length - 1].slice(-3);
      const both = E.search(`"${a}" "${b}"`, { limit: 1e9, facets: false }).hits.map((h) => h.unitId);
      expect(both).toContain(u.id);
      for (const id of bruteIds(a).filter((id) => has(byId.get(id)!, b))) expect(both).toContain(id);
      const not = E.search(`"${a}" -"${b}"`, { limit: 1e9, facets: false }).hits.filter((h) => h.unit >= 0);
      expect(not.map((h) => h.unitId)).not.toContain(u.id);
      for (const h of not) expect(has(byId.get(h.unitId!)!, b), `${h.unitId} has ${b}`).toBe(false);
    }
    expect(n).toBeGreaterThan(100);
  }, 120_000);

  it('where shards arrive asynchronously, a phrase of common words fetches its posting lists in at most two rounds, and finds the same', async () => {
    // Phrases whose rarest pair of characters is in many units: the engine intersects several lists.
    for (const phrase of ['国务院办公厅', '人民政府', '有关部门', '各省、自治区、直辖市']) {
      const rounds: string[][] = [];
      const async = SearchEngine.fromJSON(files.units, files.index);
      let round: string[] | null = null;
      const r = await runSearch(async, `"${phrase}"`, { limit: 20 }, CancellationToken.None, async () => undefined, async (file) => {
        if (!round) rounds.push((round = []));
        round.push(file);
        await new Promise((res) => setTimeout(res, 0));
        round = null;
        return files.shards[file];
      });
      expect(r, phrase).toEqual(E.search(`"${phrase}"`, { limit: 20 }));
      const postingRounds = rounds.filter((x) => x.some((f) => f.startsWith('postings-')));
      expect(postingRounds.length, phrase).toBeGreaterThan(0);
      expect(postingRounds.length, phrase).toBeLessThanOrEqual(2);
    }
  });

  it('ranks a document whose title has the phrase first (政务服务管理办法)', () => {
    const qd = corpus.docs.find((d) => d.title.includes('政务服务管理办法'));
    expect(qd, '青岛市政务服务管理办法 is in the real corpus').toBeDefined();
    if (!qd) return;
    const r = E.search('政务服务管理办法');
    expect(r.hits[0].docId).toBe(qd.id);
    expect(E.search('政务服务管理办法', { field: 'title' }).hits[0].docId).toBe(qd.id);
  });

  it('facet counts and filtered totals equal a brute-force count of the hits per document', () => {
    const phrase = '营商环境';
    // Expected hits, independently of the engine: every unit whose text has the phrase, and one
    // document-level hit for a document that has it only in its title, 文号 or issuer.
    const unitHits = new Map<string, number>();
    for (const id of bruteIds(phrase)) {
      const docId = id.slice(0, id.indexOf('~'));
      unitHits.set(docId, (unitHits.get(docId) ?? 0) + 1);
    }
    const hitsPerDoc = new Map<PolicyDocument, number>();
    for (const d of docs) {
      const n = unitHits.get(d.id) ?? 0;
      const meta = [d.title, d.docNumber ?? '', documentIssuers(d).filter((x) => x !== UNKNOWN_LABEL).join('、')].map((t) => normalize(t));
      if (n) hitsPerDoc.set(d, n);
      else if (meta.some((t) => t.includes(phrase))) hitsPerDoc.set(d, 1);
    }
    const valuesOf = (d: PolicyDocument) => ({ region: regionPath(d.region), kind: [d.kind], year: [documentYear(d) ?? UNKNOWN_LABEL] });
    const bruteCounts = (facet: 'region' | 'kind' | 'year', keep: (d: PolicyDocument) => boolean = () => true) => {
      const m = new Map<string, number>();
      for (const [d, n] of hitsPerDoc) if (keep(d)) for (const v of valuesOf(d)[facet]) m.set(v, (m.get(v) ?? 0) + n);
      return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    };
    const asEntries = (fc: { value: string; count: number }[]) => fc.map((x) => [x.value, x.count] as [string, number]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const total = [...hitsPerDoc.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(10);

    const r = E.search(phrase, { limit: 1e9 });
    expect(r.total).toBe(total);
    expect(r.docTotal).toBe(hitsPerDoc.size);
    for (const f of ['region', 'kind', 'year'] as const) expect(asEntries(r.facets[f]), f).toEqual(bruteCounts(f));

    // One region chosen: the hits are those of its documents; the other facets count only them,
    // the region facet itself still counts every region (what you would get by picking another).
    const region = r.facets.region[0].value;
    const inRegion = (d: PolicyDocument) => regionPath(d.region).includes(region);
    const filtered = E.search(phrase, { limit: 1e9, filters: { region: [region] } });
    expect(filtered.total).toBe([...hitsPerDoc].filter(([d]) => inRegion(d)).reduce((s, [, n]) => s + n, 0));
    expect(new Set(filtered.hits.map((h) => h.docId))).toEqual(new Set([...hitsPerDoc.keys()].filter(inRegion).map((d) => d.id)));
    expect(asEntries(filtered.facets.kind)).toEqual(bruteCounts('kind', inRegion));
    expect(asEntries(filtered.facets.region)).toEqual(bruteCounts('region'));
    const kind = filtered.facets.kind[0].value;
    const both = E.search(phrase, { limit: 1e9, filters: { region: [region], kind: [kind] } });
    expect(both.total).toBe([...hitsPerDoc].filter(([d]) => inRegion(d) && d.kind === kind).reduce((s, [, n]) => s + n, 0));
  });
});
