import { beforeEach, describe, expect, it } from 'vitest';
import { buildSearchArtifacts } from './artifacts.js';
import { buildIndexData, shardFiles } from './build.js';
import { normalizeUnitText, phraseTerms } from './tokenizer.js';
import { flattenCorpus } from './corpus-units.js';
import { runSearch, SearchEngine } from './engine.js';
import { SearchIndexDamaged, ShardMissing } from './shard-reader.js';
import { CancellationToken, CancellationTokenSource, isCancelled } from '../util/cancellation.js';
import { DOCS, sampleEngine } from '../../test-support/search-engine-fixtures.js';

// The engine with its shards arriving later, as in the worker: cancellation, text shards, posting shards.

let E: SearchEngine;
beforeEach(() => {
  E = sampleEngine();
});

describe('cancellable search (the worker\'s running query)', () => {
  it('runs in steps and gives the same result as search()', async () => {
    let pauses = 0;
    const r = await runSearch(E, '融资担保', { perDoc: 3 }, CancellationToken.None, async () => void pauses++);
    expect(r).toEqual(E.search('融资担保', { perDoc: 3 }));
    // Candidates, facets, ranking: a newer query can step in between them (no further pause: every text is at hand).
    expect(pauses).toBe(3);
  });

  it('stops at its next step when a newer query cancels it, whichever step it is at', async () => {
    for (let at = 0; at < 3; at++) {
      const source = new CancellationTokenSource();
      let pauses = 0;
      const p = runSearch(E, '融资担保', {}, source.token, async () => {
        // The message that cancels arrives while the worker pauses.
        if (pauses++ === at) source.cancel();
      });
      await expect(p).rejects.toSatisfy(isCancelled);
      expect(pauses).toBe(at + 1);
    }
    const cancelled = new CancellationTokenSource();
    cancelled.cancel();
    await expect(runSearch(E, '融资担保', {}, cancelled.token, async () => undefined)).rejects.toSatisfy(isCancelled);
  });
});

