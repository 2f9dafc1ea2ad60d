/**
 * The updated index is the full build's, byte for byte: on the real corpus (resources/corpus, built by the unit
 * suite's global setup), edited at random (seeded) the ways a rebuild sees it — documents removed, added and
 * changed, units rewritten, added and dropped, new characters — and compared file by file with `buildIndexData`
 * of the edited corpus, with small shards so that the shard boundaries move too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocSummary, PolicyDocument } from '../corpus/types.js';
import { mulberry32 } from '../util/random.js';
import { buildIndexData, shardFileStream, shardFiles, type BuiltIndex, type UpdatedIndex } from './build.js';
import { flattenCorpus, type SearchCorpus, type SearchDoc, type SearchUnitRecord } from './corpus-units.js';
import { updatedIndexData } from './index-update.js';
import { previousIndex, type PreviousIndex } from './previous-index.js';
import { SearchIndexDamaged } from './shard-reader.js';
import { decodeInts, encodeInts } from './codec.js';
import { createHash } from 'node:crypto';

const CORPUS = resolve(__dirname, '../../resources/corpus');
const SHARD = 20_000;

/** A document and its units, as the edits see them (a unit record is kept by reference when unchanged). */
interface Entry {
  doc: SearchDoc;
  units: SearchUnitRecord[];
}

let entries: Entry[];

beforeAll(() => {
  expect(existsSync(join(CORPUS, 'library.json')), `${CORPUS}/library.json (run npm run build:corpus)`).toBe(true);
  const library = JSON.parse(readFileSync(join(CORPUS, 'library.json'), 'utf8')) as DocSummary[];
  const docs = library.map((s) => JSON.parse(readFileSync(join(CORPUS, 'docs', `${s.id}.json`), 'utf8')) as PolicyDocument);
  const flat = flattenCorpus(docs);
  entries = flat.docs.map((doc, di) => ({ doc, units: flat.units.filter((u) => u.doc === di) }));
});

/** The corpus of `list`, and for each of its units the unit of `before` it is (same record, in a kept document's place), or −1. */
function corpusOf(list: Entry[], before?: Entry[]): { corpus: SearchCorpus; oldOf: Int32Array } {
  const units: SearchUnitRecord[] = [];
  const oldAt = new Map<SearchUnitRecord, number>();
  let at = 0;
  for (const e of before ?? []) for (const u of e.units) oldAt.set(u, at++);
  const oldOf: number[] = [];
  list.forEach((e, di) => {
    for (const u of e.units) {
      units.push({ ...u, doc: di });
      oldOf.push(oldAt.get(u) ?? -1);
    }
  });
  return { corpus: { docs: list.map((e) => e.doc), units }, oldOf: Int32Array.from(oldOf) };
}

/** An index's files by name; an updated one's moved text shards read from the previous index they were moved from. */
const filesOf = (b: BuiltIndex | UpdatedIndex, prev?: PreviousIndex) => ({ index: JSON.stringify(b.index), units: JSON.stringify(b.units), ...shardFiles(b, prev?.texts) });

const ascii = new TextEncoder();
const postingBytes = (b: BuiltIndex) => b.postings.map((p) => ({ from: p.from, bytes: ascii.encode(p.postings) }));
const positionBytes = (b: BuiltIndex) => b.positions.map((p) => ({ from: p.from, lens: p.lens, bytes: ascii.encode(p.positions) }));

/** A list as a reader of its entries by index (undefined past its end). */
const at = <T>(list: T[]) => (k: number): T | undefined => list[k];

/** The previous index as the CLI reads it, its text shards' files read when asked (`read` is told which). */
function previousOf(b: BuiltIndex, read: (k: number) => void = () => {}) {
  return previousIndex(b.index, at(postingBytes(b)), at(positionBytes(b)), textShardsOf(b, read));
}

function textShardsOf(b: BuiltIndex, read: (k: number) => void = () => {}) {
  const files = b.texts.map((t) => ascii.encode(JSON.stringify(t)));
  return {
    bytes: (k: number) => {
      read(k);
      return files[k];
    },
    sha256: (k: number) => createHash('sha256').update(files[k]).digest('hex'),
  };
}

