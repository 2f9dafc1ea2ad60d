/**
 * Clause matches kept between builds (clause-lists.ts): after documents change, come or go, a detection that
 * keeps the earlier build's matches writes exactly the files of one that matches everything, and matched
 * again only some units. On the real seeds, with a crowd of near-identical clauses added (more than
 * MAX_BUCKET units in one LSH bucket), so the crowd's window is exercised as well as small buckets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { buildCorpus } from '../corpus/build.js';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { mulberry32 } from '../util/random.js';
import { detectionFiles } from './artifact.js';
import { decodeClauseState, encodeClauseState } from './clause-state.js';
import { commonHash } from './common.js';
import { BestMatches } from './clause-matches.js';
import { BandPrints } from './band-buckets.js';
import { CLAUSE_LSH_ROWS, MAX_BUCKET, SIGNATURE_LENGTH } from './minhash.js';
import { detect } from './detect.js';
import { hashWords } from './shingles.js';
import type { PreparedCache } from './prepared-cache.js';

const RAW = path.resolve(__dirname, '../../resources/corpus/raw');
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

function doc(id: string, texts: string[]): PolicyDocument {
  const units = texts.map((t, i) => ({ id: `${id}~ar${i + 1}`, path: `ar${i + 1}`, level: 'article', label: '', heading: null, paragraphs: [{ text: t, pages: [] }], pages: [], children: [] }) as unknown as Unit);
  return { id, title: `某某办法${id}`, titleSource: 'title-line', issuer: '', issuers: [], date: null, effectiveDate: null, region: { level: 'unknown', province: null, city: null }, kind: '办法', addressees: null, signature: [], units } as unknown as PolicyDocument;
}

/**
 * `n` documents, each with three wordings of one clause (a word changed at its end: most bands agree) and text
 * of its own. Fewer documents than make a shingle common (20), more units than MAX_BUCKET in the clause's buckets.
 */
function crowdDocs(n: number, seed: number, prefix = 'c'): PolicyDocument[] {
  const rnd = mulberry32(seed);
  const text = (len: number) => Array.from({ length: len }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
  // Random text (of a fixed seed): none of its shingles is in a seed, so only these documents share them.
  const wording = mulberry32(3);
  const clause = Array.from({ length: 50 }, () => HAN[Math.floor(wording() * HAN.length)]).join('');
  return Array.from({ length: n }, (_, i) => doc(`${prefix}${String(i).padStart(3, '0')}`, [`${clause}${text(2)}。`, `${clause}${text(2)}。`, `${clause}${text(2)}。`, text(80), text(80)]));
}

/** The build's cache kept in memory: entries by content key, the clause state, the measured pairs, the shared clause counts and the common shingles' counts. */
function memoryCache(): PreparedCache & { entries: Map<string, Uint8Array>; state: Uint8Array | null; pairs: Uint8Array | null; shared: Uint8Array | null; commonCounts: Uint8Array | null } {
  const entries = new Map<string, Uint8Array>();
  const key = (d: PolicyDocument) => sha256Hex(new TextEncoder().encode(JSON.stringify(d)));
  const cache = {
    entries,
    state: null as Uint8Array | null,
    pairs: null as Uint8Array | null,
    shared: null as Uint8Array | null,
    commonCounts: null as Uint8Array | null,
    pairState: { read: () => cache.pairs, write: (b: Uint8Array) => void (cache.pairs = b.slice()) },
    sharedState: { read: () => cache.shared, write: (b: Uint8Array) => void (cache.shared = b.slice()) },
    commonState: { read: () => cache.commonCounts, write: (b: Uint8Array) => void (cache.commonCounts = b.slice()) },
    get: (d: PolicyDocument) => entries.get(key(d)) ?? null,
    put: (d: PolicyDocument, e: Uint8Array) => void entries.set(key(d), e.slice()),
    key,
    entryByKey: (k: string) => entries.get(k) ?? null,
    clauseState: { read: () => cache.state, writeParts: (parts: Iterable<Uint8Array>) => void (cache.state = joined([...parts])) },
  };
  return cache;
}

/** Parts written one after the other, as one buffer of their own. */
const joined = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
/** A clause state's file. */
const stateBytes = (...args: Parameters<typeof encodeClauseState>) => joined(encodeClauseState(...args));

const files = (docs: PolicyDocument[], cache?: PreparedCache) => {
  const d = detect(docs, { cache });
  return { files: [...detectionFiles(d)].map((f) => `${f.path}\n${f.data}`), stats: d.stats, units: d.unitIds.length };
};

let seeds: PolicyDocument[];
beforeAll(() => {
  const raw = readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(RAW, name))) }));
  seeds = buildCorpus(raw, sha256Hex).docs;
}, 180_000);