describe('text shards (the worker holds only what queries need)', () => {
  // One document per shard: shard starts fall on document boundaries.
  const flat = flattenCorpus(DOCS);
  // One document per text shard, and posting shards of about 100 characters.
  const built = buildIndexData(flat, 'counting', 1, 100);
  /** The document of unit i, from the flattened corpus the index was built from. */
  const docOf = (i: number) => flat.units[i].doc;
  const files = shardFiles(built);
  const shardJson = (file: string) => files[file];
  const withTexts = Object.fromEntries(buildSearchArtifacts(DOCS).map((f) => [f.path, f.data]));
  const full = SearchEngine.fromFiles((p) => withTexts[p]);

  it('splits the texts by document range', () => {
    expect(built.texts.length).toBe(DOCS.filter((d) => d.units.length).length);
    const docsOfShard = built.texts.map((t) => new Set(t.texts.map((_, i) => docOf(t.from + i))));
    for (const s of docsOfShard) expect(s.size).toBe(1);
  });

  it('reads only the shards of the candidates it verifies and shows', () => {
    const reads: string[] = [];
    const E2 = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => {
      reads.push(file);
      return shardJson(file);
    });
    expect(reads).toEqual([]);
    // 告知承诺制 is in two documents (a-qd, b-sd): their shards, not c-sh's or d-lab's.
    const r = E2.search('告知承诺制');
    expect(r).toEqual(SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), files).search('告知承诺制'));
    const shardOf = (docId: string) => built.texts.findIndex((t) => flat.docs[docOf(t.from)].id === docId);
    expect(new Set(reads.filter((f) => f.startsWith('texts-')))).toEqual(new Set([`texts-${shardOf('a-qd')}.json`, `texts-${shardOf('b-sd')}.json`]));
  });

  it('fetches missing shards asynchronously, all at once, and gives the same result; trim bounds what it keeps', async () => {
    const E3 = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index));
    const fetched: string[][] = [];
    let batch: string[] = [];
    const r = await runSearch(E3, '融资担保 OR 告知承诺制', { perDoc: 3 }, CancellationToken.None, async () => undefined, async (file) => {
      batch.push(file);
      await Promise.resolve();
      if (batch.length) fetched.push(batch);
      batch = [];
      return shardJson(file);
    });
    expect(r).toEqual(full.search('融资担保 OR 告知承诺制', { perDoc: 3 }));
    expect(fetched.length).toBeGreaterThan(0);
    // Both phrases' posting and position shards come in the first batch, together.
    const lists = (b: string[]) => b.filter((f) => f.startsWith('postings-') || f.startsWith('positions-'));
    expect(lists(fetched[0]).length).toBeGreaterThan(0);
    expect(fetched.slice(1).flatMap(lists)).toEqual([]);
    // Every shard loaded is one whose document has a hit.
    const hitDocs = new Set(r.hits.map((h) => h.docId));
    const loaded = built.texts.map((_, k) => k).filter((k) => E3.texts.isLoaded(k));
    for (const k of loaded) expect(hitDocs.has(flat.docs[docOf(built.texts[k].from)].id)).toBe(true);
    expect(E3.texts.heldChars()).toBeGreaterThan(0);
    E3.texts.trim(0);
    // The most recent shard stays, the rest go.
    expect(built.texts.map((_, k) => k).filter((k) => E3.texts.isLoaded(k))).toHaveLength(1);
  });

  it('waits for the shown hits\' texts and goes on from there, not from the start', async () => {
    // Postings and positions at hand, texts not: the query ranks, then needs the shown hits' texts.
    const E4 = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => (file.startsWith('texts-') ? undefined : shardJson(file)));
    const events: string[] = [];
    const r = await runSearch(E4, '告知承诺制', { perDoc: 3 }, CancellationToken.None, async () => void events.push('pause'), async (file) => {
      events.push(file);
      return shardJson(file);
    });
    expect(r).toEqual(full.search('告知承诺制', { perDoc: 3 }));
    const fetchedAt = events.findIndex((e) => e.startsWith('texts-'));
    const fetchedTexts = (list: string[]) => list.filter((e) => e.startsWith('texts-'));
    // Candidates, facets and ranking once each before the texts are asked for; nothing is run again after them.
    expect(events.slice(0, fetchedAt)).toEqual(['pause', 'pause', 'pause']);
    expect(events.slice(fetchedAt).every((e) => e.startsWith('texts-'))).toBe(true);
    expect(events.length - fetchedAt).toBe(2);
    // A synchronous search cannot wait: it names the shards it needs.
    const E5 = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => (file.startsWith('texts-') ? undefined : shardJson(file)));
    expect(() => E5.search('告知承诺制')).toThrow(ShardMissing);
    // Nor can runSearch without a way to fetch: it names the files.
    await expect(runSearch(E5, '告知承诺制', {}, CancellationToken.None, async () => undefined)).rejects.toMatchObject({ files: fetchedTexts(events) });
    // The corpus's very first unit shown is waited for like any other (unit 0 is a unit).
    const first = normalizeUnitText(flat.units[0].text).norm.split('\n')[0].slice(0, 6);
    const E6 = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => (file.startsWith('texts-') ? undefined : shardJson(file)));
    const seen: string[] = [];
    const r6 = await runSearch(E6, `"${first}"`, {}, CancellationToken.None, async () => void seen.push('pause'), async (file) => (seen.push(file), shardJson(file)));
    expect(r6.hits.some((h) => h.unit === 0)).toBe(true);
    expect(seen.slice(seen.findIndex((e) => e.startsWith('texts-'))).every((e) => e.startsWith('texts-'))).toBe(true);
  });

  it('reads the texts of the hits it shows only, for words of two characters or more, with other words and exclusions', () => {
    const shardOfUnit = (u: number) => built.texts.findIndex((t, k) => u >= t.from && u < (built.texts[k + 1]?.from ?? Infinity));
    for (const query of ['告知承诺制', '融资 担保', '融资担保 -补贴', '"承诺" 告知 OR 融资']) {
      const reads: string[] = [];
      const E2 = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => (reads.push(file), shardJson(file)));
      const r = E2.search(query, { limit: 1 });
      expect(r, query).toEqual(full.search(query, { limit: 1 }));
      expect(r.total, query).toBeGreaterThan(1);
      const shown = r.hits.filter((h) => h.unit >= 0).map((h) => `texts-${shardOfUnit(h.unit)}.json`);
      expect([query, reads.filter((f) => f.startsWith('texts-'))], query).toEqual([query, shown]);
    }
  });

  it('refuses a shard that does not match the index', () => {
    const bad = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => (file === 'texts-0.json' ? JSON.stringify({ ...built.texts[0], from: 3 }) : shardJson(file)));
    expect(() => bad.search('告知承诺制', { limit: 100 })).toThrow(/does not match the index/);
  });
});

