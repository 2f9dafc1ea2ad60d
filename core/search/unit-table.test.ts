import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build.js';
import { flattenCorpus, type SearchCorpus } from './corpus-units.js';
import { encodeNames, encodeUnits, UnitNames, UnitTable } from './unit-table.js';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const RAW = path.join(import.meta.dirname, '..', '..', 'test-data', 'realtext', 'raw');

// Real laws printed and extracted (a compilation of several, with 章/条/款 and label-only articles) and a notice.
const files = ['040_L09-compilation-pages.txt', '000_L01-note-gap.txt'].map((name) => ({ name, bytes: readFileSync(path.join(RAW, name)) }));
const corpus = flattenCorpus(buildCorpus(files, sha).docs);

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const idOf = (c: SearchCorpus, i: number) => `${c.docs[c.units[i].doc].id}~${c.units[i].path}`;

describe('the unit list of the search index', () => {
  it('gives back every unit’s document', () => {
    const table = new UnitTable(roundTrip(encodeUnits(corpus, 9)), corpus.docs.length);
    expect(table.count).toBe(corpus.units.length);
    expect(corpus.units.length).toBeGreaterThan(300);
    corpus.units.forEach((u, i) => expect(table.doc[i]).toBe(u.doc));
    const docOf = corpus.units.map((u) => u.doc);
    corpus.docs.forEach((_, d) => expect([table.start(d), table.start(d + 1)]).toEqual([docOf.indexOf(d), docOf.lastIndexOf(d) + 1]));
    corpus.docs.forEach((_, d) => expect(table.firstPath(d)).toBe(corpus.units[docOf.indexOf(d)].path));
  });

  it('names no first unit for a document without units, and refuses units out of document order', () => {
    const three: SearchCorpus = { docs: corpus.docs.slice(0, 3), units: [{ doc: 0, path: 'p1', text: '', trail: [] }, { doc: 2, path: 'ar1', text: '', trail: [] }] };
    const table = new UnitTable(roundTrip(encodeUnits(three, 9)), 3);
    expect([0, 1, 2].map((d) => table.firstPath(d))).toEqual(['p1', '', 'ar1']);
    expect([0, 1, 2, 3].map((d) => table.start(d))).toEqual([0, 1, 1, 2]);
    expect(() => encodeUnits({ ...three, units: [...three.units].reverse() }, 9)).toThrow('search units must be in document order');
    // Documents and no unit at all (a user's files that are all title): a table of none.
    const none = new UnitTable(roundTrip(encodeUnits({ docs: three.docs, units: [] }, 9)), 3);
    expect([none.count, none.start(0), none.start(3), none.firstPath(1)]).toEqual([0, 0, 0, '']);
  });

  it('refuses a damaged list with an error instead of hanging or giving wrong units', () => {
    const good = encodeUnits(corpus, 9);
    const damaged = [{ ...good, perDoc: good.perDoc.slice(0, -1) }, { ...good, perDoc: '!' + good.perDoc }, { ...good, count: good.count + 1 }, { ...good, count: good.count - 1 }, { ...good, firstPaths: good.firstPaths.slice(1) }, { ...good, firstPaths: [...good.firstPaths, 'p1'] }, { ...good, firstPaths: [1, ...good.firstPaths.slice(1)] }, { ...good, firstPaths: undefined }, { ...good, count: -1 }, { ...good, count: 1.5 }];
    for (const d of damaged) expect(() => new UnitTable(d as never, corpus.docs.length)).toThrow('search index does not match its unit list');
    // A unit list of another number of documents than the document columns.
    for (const docCount of [corpus.docs.length - 1, corpus.docs.length + 1]) expect(() => new UnitTable(good, docCount)).toThrow('search index does not match its unit list');
  });
});