/** `list` edited at random: `edits` changes, each a document removed, added (another's units, rewritten), or changed. */
function edited(list: Entry[], seed: number, edits: number): Entry[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  // Characters the corpus may not have: new unigrams and bigrams appear, and terms vanish with the units they were in.
  // ￮ (U+FFEE) sorts after every character of the corpus: terms that come after all the old ones.
  const NEW = ['㐀', '㐁', 'ꀀ', '\u{20000}', 'Ω', '￮'];
  const rewrite = (u: SearchUnitRecord): SearchUnitRecord => {
    const t = u.text;
    const at = Math.floor(rand() * (t.length + 1));
    const kind = rand();
    const text = kind < 0.3 ? t.slice(0, at) + pick(NEW) + t.slice(at) : kind < 0.6 ? t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 20)) : kind < 0.8 ? pick(pick(list).units).text : t + '\n' + t.slice(0, at);
    return { ...u, text };
  };
  const out = [...list];
  for (let k = 0; k < edits; k++) {
    const r = rand();
    const i = Math.floor(rand() * out.length);
    if (r < 0.25 && out.length > 2) out.splice(i, 1);
    else if (r < 0.5) {
      const from = pick(out);
      out.splice(i, 0, { doc: { ...from.doc, id: `${from.doc.id}-copy${k}` }, units: from.units.map((u) => (rand() < 0.3 ? rewrite(u) : { ...u })) });
    } else {
      const units = [...out[i].units];
      for (let n = 1 + Math.floor(rand() * 3); n > 0 && units.length; n--) {
        const j = Math.floor(rand() * units.length);
        const what = rand();
        if (what < 0.5) units[j] = rewrite(units[j]);
        else if (what < 0.75) units.splice(j, 1);
        else units.splice(j, 0, rewrite(units[j]));
      }
      out[i] = { doc: out[i].doc, units };
    }
  }
  return out;
}