describe('posting shards (the index is read by term range, only for the terms a query looks up)', () => {
  const flat = flattenCorpus(DOCS);
  // Posting shards of about 30 characters: this small corpus's lists come to some 500.
  const built = buildIndexData(flat, 'counting', 1, 30);
  const files = shardFiles(built);
  const full = SearchEngine.fromFiles((p) => Object.fromEntries(buildSearchArtifacts(DOCS).map((f) => [f.path, f.data]))[p]);
  /** The posting shard holding a term: shard k holds term ids postingShards[k] … postingShards[k+1] − 1. */
  const shardOfTerm = (term: string) => {
    const uni = built.index.uni;
    const bi = built.index.bi;
    let id = term.length === 1 ? uni.indexOf(term) : -1;
    if (term.length === 2) for (let k = 0; k < bi.length; k += 2) if (bi.slice(k, k + 2) === term) id = uni.length + k / 2;
    expect(id, term).toBeGreaterThanOrEqual(0);
    const starts = built.index.postingShards;
    let k = 0;
    while (starts[k + 1] <= id) k++;
    return `postings-${k}.json`;
  };

  it('splits the lists by term range, and each term read from its shard lists exactly the units whose text holds it', () => {
    expect(built.postings.length).toBeGreaterThan(5);
    expect(Object.keys(built.index)).not.toContain('postings');
    expect(built.postings.map((p) => p.from)).toEqual(built.index.postingShards.slice(0, -1));
    const E = SearchEngine.fromJSON(built.units, built.index, files);
    const norms = flat.units.map((u) => normalizeUnitText(u.text).norm);
    for (const term of ['告知', '承诺', '担保', '融资', '条', '第']) {
      const expected = norms.map((t, i) => (t.includes(term) ? i : -1)).filter((i) => i >= 0);
      expect(expected.length, term).toBeGreaterThan(0);
      expect(Array.from(E.matchPhrase(term)), term).toEqual(expected);
    }
  });

  it('reads the posting shards of the terms a phrase looks up, not the others, and finds what the whole index finds', () => {
    const reads: string[] = [];
    const E = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => {
      reads.push(file);
      return files[file];
    });
    expect(E.search('告知承诺制')).toEqual(full.search('告知承诺制'));
    const read = new Set(reads.filter((f) => f.startsWith('postings-')));
    // The five bigrams' shards hold every shard read (the engine intersects the rarest few of them).
    const possible = new Set(phraseTerms('告知承诺制').map(shardOfTerm));
    expect(read.size).toBeGreaterThan(0);
    for (const f of read) expect(possible.has(f), f).toBe(true);
    expect(read.size).toBeLessThan(built.postings.length);
  });

  it('fetches missing posting shards asynchronously, all a phrase needs in one batch, and gives the same result; trim bounds them', async () => {
    const E = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index));
    const batches: string[][] = [];
    let batch: string[] = [];
    const r = await runSearch(E, '融资担保', {}, CancellationToken.None, async () => undefined, async (file) => {
      batch.push(file);
      await Promise.resolve();
      if (batch.length) batches.push(batch);
      batch = [];
      return files[file];
    });
    expect(r).toEqual(full.search('融资担保'));
    // The first fetch brings the posting and position shards: every one that 融资担保's lists need at once.
    expect(batches[0].every((f) => f.startsWith('postings-') || f.startsWith('positions-'))).toBe(true);
    expect(batches[0].some((f) => f.startsWith('positions-'))).toBe(true);
    expect(batches.slice(1).some((b) => b.some((f) => f.startsWith('postings-') || f.startsWith('positions-')))).toBe(false);
    const loaded = built.postings.map((_, k) => k).filter((k) => E.postings.isLoaded(k));
    const placed = built.positions.map((_, k) => k).filter((k) => E.positions.isLoaded(k));
    expect(loaded.length + placed.length).toBe(batches[0].length);
    expect(E.postings.heldChars()).toBeGreaterThan(0);
    E.postings.trim(0);
    expect(built.postings.map((_, k) => k).filter((k) => E.postings.isLoaded(k))).toHaveLength(1);
    // What was dropped is fetched again when a query needs it.
    expect(await runSearch(E, '融资担保', {}, CancellationToken.None, async () => undefined, async (file) => files[file])).toEqual(r);
  });

  it('refuses a position shard that does not match the index, naming it, and an index whose position shards do not cover its bigrams', () => {
    const edit = (change: (p: { lens: string; positions: string; from: number; v: number }) => object) =>
      SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) => (file.startsWith('positions-') ? JSON.stringify(change(JSON.parse(files[file]))) : files[file]));
    /** What searching with the changed shards throws: a SearchIndexDamaged naming a position shard (the app says which file). */
    const refusal = (change: Parameters<typeof edit>[0]) => {
      try {
        edit(change).search('告知承诺制');
      } catch (e) {
        return e instanceof SearchIndexDamaged ? [e.file?.replace(/\d+/, 'K'), e.message.replace(/\d+/, 'K')] : e;
      }
      return 'no error';
    };
    expect(edit((p) => p).search('告知承诺制').total).toBeGreaterThan(0);
    const mismatch = ['positions-K.json', 'search position shard positions-K.json does not match the index: rebuild the corpus (npm run build:corpus)'];
    expect(refusal((p) => ({ ...p, positions: p.positions.slice(1) }))).toEqual(mismatch);
    expect(refusal((p) => ({ ...p, lens: p.lens + 'A' }))).toEqual(mismatch);
    expect(refusal((p) => ({ ...p, from: p.from + 1 }))).toEqual(mismatch);
    expect(refusal((p) => ({ ...p, v: 7 }))).toEqual(mismatch);
    expect(refusal((p) => ({ ...p, lens: [1, 2] }))).toEqual(mismatch);
    expect(refusal((p) => ({ ...p, positions: null }))).toEqual(mismatch);
    expect(refusal(() => null as unknown as object)).toEqual(mismatch);
    // Counts that claim more places than the string holds: damaged, not read past its end.
    expect(refusal((p) => ({ ...p, positions: 'Z'.repeat(p.positions.length) }))).toEqual(['positions-K.json', 'search position shard positions-K.json is damaged']);
    const starts = built.index.positionShards;
    expect(() => SearchEngine.fromJSON(built.units, { ...built.index, positionShards: starts.slice(0, -1) })).toThrow(SearchIndexDamaged);
    expect(() => SearchEngine.fromJSON(built.units, { ...built.index, positionShards: starts.slice(0, -1) })).toThrow(/position shards/);
    expect(() => SearchEngine.fromJSON(built.units, { ...built.index, positionShards: [0, ...starts.slice(1)] })).toThrow(/position shards/);
  });

  it('refuses index.json or units.json cut short, or not an object, naming the file (the app says it in Chinese)', () => {
    const units = JSON.stringify(built.units);
    const index = JSON.stringify(built.index);
    const refused = (u: string, i: string) => {
      try {
        SearchEngine.fromJSON(u, i);
        return 'loaded';
      } catch (e) {
        return e instanceof SearchIndexDamaged ? e.file : String(e);
      }
    };
    expect(refused(units, index)).toBe('loaded');
    expect(refused(units.slice(0, units.length >> 1), index)).toBe('units.json');
    expect(refused(units, index.slice(0, 100))).toBe('index.json');
    expect(refused('null', index)).toBe('units.json');
    expect(refused(units, '42')).toBe('index.json');
    expect(refused(units, '')).toBe('index.json');
    expect(refused('"units"', index)).toBe('units.json');
    expect(() => SearchEngine.fromJSON(units, '[')).toThrow('index.json is not a JSON object');
  });

  it('names every posting and position shard a phrase needs in one batch, and keeps the positions within a budget', () => {
    const E = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index));
    let asked: string[] = [];
    try {
      E.occurrences('融资担保');
    } catch (e) {
      asked = (e as ShardMissing).files;
    }
    // 融资 and 担保: their posting shards and their position shards, all at once.
    expect(asked.filter((f) => f.startsWith('postings-')).length).toBeGreaterThan(0);
    expect(asked.filter((f) => f.startsWith('positions-')).length).toBeGreaterThan(0);
    for (const f of asked) E.putShard(f, files[f]);
    expect(Array.from(E.occurrences('融资担保').units)).toEqual(Array.from(full.matchPhrase('融资担保')));
    expect(E.positions.heldChars()).toBeGreaterThan(0);
    const placed = () => built.positions.map((_, k) => k).filter((k) => E.positions.isLoaded(k));
    expect(placed().length).toBe(asked.filter((f) => f.startsWith('positions-')).length);
    E.positions.trim(0);
    expect(placed()).toHaveLength(1);
    E.positions.trim(1e9);
    expect(placed()).toHaveLength(1);
  });

  it('refuses a posting shard that does not match the index, and an index whose shards do not cover its terms', () => {
    const cut = SearchEngine.fromJSON(JSON.stringify(built.units), JSON.stringify(built.index), (file) =>
      file.startsWith('postings-') ? JSON.stringify({ ...JSON.parse(files[file]), postings: JSON.parse(files[file]).postings.slice(1) }) : files[file],
    );
    expect(() => cut.search('告知承诺制')).toThrow(/posting shard postings-\d+\.json does not match the index/);
    const starts = built.index.postingShards;
    expect(() => SearchEngine.fromJSON(built.units, { ...built.index, postingShards: starts.slice(0, -1) })).toThrow(/posting shards/);
    expect(() => SearchEngine.fromJSON(built.units, { ...built.index, postingShards: [1, ...starts.slice(1)] })).toThrow(/posting shards/);
  });
});