describe('the units’ names (paths and trails, in their text shards)', () => {
  it('gives back every unit’s id and trail, in runs cut anywhere between documents', () => {
    expect(corpus.units.some((u) => u.trail.length >= 3)).toBe(true);
    const cuts = [0, ...corpus.units.map((u, i) => i).filter((i) => i > 0 && corpus.units[i].doc !== corpus.units[i - 1].doc), corpus.units.length];
    expect(cuts.length).toBeGreaterThan(3);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const run = corpus.units.slice(cuts[k], cuts[k + 1]);
      const names = new UnitNames(roundTrip(encodeNames(run)), run.length);
      run.forEach((u, i) => {
        expect(`${corpus.docs[u.doc].id}~${names.path(i)}`).toBe(idOf(corpus, cuts[k] + i));
        expect(names.trail(i)).toEqual(u.trail);
      });
    }
    // One run over several documents: each document's first unit spells its path and trail out again.
    const all = new UnitNames(roundTrip(encodeNames(corpus.units)), corpus.units.length);
    corpus.units.forEach((u, i) => expect([all.path(i), all.trail(i)]).toEqual([u.path, u.trail]));
  });

  it('keeps paths and trails that share nothing with the unit before, or only part of a character', () => {
    const odd: SearchCorpus = {
      docs: [corpus.docs[0], corpus.docs[1]],
      units: [
        { doc: 0, path: 'a.b', text: '', trail: ['第一章', '第一条'] },
        { doc: 0, path: 'x', text: '', trail: [] },
        { doc: 0, path: 'x.𠀀1', text: '', trail: ['𠀀'] },
        { doc: 0, path: 'x.𠀁2', text: '', trail: ['𠀁', '第二条'], opening: '𠀀开头' },
        { doc: 1, path: 'x.𠀁2', text: '', trail: ['𠀁', '第二条'] },
      ],
    };
    const names = new UnitNames(roundTrip(encodeNames(odd.units)), 5);
    expect([0, 1, 2, 3, 4].map((i) => names.path(i))).toEqual(odd.units.map((u) => u.path));
    expect([0, 1, 2, 3, 4].map((i) => names.trail(i))).toEqual(odd.units.map((u) => u.trail));
    // A run starting inside a document starts from nothing too.
    const tail = new UnitNames(roundTrip(encodeNames(odd.units.slice(3))), 2);
    expect([tail.path(0), tail.trail(0), tail.path(1)]).toEqual(['x.𠀁2', ['𠀁', '第二条'], 'x.𠀁2']);
  });

  it('codes each path and trail against the unit before in its document only (worked out by hand)', () => {
    const units = [
      { doc: 0, path: 'ch1.ar1', text: '', trail: ['第一章', '第一条'] },
      { doc: 0, path: 'ch1.ar2', text: '', trail: ['第一章', '第二条'] },
      { doc: 1, path: 'ch1.ar1', text: '', trail: ['第一章', '第一条'] },
    ];
    // Paths: 0 shared, 7 follow; 6 shared ("ch1.ar"), 1 follows; a new document: 0, 7 (A = 0, B = 1 …).
    // Trails: 0 shared, 2 follow (labels 0, 1); 1 shared, 1 follows (label 2); a new document: 0, 2, labels 0, 1.
    expect(encodeNames(units)).toEqual({ pathCodes: 'AHGBAH', pathChars: 'ch1.ar12ch1.ar1', labels: ['第一章', '第一条', '第二条'], trailCodes: 'ACABBBCACAB' });
    const empty = encodeNames([]);
    expect(empty).toEqual({ pathCodes: '', pathChars: '', labels: [], trailCodes: '' });
    expect(() => new UnitNames(empty, 0)).not.toThrow();
  });

  it('refuses damaged names with an error instead of hanging or giving wrong ids', () => {
    const run = corpus.units.slice(0, 40);
    const good = encodeNames(run);
    const n = run.length;
    expect([good.pathCodes[0], good.trailCodes[0]]).toEqual(['A', 'A']); // VLQ 0: the first unit shares nothing
    const damaged = [
      { ...good, pathCodes: good.pathCodes.slice(0, 10) },
      { ...good, pathCodes: good.pathCodes + 'A' },
      { ...good, pathChars: good.pathChars.slice(1) },
      { ...good, pathChars: 5 },
      { ...good, trailCodes: good.trailCodes + 'A' },
      { ...good, trailCodes: good.trailCodes.slice(0, -1) },
      { ...good, labels: good.labels.slice(0, 1) },
      // One label short: the last label's index is then the list's length.
      { ...good, labels: good.labels.slice(0, -1) },
      { ...good, labels: 'x' },
      // The first unit of a run shares nothing with a unit before it: a path or trail that says it does points outside the run.
      { ...good, pathCodes: 'C' + good.pathCodes.slice(1) },
      { ...good, trailCodes: 'C' + good.trailCodes.slice(1) },
      null,
    ];
    for (const d of damaged) expect(() => new UnitNames(d as never, n)).toThrow('search index does not match its unit list');
    expect(() => new UnitNames(good, n + 1)).toThrow('search index does not match its unit list');
    expect(new UnitNames(good, n).path(n - 1)).toBe(run[n - 1].path);
  });

  it('decodes every path and trail of a run in one pass as unit by unit', () => {
    // A run starting inside a document (as a text shard's may not), so the first unit spells its path out whole.
    for (const run of [corpus.units, corpus.units.slice(37, 300)]) {
      const names = new UnitNames(roundTrip(encodeNames(run)), run.length);
      const { paths, trails } = names.all();
      expect(paths).toEqual(run.map((u) => u.path));
      expect(trails).toEqual(run.map((u) => u.trail));
      expect(paths).toEqual(run.map((_, i) => names.path(i)));
    }
    expect(new UnitNames(roundTrip(encodeNames([])), 0).all()).toEqual({ paths: [], trails: [] });
  });
});
