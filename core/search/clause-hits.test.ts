/**
 * 同条 collection (candidates.ts) on the real sample corpus, fast enough for mutation runs (property.test.ts is
 * left out of them): random queries of one or more clauses, OR-ed phrases, `-词` and a document's own title
 * words, by positions (every phrase of two characters or more) and by text (a single character, below and
 * above EXACT_LIMIT candidates), against a scan written here.
 *
 * The scan reads each unit's normalised text (what the engine matches against) and each document's title, 文号 and issuer as the engine keeps
 * them (their normalisation is checked against the documents by property.test.ts); which units hold a query
 * is decided here: a unit is a hit when no `-词` is in its text or its document's title, and every clause is
 * in its text or its document's metadata, at least one of them in its text. A document whose metadata holds
 * every clause, and none of whose units is a hit, gets one document-level hit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocSummary, PolicyDocument } from '../corpus/types.js';
import { mulberry32 } from '../util/random.js';
import { buildIndexData, shardFiles } from './build.js';
import { flattenCorpus } from './corpus-units.js';
import { SearchEngine } from './engine.js';
import type { DocRec } from './records.js';

/** A document's title and 文号 as the engine keeps them, joined as the scan matches them (no phrase holds a line break). */
const titleKey = (d: DocRec) => `${d.titleN.norm}\n${d.numberN}`;
/** The same with its issuer: what a unit carries from its document. */
const metaKey = (d: DocRec) => `${titleKey(d)}\n${d.issuerN}`;

const CORPUS = resolve(__dirname, '../../resources/corpus');
/** Candidates scored exactly from their texts up to this many (candidates.ts): the queries below are on both sides. */
const EXACT_LIMIT = 400;

let E: SearchEngine;
let texts: string[];
/** The index's files, for an engine that records what it reads. */
let files: { units: string; index: string; shards: Record<string, string> };

beforeAll(() => {
  expect(existsSync(join(CORPUS, 'library.json')), `${CORPUS}/library.json (run npm run build:corpus)`).toBe(true);
  const library = JSON.parse(readFileSync(join(CORPUS, 'library.json'), 'utf8')) as DocSummary[];
  const docs = library.map((s) => JSON.parse(readFileSync(join(CORPUS, 'docs', `${s.id}.json`), 'utf8')) as PolicyDocument);
  const data = buildIndexData(flattenCorpus(docs), 'counting', 20_000, 20_000);
  files = { units: JSON.stringify(data.units), index: JSON.stringify(data.index), shards: shardFiles(data) };
  E = SearchEngine.fromJSON(files.units, files.index, files.shards);
  texts = Array.from({ length: E.units.count }, (_, u) => E.texts.normalized(u).norm);
});

interface Q {
  must: string[][];
  not: string[];
}

const queryString = (q: Q) => [...q.must.map((cl) => cl.map((p) => `"${p}"`).join('|')), ...q.not.map((p) => `-"${p}"`)].join(' ');

/** The hits the scan finds: unit ids, and `doc:<id>` for a document-level hit. */
function scan(q: Q): string[] {
  const out: string[] = [];
  const withUnit = new Set<number>();
  for (let u = 0; u < texts.length; u++) {
    const d = E.docs[E.units.doc[u]];
    const text = texts[u];
    if (q.not.some((p) => text.includes(p) || titleKey(d).includes(p))) continue;
    const inText = q.must.map((cl) => cl.some((p) => text.includes(p)));
    const inMeta = q.must.map((cl) => cl.some((p) => metaKey(d).includes(p)));
    if (inText.some(Boolean) && inText.every((t, k) => t || inMeta[k])) {
      out.push(E.unitId(u));
      withUnit.add(E.units.doc[u]);
    }
  }
  E.docs.forEach((d, di) => {
    if (withUnit.has(di) || q.not.some((p) => titleKey(d).includes(p))) return;
    if (q.must.every((cl) => cl.some((p) => metaKey(d).includes(p)))) out.push(`doc:${d.id}`);
  });
  return out.sort();
}

function found(q: Q): string[] {
  const r = E.search(queryString(q), { limit: 1e9, facets: false });
  return r.hits.map((h) => (h.unit >= 0 ? h.unitId! : `doc:${h.docId}`)).sort();
}

/** How many units' texts hold `p`. */
const unitsWith = (p: string) => texts.reduce((n, t) => n + (t.includes(p) ? 1 : 0), 0);