describe('updatedIndexData', () => {
  it('after random edits, gives the bytes of a full build of the edited corpus', () => {
    const old = corpusOf(entries);
    const before = buildIndexData(old.corpus, 'counting', SHARD, SHARD);
    let moved = 0;
    let made = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const after = edited(entries, seed, 1 + (seed % 6));
      const { corpus, oldOf } = corpusOf(after, entries);
      const kept = oldOf.filter((o) => o >= 0).length;
      expect(kept, `seed ${seed}: most units kept`).toBeGreaterThan(oldOf.length / 2);
      expect(kept, `seed ${seed}: some units new`).toBeLessThan(oldOf.length);
      const prev = previousOf(before);
      const updated = updatedIndexData(corpus, oldOf, prev, SHARD, SHARD);
      expect(updated, `seed ${seed}`).not.toBeNull();
      expect(filesOf(updated!, prev), `seed ${seed}`).toEqual(filesOf(buildIndexData(corpus, 'counting', SHARD, SHARD)));
      moved += updated!.texts.filter((t) => 'was' in t).length;
      made += updated!.texts.filter((t) => !('was' in t)).length;
    }
    // Both kinds of text shard were compared: previous ones moved whole, and ones made from their units.
    expect(moved).toBeGreaterThan(12);
    expect(made).toBeGreaterThan(12);
  });

  it('one document changed, at the start, in the middle or at the end: the bytes of a full build (lists copied past it)', () => {
    const old = corpusOf(entries);
    const before = buildIndexData(old.corpus, 'counting', SHARD, SHARD);
    for (const at of [0, Math.floor(entries.length / 2), entries.length - 1]) {
      for (const change of ['grows', 'shrinks', 'rewritten'] as const) {
        const after = [...entries];
        const units = [...after[at].units];
        const u = units[0];
        if (change === 'grows') units.push({ ...u, text: `${u.text}并报上级主管部门备案。` });
        else if (change === 'shrinks' && units.length > 1) units.pop();
        else units[0] = { ...u, text: `${u.text}㐀` };
        after[at] = { doc: after[at].doc, units };
        const { corpus, oldOf } = corpusOf(after, entries);
        const work = { entries: 0, decoded: 0, skimmed: 0 };
        const prev = previousOf(before);
        const updated = updatedIndexData(corpus, oldOf, prev, SHARD, SHARD, work);
        expect(filesOf(updated!, prev), `${change} at ${at}`).toEqual(filesOf(buildIndexData(corpus, 'counting', SHARD, SHARD)));
        // Only the changed document's entries are decoded, and each list's first one after it; the entries before it
        // are skimmed (their deltas summed, their bytes copied), those after it copied unread.
        const terms = before.index.uni.length + before.index.bi.length / 2;
        expect(work.decoded - terms, `${change} at ${at}`).toBeLessThan(work.entries / 100);
        if (at === 0) {
          expect(work.skimmed, `${change} at the start`).toBeLessThan(work.entries / 100);
          // Each list whose first entry is past the change is decoded up to that entry, and copied from there.
          expect(work.decoded, `${change} at the start`).toBeGreaterThan(terms * 0.9);
        }
        else if (at < entries.length - 1) {
          expect(work.skimmed, `${change} in the middle`).toBeGreaterThan(work.entries * 0.3);
          expect(work.skimmed, `${change} in the middle`).toBeLessThan(work.entries * 0.8);
        } else expect(work.skimmed, `${change} at the end`).toBeGreaterThan(work.entries * 0.95);
      }
    }
    // A document added after every other: its units come after every list's entries, all of them skimmed.
    const added = [...entries, { doc: { ...entries[0].doc, id: 'zz-added' }, units: entries[0].units.map((u) => ({ ...u })) }];
    const { corpus, oldOf } = corpusOf(added, entries);
    const work = { entries: 0, decoded: 0, skimmed: 0 };
    expect(filesOf(updatedIndexData(corpus, oldOf, previousOf(before), SHARD, SHARD, work)!, previousOf(before))).toEqual(filesOf(buildIndexData(corpus, 'counting', SHARD, SHARD)));
    expect(work.decoded).toBe(0);
    expect(work.skimmed).toBe(work.entries);
    expect(work.entries).toBeGreaterThan(100_000);
  });

  it('with nothing kept, or nothing changed, gives a full build', () => {
    const { corpus } = corpusOf(entries);
    const before = buildIndexData(corpus, 'counting', SHARD, SHARD);
    const full = filesOf(before);
    expect(filesOf(updatedIndexData(corpus, new Int32Array(corpus.units.length).fill(-1), previousOf(before), SHARD, SHARD)!, previousOf(before))).toEqual(full);
    const work = { entries: 0, decoded: 0, skimmed: 0 };
    expect(filesOf(updatedIndexData(corpus, Int32Array.from(corpus.units, (_, u) => u), previousOf(before), SHARD, SHARD, work)!, previousOf(before))).toEqual(full);
    // Nothing changed: each list's first entry decoded and the rest copied unread, none skimmed entry by entry.
    const terms = before.index.uni.length + before.index.bi.length / 2;
    expect(work.decoded).toBe(terms);
    expect(work.skimmed).toBe(0);
  });

  it('every document removed but one, and a corpus of one unit', () => {
    const one = [entries[3]];
    const before = buildIndexData(corpusOf(entries).corpus, 'counting', SHARD, SHARD);
    const { corpus, oldOf } = corpusOf(one, entries);
    expect(filesOf(updatedIndexData(corpus, oldOf, previousOf(before), SHARD, SHARD)!, previousOf(before))).toEqual(filesOf(buildIndexData(corpus, 'counting', SHARD, SHARD)));
    const single = [{ doc: entries[0].doc, units: [entries[0].units[0]] }];
    const again = corpusOf(single, one);
    const prev = buildIndexData(corpus, 'counting', SHARD, SHARD);
    expect(filesOf(updatedIndexData(again.corpus, again.oldOf, previousOf(prev), SHARD, SHARD)!, previousOf(prev))).toEqual(filesOf(buildIndexData(again.corpus, 'counting', SHARD, SHARD)));
  });

  it('kept units out of their old order: null, for the caller to build the index whole', () => {
    const swapped = [entries[1], entries[0], ...entries.slice(2)];
    const before = buildIndexData(corpusOf(entries).corpus, 'counting', SHARD, SHARD);
    const { corpus, oldOf } = corpusOf(swapped, entries);
    expect(updatedIndexData(corpus, oldOf, previousOf(before), SHARD, SHARD)).toBeNull();
    // An old unit named twice, or past the old count, is out of order too.
    const twice = Int32Array.from(oldOf.map((_, u) => (u < 2 ? 0 : -1)));
    expect(updatedIndexData(corpus, twice, previousOf(before), SHARD, SHARD)).toBeNull();
    const past = new Int32Array(corpus.units.length).fill(-1);
    past[0] = before.index.unitCount;
    expect(updatedIndexData(corpus, past, previousOf(before), SHARD, SHARD)).toBeNull();
  });

  it('a previous index cut short or not matching its shards fails, and names what', () => {
    const { corpus } = corpusOf(entries);
    const before = buildIndexData(corpus, 'counting', SHARD, SHARD);
    const keep = Int32Array.from(corpus.units, (_, u) => u);
    const cut = previousOf(before);
    expect(() => updatedIndexData(corpus, keep, { ...cut, postings: cut.postings.subarray(0, cut.postings.length - 40) }, SHARD, SHARD)).toThrow();
    expect(() => updatedIndexData(corpus, keep, { ...cut, positions: cut.positions.subarray(0, cut.positions.length - 40) }, SHARD, SHARD)).toThrow();
    const texts = textShardsOf(before);
    expect(() => previousIndex(before.index, at(postingBytes(before).slice(1)), at(positionBytes(before)), texts)).toThrow(SearchIndexDamaged);
    expect(() => previousIndex(before.index, at(postingBytes(before)), at(positionBytes(before).slice(0, -1)), texts)).toThrow(SearchIndexDamaged);
    // A shard the index lists and the reader does not have (its last): said, not read as undefined.
    expect(() => previousIndex(before.index, at(postingBytes(before).slice(0, -1)), at(positionBytes(before)), texts)).toThrow(/does not list these shards/);
    expect(() => previousIndex(before.index, at(postingBytes(before)), at(positionBytes(before).slice(0, -1)), texts)).toThrow(/does not list these shards/);
    const moved = positionBytes(before).map((p, k) => (k === 1 ? { ...p, from: p.from + 1 } : p));
    expect(() => previousIndex(before.index, at(postingBytes(before)), at(moved), texts)).toThrow(/position shard 1/);
    const movedPostings = postingBytes(before).map((p, k) => (k === 2 ? { ...p, from: p.from - 1 } : p));
    expect(() => previousIndex(before.index, at(movedPostings), at(positionBytes(before)), texts)).toThrow(/posting shard 2/);
    // Two lists' lengths swapped (the total right): the lists do not end where the index says.
    const lens = new Int32Array(before.index.uni.length + before.index.bi.length / 2);
    decodeInts(before.index.lens, 0, lens.length, lens, false);
    const k = lens.findIndex((n, i) => i > 0 && n !== lens[i - 1]);
    [lens[k - 1], lens[k]] = [lens[k], lens[k - 1]];
    const swapped = { ...cut, index: { ...before.index, lens: encodeInts(lens) } };
    expect(() => updatedIndexData(corpus, keep, swapped, SHARD, SHARD)).toThrow(/not as long as the index says/);
    // A byte no number has, in a string that would be copied whole: refused, not carried into the new index.
    const foreign = positionBytes(before);
    foreign[0].bytes[3] = 0x7e;
    expect(() => previousIndex(before.index, at(postingBytes(before)), at(foreign), texts)).toThrow(/no number has/);
  });
});