/** A document with one unit's wording changed (its content key changes, its ids do not). */
function edited(d: PolicyDocument, find: (u: Unit) => boolean): PolicyDocument {
  const units = JSON.parse(JSON.stringify(d.units)) as Unit[];
  const walk = (list: Unit[]): boolean => list.some((u) => (find(u) ? ((u.paragraphs[0].text = `${u.paragraphs[0].text}并报上级主管部门备案。`), true) : walk(u.children)));
  expect(walk(units)).toBe(true);
  return { ...d, units };
}

/** A clause state's matches, unit by unit: [other unit, similarity, 1 when the other unit keeps the pair too], sorted. */
function stateMatches(bytes: Uint8Array): [number, number, number][][] {
  const s = decodeClauseState(bytes)!;
  return Array.from({ length: s.start.length - 1 }, (_, u) =>
    Array.from({ length: s.start[u + 1] - s.start[u] }, (_, k): [number, number, number] => [s.other[s.start[u] + k] & 0x7fffffff, s.sim[s.start[u] + k], s.other[s.start[u] + k] >>> 31]).sort((x, y) => x[0] - y[0]),
  );
}

describe('clause matches kept from the earlier build', () => {
  it('after one document is edited, one added and one removed: the same files as matching everything, fewer units matched', () => {
    const before = [...seeds, ...crowdDocs(18, 1)];
    const cache = memoryCache();
    const first = files(before, cache);
    expect(first.stats.clausesRematched).toBeNull(); // nothing kept yet
    expect(cache.state).not.toBeNull();
    // Every document has text, so every candidate pair is counted: none is kept yet.
    expect(first.stats.docPairsCounted).toBe(first.stats.docCandidates);

    // A seed that has clause counterparts (so its matches matter), edited; a crowd document gone, another come;
    // two documents whose clauses are too short to be matched (they must stay unmatched when matched again).
    const seedIds = new Set(seeds.map((d) => d.id));
    const shards = first.files.filter((f) => f.startsWith('variants/') && f.includes('"clauses":{"')).map((f) => JSON.parse(f.split('\n')[1]) as { doc: string });
    const target = seeds.find((d) => d.id === shards.find((s) => seedIds.has(s.doc))!.doc)!;
    const after = [...seeds.filter((d) => d !== target), edited(target, (u) => u.paragraphs.length > 0 && u.paragraphs[0].text.length > 30), ...crowdDocs(18, 1).slice(1), ...crowdDocs(1, 9, 'n'), ...['short1', 'short2'].map((id) => doc(id, ['本办法自发布之日起施行。', '本规定自公布之日起施行。']))];
    const kept = files(after, cache);
    const full = files(after);
    expect(kept.files).toEqual(full.files);
    expect(kept.stats.clausesRematched).toBeGreaterThan(0);
    expect(kept.stats.clausesRematched).toBeLessThan(kept.units / 2);
    // Only the pairs with a document that came or changed are counted again (core/compare/pair-counts.ts).
    expect(kept.stats.docPairsCounted).toBeGreaterThan(0);
    expect(kept.stats.docPairsCounted).toBeLessThan(kept.stats.docCandidates / 2);
    expect(full.stats.docPairsCounted).toBe(full.stats.docCandidates);
    // The pairs of two documents whose units kept their matches keep their shared clause count (shared-counts.ts),
    // and the common shingles are the first build's counts updated (common-counts.ts).
    expect(first.stats.sharedCountsKept).toBe(0);
    expect(kept.stats.sharedCountsKept).toBeGreaterThan(0);
    expect(full.stats.sharedCountsKept).toBe(0);
    expect([first.stats.commonKept, kept.stats.commonKept, full.stats.commonKept]).toEqual([false, true, false]);
  });

  it('a unit added to an early document, copies of a later one and of each other come: units are found by their kept prints', () => {
    // In id order 'a-first' and 'b-shift' come first: a unit added to 'b-shift' gives every kept unit after it another
    // number. The copy's units are in every bucket of the copied document's units, which must be matched again (they
    // gain a counterpart) and are found by their prints, kept from the first build and renumbered. (Texts of their
    // own: a copy of a seed would make some of the seeds' shingles common, and a rebuild then matches everything.)
    const rnd = mulberry32(31);
    const text = (len: number) => Array.from({ length: len }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
    const first = doc('a-first', [text(60), text(60)]);
    const shift = doc('b-shift', [text(60), text(60)]);
    const crowd = crowdDocs(18, 1);
    const last = doc('q-orig', [text(60), text(60), text(60)]);
    const cache = memoryCache();
    files([first, shift, ...crowd, ...seeds, last], cache);
    const copy = doc('q-copy', last.units.map((u) => u.paragraphs[0].text));
    const longer = doc(shift.id, [...shift.units.map((u) => u.paragraphs[0].text), text(80)]);
    // Two new documents that share a clause only with each other: each is found in the other's buckets by its print,
    // made for it (a new unit given another's prints, 'a-first''s, would not be).
    const shared = text(60);
    const pair = [doc('r-one', [shared, text(60)]), doc('r-two', [text(60), shared])];
    const after = [first, longer, ...crowd, ...seeds, last, copy, ...pair];
    const kept = files(after, cache);
    const full = files(after);
    expect(kept.files).toEqual(full.files);
    // The copy has counterparts: the first document's units, which were matched again; the two new ones each other.
    expect(full.files.some((f) => f.includes('"q-copy~ar1"'))).toBe(true);
    expect(full.files.some((f) => f.startsWith('variants/') && f.includes('"r-one~ar1"') && f.includes('"r-two~ar2"'))).toBe(true);
    expect(kept.stats.clausesRematched).toBeGreaterThan(0);
    expect(kept.stats.clausesRematched).toBeLessThan(kept.units / 2);
  });

  it('shared clause counts written beside another clause state are not used: every pair is counted, and the files are still right', () => {
    const docs = [...seeds, ...crowdDocs(18, 1)];
    const cache = memoryCache();
    files(docs, cache);
    const firstShared = cache.shared;
    const second = docs.filter((d) => d.id !== 'c004');
    expect(files(second, cache).stats.sharedCountsKept).toBeGreaterThan(0);
    // As if the second build's shared counts had not been written (a build killed between the two writes).
    cache.shared = firstShared;
    const third = second.filter((d) => d.id !== 'c007');
    const r = files(third, cache);
    expect(r.stats.clausesRematched).not.toBeNull();
    expect(r.stats.sharedCountsKept).toBe(0);
    expect(r.files).toEqual(files(third).files);
    // The third build wrote its own: the fourth keeps them.
    const fourth = files(third.filter((d) => d.id !== 'c009'), cache);
    expect(fourth.stats.sharedCountsKept).toBeGreaterThan(0);
  });

  it('a crowd that falls under MAX_BUCKET and one that grows over it: the same files as matching everything', () => {
    const cache = memoryCache();
    // 18 documents × 3 wordings = 54 units in the clause's buckets: a crowd; 16 × 3 = 48: small buckets, just.
    const big = crowdDocs(18, 1);
    expect(big.length * 3).toBeGreaterThan(MAX_BUCKET);
    expect(16 * 3).toBe(MAX_BUCKET);
    files([...seeds, ...big], cache);
    const shrunk = [...seeds, ...big.slice(0, 16)];
    const kept = files(shrunk, cache);
    expect(kept.files).toEqual(files(shrunk).files);
    expect(kept.stats.clausesRematched).not.toBeNull();
    // The state written is a full matching's, down to which pairs both units keep (known from the last state where
    // both lists were kept): the crowd's units keep their best 12 of 47, so some pairs are kept by one unit alone.
    const fresh = memoryCache();
    files(shrunk, fresh);
    expect(stateMatches(cache.state!)).toEqual(stateMatches(fresh.state!));
    expect(stateMatches(fresh.state!).some((list) => list.some(([, , mutual]) => mutual === 0))).toBe(true);
    const grown = [...seeds, ...big];
    const again = files(grown, cache);
    expect(again.files).toEqual(files(grown).files);
    expect(again.stats.clausesRematched).not.toBeNull();
    const freshGrown = memoryCache();
    files(grown, freshGrown);
    expect(stateMatches(cache.state!)).toEqual(stateMatches(freshGrown.state!));
  });

  it('a kept unit whose partner, matched again, drops it: the pair is no longer taken for mutual', () => {
    // j quotes two passages; u is the second alone, twelve others (eleven now, one more after) the first alone.
    // Each is wholly in j (similarity 1), so j keeps the twelve of lowest index: the eleven and u, as u is last by
    // id. The newcomer n shares no shingle with u, so no bucket of u changes and u keeps its list, j in it; j is
    // matched again and keeps n instead of u. The earlier build's flag for u's slot (mutual) is no longer true.
    const rnd = mulberry32(42);
    const text = (len: number) => Array.from({ length: len }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
    const first = text(40);
    const second = text(40);
    const quoting = (ids: string[]) => ids.map((id) => doc(id, [`${first}。`]));
    const before = [doc('a-j', [`${first}${second}。`]), ...quoting(Array.from({ length: 11 }, (_, i) => `b-k${String(i).padStart(2, '0')}`)), doc('z-u', [`${second}。`])];
    const after = [...before, ...quoting(['c-n'])];
    const cache = memoryCache();
    files(before, cache);
    const earlier = stateMatches(cache.state!);
    const kept = files(after, cache);
    const fresh = memoryCache();
    const full = files(after, fresh);
    expect(kept.files).toEqual(full.files);
    // Units by id order: j 0, the eleven 1–11, n 12 (after only), u last.
    const [j, u] = [0, 12];
    expect(earlier[j].map(([other]) => other)).toContain(u);
    expect(earlier[u]).toEqual([[j, 1, 1]]);
    // Only j, the eleven and n were matched again: u's list is the earlier build's …
    expect(kept.stats.clausesRematched).toBe(13);
    const now = stateMatches(fresh.state!);
    expect(now[j].map(([other]) => other)).not.toContain(u + 1);
    // … but j no longer keeps u, so u's pair with j is u's alone.
    expect(now[u + 1]).toEqual([[j, 1, 0]]);
    expect(stateMatches(cache.state!)).toEqual(now);
  });

  it('most documents new (every cache name changed): everything is matched, as a full build does, without walking the gone ones', () => {
    const docs = [...seeds, ...crowdDocs(18, 1)];
    const cache = memoryCache();
    files(docs, cache);
    // Each document's content changes by its title: another content key for all; the clauses are the same.
    const renamed = docs.map((d) => ({ ...d, title: `${d.title}（修订）` }));
    const again = files(renamed, cache);
    expect(again.stats.clausesRematched).toBeNull();
    expect(again.files).toEqual(files(renamed).files);
    // Half of them kept is still kept: the others matched again.
    const half = [...renamed.slice(0, Math.ceil(renamed.length / 2)), ...docs.slice(Math.ceil(renamed.length / 2))];
    const third = files(half, cache);
    expect(third.files).toEqual(files(half).files);
  });

  it('nothing changed: every unit keeps its matches, none is matched again', () => {
    const docs = [...seeds, ...crowdDocs(18, 1)];
    const cache = memoryCache();
    const first = files(docs, cache);
    const second = files(docs, cache);
    expect(second.files).toEqual(first.files);
    expect(second.stats.clausesRematched).toBe(0);
    expect(second.stats.docPairsCounted).toBe(0);
    // Every pair's shared clause count is the first build's.
    expect(second.stats.sharedCountsKept).toBeGreaterThan(0);
  });

  it("the state read as a view into a larger buffer: this build's is not made over what surrounds it", () => {
    const docs = [...seeds, ...crowdDocs(18, 1)];
    const cache = memoryCache();
    const first = files(docs, cache);
    // The state as the middle of a buffer that holds other bytes before and after it.
    const around = new Uint8Array(cache.state!.length + 64).fill(0xa5);
    around.set(cache.state!, 32);
    const view = around.subarray(32, 32 + cache.state!.length);
    const state = view.slice();
    cache.clauseState = { read: () => view, writeParts: (parts: Iterable<Uint8Array>) => void (cache.state = joined([...parts])) };
    const second = files(docs, cache);
    expect(second.files).toEqual(first.files);
    expect(second.stats.clausesRematched).toBe(0);
    expect([...around.subarray(0, 32), ...around.subarray(32 + state.length)].every((b) => b === 0xa5)).toBe(true);
    expect(Buffer.from(view).equals(Buffer.from(state))).toBe(true);
  });

  it('other common shingles, a gone entry missing, or a damaged state: everything is matched, and the files are still right', () => {
    const docs = [...seeds, ...crowdDocs(18, 1)];
    // 25 more documents sharing one text make its shingles common: every signature is made without them.
    const common = memoryCache();
    files(docs, common);
    const more = [...docs, ...Array.from({ length: 25 }, (_, i) => doc(`m${i}`, ['凡在本市行政区域内从事相关经营活动的单位和个人，均应当遵守本办法的各项规定，接受有关部门的监督检查。']))];
    const a = files(more, common);
    expect(a.stats.clausesRematched).toBeNull();
    expect(a.files).toEqual(files(more).files);

    const missing = memoryCache();
    files(docs, missing);
    // A crowd document: its going changes no common shingle, so only its missing entry stops the kept matches.
    const gone = docs.find((d) => d.id === 'c005')!;
    missing.entries.delete(missing.key!(gone));
    const b = files(docs.filter((d) => d !== gone), missing);
    expect(b.stats.clausesRematched).toBeNull();
    expect(b.files).toEqual(files(docs.filter((d) => d !== gone)).files);

    const damaged = memoryCache();
    files(docs, damaged);
    damaged.state![damaged.state!.length - 1] ^= 1;
    const c = files(docs, damaged);
    expect(c.stats.clausesRematched).toBeNull();
  });
});

describe('the clause state', () => {
  const BANDS = SIGNATURE_LENGTH / CLAUSE_LSH_ROWS;
  it('round-trips, and refuses anything cut, changed or of other settings', () => {
    const lists = new BestMatches(4, 12);
    lists.add(0, 2, 0.5);
    lists.add(1, 3, 1 / 3);
    lists.add(0, 3, 0.75);
    // Kept by unit 2 alone: not mutual.
    lists.offer(2, 1, 0.25);
    // Three of the four units matched (isMatched): their band keys' prints, an odd number of them.
    const prints = new BandPrints(Uint16Array.from({ length: 3 * BANDS }, (_, i) => (i * 7919) & 0xffff), 3);
    const bytes = stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5, 9]), lists, prints);
    // Made in the buffer of an earlier state (a rebuild's scratch), whatever that held: the same bytes. One too small is not used.
    const dirty = new Uint32Array(bytes.length).fill(0xffffffff).buffer;
    expect(Buffer.from(stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5, 9]), lists, prints, lists.mutual(), dirty)).equals(Buffer.from(bytes))).toBe(true);
    const parts = encodeClauseState(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5, 9]), lists, prints, lists.mutual(), dirty);
    expect(parts[0].buffer).toBe(dirty);
    // One of exactly the size needed is used too.
    const exact = new Uint32Array(parts[0].length / 4).fill(0xffffffff).buffer;
    expect(encodeClauseState(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5, 9]), lists, prints, lists.mutual(), exact)[0].buffer).toBe(exact);
    const small = new ArrayBuffer(16);
    expect(encodeClauseState(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5, 9]), lists, prints, lists.mutual(), small)[0].buffer).not.toBe(small);
    const s = decodeClauseState(bytes)!;
    expect(s.keys).toEqual(['a.bin', 'b.bin']);
    expect([...s.unitCounts]).toEqual([2, 2]);
    // Each match: the other unit, the similarity, and whether the other unit keeps the pair too (the entry's top bit).
    const of = (u: number) => Array.from({ length: s.start[u + 1] - s.start[u] }, (_, k) => [s.other[s.start[u] + k] & 0x7fffffff, s.sim[s.start[u] + k], s.other[s.start[u] + k] >>> 31]).sort((x, y) => x[0] - y[0]);
    expect(of(0)).toEqual([
      [2, 0.5, 1],
      [3, 0.75, 1],
    ]);
    expect(of(3)).toEqual([
      [0, 0.75, 1],
      [1, 1 / 3, 1],
    ]);
    expect(of(2)).toEqual([
      [0, 0.5, 1],
      [1, 0.25, 0],
    ]);
    expect(of(1)).toEqual([[3, 1 / 3, 1]]);
    expect(s.prints.n).toBe(3);
    expect([...s.prints.prints]).toEqual([...prints.prints]);
    // From a Node Buffer (slice is a view there, not a copy), and from an offset that is not a multiple of 8, as a
    // file read into a shared buffer may be.
    const pooled = Buffer.concat([Buffer.from('pool'), Buffer.from(bytes)]).subarray(4);
    expect(decodeClauseState(pooled)?.keys).toEqual(['a.bin', 'b.bin']);
    const shifted = new Uint8Array(bytes.length + 4);
    shifted.set(bytes, 4);
    expect(decodeClauseState(shifted.subarray(4))?.keys).toEqual(['a.bin', 'b.bin']);
    // At a multiple of 8 past the start of a larger buffer: read where it lies, every part from its own place.
    const aligned = new Uint8Array(bytes.length + 16).fill(0xff);
    aligned.set(bytes, 8);
    const inPlace = decodeClauseState(aligned.subarray(8, 8 + bytes.length))!;
    expect(inPlace.keys).toEqual(['a.bin', 'b.bin']);
    expect([...inPlace.other]).toEqual([...s.other]);
    expect([...inPlace.sim]).toEqual([...s.sim]);
    expect(decodeClauseState(bytes.subarray(0, bytes.length - 4))).toBeNull();
    expect(decodeClauseState(bytes.subarray(0, bytes.length - 1))).toBeNull();
    // One document: the similarities start one word further (they are doubles, at an even word).
    const one = decodeClauseState(stateBytes(['a.bin'], [4], Uint32Array.from([5, 9]), lists, prints))!;
    expect([...one.sim].sort()).toEqual([...s.sim].sort());
    expect([...one.other]).toEqual([...s.other]);
    // Other common shingles of the same number are told apart.
    expect(commonHash(Uint32Array.from([5, 9]))).not.toBe(commonHash(Uint32Array.from([5, 10])));
    expect(commonHash(Uint32Array.from([5, 9]))).not.toBe(commonHash(Uint32Array.from([9, 5])));
    // Whole and checksummed, but not a state this build could have written.
    const beyondCap = new BestMatches(4, 13);
    for (let j = 1; j <= 13; j++) beyondCap.offer(0, j % 4, j / 20);
    expect(decodeClauseState(stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5]), beyondCap, prints))).toBeNull();
    // Beside a sound match, so that one bad entry among good ones is refused.
    const outside = new BestMatches(4, 12);
    outside.add(1, 2, 0.5);
    outside.offer(0, 4, 0.5);
    expect(decodeClauseState(stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5]), outside, prints))).toBeNull();
    const negative = new BestMatches(4, 12);
    negative.offer(0, -1, 0.5);
    expect(decodeClauseState(stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5]), negative, prints))).toBeNull();
    expect(decodeClauseState(stateBytes(['a.bin', 'b.bin'], [2, 1], Uint32Array.from([5]), lists, prints))).toBeNull();
    expect(decodeClauseState(stateBytes(['a.bin\nc.bin', 'b.bin'], [2, 2], Uint32Array.from([5]), lists, prints))).toBeNull();
    // Another format's magic or settings, checksummed as that build would have: not read as this build's.
    // So is one whose units' match counts do not add up to its number of matches (words 10–11: the documents' unit
    // counts; 12: unit 0's match count).
    const resummed = (word: number, change = 1) => {
      const words = new Uint32Array(bytes.slice().buffer);
      if (word >= 0) words[word] ^= change;
      words[9] = hashWords(words.subarray(10), hashWords(words.subarray(0, 9)));
      return decodeClauseState(new Uint8Array(words.buffer));
    };
    expect(resummed(-1)?.keys).toEqual(['a.bin', 'b.bin']); // the checksum made as the build makes it
    expect(resummed(0)).toBeNull();
    expect(resummed(1)).toBeNull();
    expect(resummed(12, 3)).toBeNull();
    // The number of units printed (word 8), one more or one fewer than the prints there are, or more than the units.
    expect(resummed(8, 1)).toBeNull();
    expect(resummed(8, 2)).toBeNull();
    expect(resummed(8, 4)).toBeNull();
    // Printed units without a print: the layout holds, and their count is checked against the units.
    const tooMany = new BandPrints(new Uint16Array(5 * BANDS), 5);
    expect(decodeClauseState(stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5]), lists, tooMany))).toBeNull();
    const none = decodeClauseState(stateBytes(['a.bin', 'b.bin'], [2, 2], Uint32Array.from([5]), lists, new BandPrints(new Uint16Array(0), 0)))!;
    expect(none.prints.n).toBe(0);
    expect(none.keys).toEqual(['a.bin', 'b.bin']);
    for (const at of [0, 4, 8, 12, 16, 20, 24, 28, 40, bytes.length - 9]) {
      const bad = bytes.slice();
      bad[at] ^= 1;
      expect(decodeClauseState(bad), `byte ${at}`).toBeNull();
    }
  });
});