/** What the query parser reads as syntax (white space, quotes, |, -): a piece is one literal phrase. */
const SYNTAX = /[\s"“”'‘’|｜\-－]/;

/** A run of `len` characters of a random unit's text, free of query syntax and white space. */
function piece(rnd: () => number, len: number): string {
  for (;;) {
    const t = texts[Math.floor(rnd() * texts.length)];
    if (t.length < len) continue;
    const at = Math.floor(rnd() * (t.length - len + 1));
    const p = t.slice(at, at + len);
    if (!SYNTAX.test(p)) return p;
  }
}

/** A word of a random document's title (its metadata), so clauses held by the metadata alone occur. */
function titleWord(rnd: () => number, len: number): string {
  for (;;) {
    const d = E.docs[Math.floor(rnd() * E.docs.length)];
    const t = titleKey(d).split('\n')[0];
    if (t.length < len) continue;
    const at = Math.floor(rnd() * (t.length - len + 1));
    const p = t.slice(at, at + len);
    if (!SYNTAX.test(p)) return p;
  }
}

describe('同条 hits equal a scan of the texts and metadata', () => {
  it('the corpus has single characters on both sides of EXACT_LIMIT', () => {
    expect(texts.length).toBeGreaterThan(EXACT_LIMIT * 2);
    expect(unitsWith('的')).toBeGreaterThan(EXACT_LIMIT);
  });

  it('one word: a single character in many units, in few, and a phrase (by positions)', () => {
    const rnd = mulberry32(11);
    let many = 0;
    let few = 0;
    for (let k = 0; k < 120; k++) {
      const p = k % 3 === 2 ? piece(rnd, 2 + Math.floor(rnd() * 3)) : piece(rnd, 1);
      const n = unitsWith(p);
      if (p.length === 1 && n > EXACT_LIMIT) many++;
      if (p.length === 1 && n <= EXACT_LIMIT) few++;
      const q = { must: [[p]], not: [] };
      expect({ q: queryString(q), hits: found(q) }).toEqual({ q: queryString(q), hits: scan(q) });
    }
    expect(many).toBeGreaterThan(10);
    expect(few).toBeGreaterThan(10);
  });

  it('several clauses, OR-ed phrases and title words, by positions and by text', () => {
    const rnd = mulberry32(12);
    let metaOnly = 0;
    for (let k = 0; k < 200; k++) {
      const len = () => (rnd() < 0.35 ? 1 : 2 + Math.floor(rnd() * 3));
      const must: string[][] = [[piece(rnd, len())]];
      if (rnd() < 0.5) must[0].push(piece(rnd, len()));
      must.push([rnd() < 0.5 ? titleWord(rnd, len()) : piece(rnd, len())]);
      if (rnd() < 0.3) must.push([titleWord(rnd, 2)]);
      const q = { must, not: [] };
      const want = scan(q);
      metaOnly += want.filter((h) => h.startsWith('doc:')).length;
      expect({ q: queryString(q), hits: found(q) }).toEqual({ q: queryString(q), hits: want });
    }
    // Every clause a word of one document's title: its metadata holds them all, a document-level hit wherever none of
    // its units holds them (the draw above gives few or none, as the corpus goes).
    for (let k = 0; k < 40; k++) {
      const t = titleKey(E.docs[Math.floor(rnd() * E.docs.length)]).split('\n')[0];
      const words = [t.slice(0, 2), t.slice(4, 6)];
      if (t.length < 8 || words.some((w) => SYNTAX.test(w))) continue;
      const q = { must: words.map((w) => [w]), not: [] };
      const want = scan(q);
      metaOnly += want.filter((h) => h.startsWith('doc:')).length;
      expect({ q: queryString(q), hits: found(q) }).toEqual({ q: queryString(q), hits: want });
    }
    expect(metaOnly).toBeGreaterThan(0);
  });

  it('-词 drops the units whose text has it and the documents whose title has it, by positions and by text', () => {
    const rnd = mulberry32(13);
    let dropped = 0;
    for (let k = 0; k < 150; k++) {
      const single = k % 2 === 0;
      const must = [[piece(rnd, single ? 1 : 2)]];
      if (k % 5 === 0) must.push([titleWord(rnd, 2)]);
      const not = [k % 3 === 0 ? titleWord(rnd, single ? 1 : 2) : piece(rnd, single ? 1 : 2)];
      const q = { must, not };
      const want = scan(q);
      dropped += scan({ must, not: [] }).length - want.length;
      expect({ q: queryString(q), hits: found(q) }).toEqual({ q: queryString(q), hits: want });
    }
    expect(dropped).toBeGreaterThan(100);
  });
});

describe('同条 scores', () => {
  it('a single character in more than EXACT_LIMIT units: a unit holding it once scores lower the longer it is', () => {
    // Scored by the prior (BM25 with tf = 1, from the unit's length alone: no text is read), the best of them
    // rescored exactly; with the character once, in a document whose title lacks it, both fall with the length.
    const r = E.search('"的"', { limit: 1e9, facets: false, perDoc: 1e9 });
    expect(r.hits.length).toBeGreaterThan(EXACT_LIMIT);
    const once = r.hits
      .filter((h) => h.unit >= 0 && texts[h.unit].split('的').length === 2 && !titleKey(E.docs.find((d) => d.id === h.docId)!).includes('的'))
      .sort((a, b) => b.score - a.score);
    expect(once.length).toBeGreaterThan(100);
    for (let i = 1; i < once.length; i++) {
      const [a, b] = [once[i - 1], once[i]];
      if (a.score > b.score) expect(texts[a.unit].length, `${a.unitId} before ${b.unitId}`).toBeLessThanOrEqual(texts[b.unit].length);
    }
    expect(once[0].score).toBeGreaterThan(once.at(-1)!.score);
  });

  it('a single character in more than EXACT_LIMIT units: no text is read but those of the hits ranked exactly and shown', () => {
    const reads = new Set<string>();
    const fresh = SearchEngine.fromJSON(files.units, files.index, (f) => (reads.add(f), files.shards[f]));
    const r = fresh.search('"的"', { limit: 20 });
    expect(r.total).toBeGreaterThan(EXACT_LIMIT);
    const shards = Object.keys(files.shards).filter((f) => f.startsWith('texts-'));
    const read = [...reads].filter((f) => f.startsWith('texts-'));
    expect(shards.length).toBeGreaterThan(20);
    // The best 100 by the prior (RERANK_WINDOW) are rescored from their texts: a few shards, not every one.
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(shards.length / 2);
  });

  it('a single character in more than EXACT_LIMIT units, in no title: the hits shown are among the best by exact score', () => {
    // No title tier to lift some documents above the rest: the prior alone picks which hits are rescored exactly.
    const counts = new Map<string, number>();
    for (const t of texts) for (const ch of new Set(t)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const [ch, n] = [...counts].filter(([c]) => /\p{Script=Han}/u.test(c) && !E.docs.some((d) => metaKey(d).includes(c))).sort((a, b) => b[1] - a[1])[0];
    expect(n).toBeGreaterThan(EXACT_LIMIT);
    // Every hit scored exactly (a page larger than the hits ranks them all exactly), against the first page.
    const all = E.search(`"${ch}"`, { limit: 1e9, facets: false });
    const page = E.search(`"${ch}"`, { limit: 20, facets: false });
    const rankOf = new Map(all.hits.map((h, i) => [h.unitId, i]));
    expect(all.hits.length).toBe(n);
    // The prior (tf = 1) misses some hits with the character several times: the page is near the top, not the top.
    const ranks = page.hits.map((h) => rankOf.get(h.unitId)!).sort((a, b) => a - b);
    expect(ranks.length).toBe(20);
    expect(ranks.at(-1)!, `${ch}: ${ranks.join(',')}`).toBeLessThan(n / 4);
    expect(ranks[10], `${ch}: ${ranks.join(',')}`).toBeLessThan(n / 8);
  });

  it('a page of document-level hits (the words in titles only) reads no text shard, and names each document\'s first unit', () => {
    // A title word no unit's text has: every hit is a document-level one.
    const word = E.docs.map((d) => titleKey(d).split('\n')[0].slice(0, 4)).find((w) => w.length === 4 && !SYNTAX.test(w) && !texts.some((t) => t.includes(w)));
    expect(word).toBeDefined();
    const reads: string[] = [];
    const fresh = SearchEngine.fromJSON(files.units, files.index, (f) => (reads.push(f), files.shards[f]));
    const r = fresh.search(`"${word}"`, { limit: 50 });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.unit < 0)).toBe(true);
    expect(reads.filter((f) => f.startsWith('texts-'))).toEqual([]);
    for (const h of r.hits) {
      const d = E.docs.find((x) => x.id === h.docId)!;
      expect(h.unitId).toBe(d.firstUnit >= 0 ? E.unitId(d.firstUnit) : '');
    }
  });

  it('by text (a single character with another word): every hit scores above its title tier', () => {
    // Units of documents whose title and 文号 lack both words have no title tier: their score is BM25 alone.
    const r = E.search('"的" "政府"', { limit: 1e9, facets: false });
    const untitled = r.hits.filter((h) => h.unit >= 0 && !/的|政府/.test(titleKey(E.docs.find((d) => d.id === h.docId)!)));
    expect(untitled.length).toBeGreaterThan(20);
    for (const h of untitled) expect(h.score, h.unitId).toBeGreaterThan(0);
  });

  it('by positions: a unit holding the phrase more often ranks above one of the same length holding it once', () => {
    const byLen = new Map<number, { once?: number; more?: number }>();
    const p = '政府';
    texts.forEach((t, u) => {
      const n = t.split(p).length - 1;
      if (!n) return;
      const e = byLen.get(t.length) ?? {};
      if (!metaKey(E.docs[E.units.doc[u]]).includes(p)) {
        if (n === 1) e.once ??= u;
        else e.more ??= u;
      }
      byLen.set(t.length, e);
    });
    const untitled = (u: number) => !metaKey(E.docs[E.units.doc[u]]).includes(p);
    const pairs = [...byLen.values()].filter((e) => e.once !== undefined && e.more !== undefined && untitled(e.once) && untitled(e.more));
    expect(pairs.length).toBeGreaterThan(0);
    const r = E.search(p, { limit: 1e9, facets: false, perDoc: 1e9 });
    const score = new Map(r.hits.map((h) => [h.unit, h.score]));
    for (const e of pairs) expect(score.get(e.more!)!, `${E.unitId(e.more!)} vs ${E.unitId(e.once!)}`).toBeGreaterThan(score.get(e.once!)!);
  });
});