describe('a rebuild’s text shards', () => {
  /**
   * The corpus of `list` whose kept units' fields are read through `seen` (told each old unit read), as the CLI's
   * stored records are: but a document's first path, which the units' file lists (encodeUnits).
   */
  function watched(list: Entry[], seen: (old: number) => void): { corpus: SearchCorpus; oldOf: Int32Array } {
    const { corpus, oldOf } = corpusOf(list, entries);
    corpus.units = corpus.units.map((u, i) => {
      if (oldOf[i] < 0) return u;
      const get = <T>(v: T) => () => (seen(oldOf[i]), v);
      const firstOfDoc = i === 0 || corpus.units[i - 1].doc !== u.doc;
      return Object.defineProperties({ doc: u.doc } as SearchUnitRecord, { text: { get: get(u.text) }, path: firstOfDoc ? { value: u.path } : { get: get(u.path) }, trail: { get: get(u.trail) }, opening: { get: get(u.opening) } });
    });
    return { corpus, oldOf };
  }
  const moved = (b: UpdatedIndex) => b.texts.flatMap((t, k) => ('was' in t ? [{ k, was: t.was, from: t.from, linked: t.sha256 !== undefined }] : []));

  it('one document grows by a unit: shards before it linked as they were, after it moved a unit on, unread; the full build’s bytes', () => {
    const before = buildIndexData(corpusOf(entries).corpus, 'counting', SHARD, SHARD);
    expect(before.texts.length).toBeGreaterThan(8);
    const at = Math.floor(entries.length / 2);
    const after = [...entries];
    after[at] = { doc: after[at].doc, units: [...after[at].units, { ...after[at].units[0], text: '本办法自印发之日起施行。' }] };
    const read = new Set<number>();
    const { corpus, oldOf } = watched(after, (o) => read.add(o));
    const shardsRead: number[] = [];
    const prev = previousOf(before, (k) => shardsRead.push(k));
    const updated = updatedIndexData(corpus, oldOf, prev, SHARD, SHARD)!;
    // No shard file is read until its file is asked for.
    expect(shardsRead).toEqual([]);
    const readByUpdate = [...read];
    const full = buildIndexData(corpus, 'counting', SHARD, SHARD);
    expect(filesOf(updated, prev)).toEqual(filesOf(full));
    const m = moved(updated);
    const changedFrom = corpus.units.findIndex((u) => u.doc === at);
    // Before the changed document: each shard is the previous one in its place, linked by its hash.
    const inPlace = m.filter((s) => s.linked);
    expect(inPlace.length).toBeGreaterThan(0);
    for (const s of inPlace) expect([s.was, s.from]).toEqual([s.k, before.index.shards[s.k]]);
    expect(Math.max(...inPlace.map((s) => updated.index.shards[s.k + 1]))).toBeLessThanOrEqual(changedFrom);
    // After it: previous shards moved one unit on (and one shard on or back, where the cuts moved), not linked.
    const shifted = m.filter((s) => !s.linked);
    expect(shifted.length).toBeGreaterThan(0);
    for (const s of shifted) expect(s.from).toBe(before.index.shards[s.was] + 1);
    // Made here: the changed document's shard, and those until the cuts meet the previous ones again: a few.
    const made = updated.texts.length - m.length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(updated.texts.length / 3);
    // A kept unit's fields were read only where its shard was made here.
    const madeUnits = new Set<number>();
    updated.texts.forEach((t, k) => {
      if (!('was' in t)) for (let u = updated.index.shards[k]; u < updated.index.shards[k + 1]; u++) if (oldOf[u] >= 0) madeUnits.add(oldOf[u]);
    });
    expect(readByUpdate.length).toBeGreaterThan(0);
    for (const o of readByUpdate) expect(madeUnits.has(o), `old unit ${o} read`).toBe(true);
    // Only the shifted shards' files are read to be written; those in place are linked unread.
    shardsRead.length = 0;
    filesOf(updated, prev);
    expect(new Set(shardsRead)).toEqual(new Set(m.map((s) => s.was)));
    shardsRead.length = 0;
    const stream = [...shardFileStream(updated, prev.texts)];
    expect(new Set(shardsRead)).toEqual(new Set(shifted.map((s) => s.was)));
    for (const s of inPlace) expect(stream[s.k]).toMatchObject({ path: `texts-${s.k}.json`, sha256: textShardsOf(before).sha256(s.k) });
  });

  it('one document rewritten, its unit count the same: every other shard in its place', () => {
    const before = buildIndexData(corpusOf(entries).corpus, 'counting', SHARD, SHARD);
    const at = Math.floor(entries.length / 3);
    const after = [...entries];
    after[at] = { doc: after[at].doc, units: after[at].units.map((u, i) => (i === 0 ? { ...u, text: `${u.text}，并报上级主管部门备案` } : u)) };
    const { corpus, oldOf } = corpusOf(after, entries);
    const prev = previousOf(before);
    const updated = updatedIndexData(corpus, oldOf, prev, SHARD, SHARD)!;
    expect(filesOf(updated, prev)).toEqual(filesOf(buildIndexData(corpus, 'counting', SHARD, SHARD)));
    const m = moved(updated);
    expect(m.every((s) => s.linked)).toBe(true);
    expect(updated.texts.length - m.length).toBe(1);
  });

  it('a document added after every other: the previous last shard is made again, not moved, to take it', () => {
    const before = buildIndexData(corpusOf(entries).corpus, 'counting', SHARD, SHARD);
    const last = before.texts.length - 1;
    const added = [...entries, { doc: { ...entries[0].doc, id: 'zz-added' }, units: [entries[0].units[0]].map((u) => ({ ...u, text: '附件' })) }];
    const { corpus, oldOf } = corpusOf(added, entries);
    const prev = previousOf(before);
    const updated = updatedIndexData(corpus, oldOf, prev, SHARD, SHARD)!;
    const full = buildIndexData(corpus, 'counting', SHARD, SHARD);
    expect(filesOf(updated, prev)).toEqual(filesOf(full));
    // The previous last shard's units are the start of the last one now, with the new document's unit after them.
    expect(updated.texts.length).toBe(before.texts.length);
    expect(updated.texts[last]).not.toHaveProperty('was');
    expect(moved(updated).map((s) => s.k)).toEqual(Array.from({ length: last }, (_, k) => k));
    // Removed again: the last shard is the previous one's units, which end the corpus as before: moved.
    const fullPrev = previousOf(full);
    const back = updatedIndexData(corpusOf(entries).corpus, Int32Array.from(oldOf.subarray(0, oldOf.length - 1)), fullPrev, SHARD, SHARD)!;
    expect(filesOf(back, fullPrev)).toEqual(filesOf(before));
  });

  it('a shard file that does not start as the index says is refused, naming it, when its file is made', () => {
    const before = buildIndexData(corpusOf(entries).corpus, 'counting', SHARD, SHARD);
    const after = [...entries];
    after[0] = { doc: after[0].doc, units: [...after[0].units, { ...after[0].units[0], text: '附件' }] };
    const { corpus, oldOf } = corpusOf(after, entries);
    const prev = previousOf(before);
    // Shard 3's file holds shard 4's JSON: the same format, another `from`.
    const swapped = { ...prev, texts: { ...prev.texts, bytes: (k: number) => prev.texts.bytes(k === 3 ? 4 : k) } };
    const updated = updatedIndexData(corpus, oldOf, swapped, SHARD, SHARD)!;
    expect(moved(updated).some((s) => s.was === 3)).toBe(true);
    expect(() => shardFiles(updated, swapped.texts)).toThrow(SearchIndexDamaged);
    expect(() => shardFiles(updated, swapped.texts)).toThrow(/texts-3\.json/);
    // Without the previous shards at hand, a moved one cannot be made: said, not written empty.
    expect(() => shardFiles(updated)).toThrow(/no previous shard/);
  });
});
