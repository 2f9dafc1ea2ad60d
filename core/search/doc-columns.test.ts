import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build.js';
import { docToSearchDoc, type SearchDoc } from './corpus-units.js';
import { decodeDocs, encodeDocs, type SerializedDocs } from './doc-columns.js';
import { SearchIndexDamaged } from './shard-reader.js';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const RAW = path.join(import.meta.dirname, '..', '..', 'test-data', 'realtext', 'raw');

// The real-text set: laws, regulations and notices of many issuers, regions and years, some without a 文号 or a date.
const docs: SearchDoc[] = buildCorpus(
  readdirSync(RAW)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(RAW, name)) })),
  sha,
).docs.map(docToSearchDoc);

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the documents of the search index, in columns', () => {
  it('gives back every document as it was', () => {
    expect(docs.length).toBeGreaterThan(150);
    // The set has what the columns must carry apart: documents with and without a 文号 and a year, several issuers, several regions.
    expect(docs.some((d) => d.docNumber === null) && docs.some((d) => d.docNumber !== null)).toBe(true);
    expect(docs.some((d) => d.year === null) && docs.some((d) => d.year !== null)).toBe(true);
    expect(docs.some((d) => d.issuers.length > 1)).toBe(true);
    expect(docs.some((d) => d.regions.length > 1)).toBe(true);
    expect(decodeDocs(roundTrip(encodeDocs(docs)))).toEqual(docs);
    expect(decodeDocs(roundTrip(encodeDocs([])))).toEqual([]);
  });

  it('keeps each issuer, year, region and kind once', () => {
    const cols = encodeDocs(docs);
    const used = new Set(docs.flatMap((d) => [d.issuer, ...d.issuers, ...(d.year === null ? [] : [d.year]), d.region, ...d.regions, d.kind]));
    expect([...cols.values].sort()).toEqual([...used].sort());
    expect(JSON.stringify(cols).length).toBeLessThan(JSON.stringify(docs).length / 2);
  });

  it('refuses columns that do not fit together, naming units.json', () => {
    const good = roundTrip(encodeDocs(docs));
    const n = docs.length;
    const damaged: unknown[] = [
      null,
      [],
      { ...good, ids: good.ids.slice(1) },
      { ...good, titles: [...good.titles, 'x'] },
      { ...good, ids: [1, ...good.ids.slice(1)] },
      { ...good, values: good.values.slice(0, -1) },
      { ...good, values: 'x' },
      { ...good, facts: good.facts.slice(0, -1) },
      { ...good, facts: `${good.facts}A` },
      { ...good, facts: `!${good.facts}` },
      { ...good, facts: 7 },
      { ...good, numbers: null },
      { ...good, numbers: [] },
      { ...good, numbers: { ...good.numbers, [n]: '国发〔2020〕1号' } },
      { ...good, numbers: { ...good.numbers, '-1': '国发〔2020〕1号' } },
      { ...good, numbers: { ...good.numbers, '01': '国发〔2020〕1号' } },
      { ...good, numbers: { ...good.numbers, 0: 5 } },
    ];
    for (const d of damaged) {
      let err: unknown = null;
      try {
        decodeDocs(d as SerializedDocs);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(d)?.slice(0, 80)).toBeInstanceOf(SearchIndexDamaged);
      expect((err as SearchIndexDamaged).file).toBe('units.json');
    }
  });

  it('refuses a count that runs past the end instead of making a list that large', () => {
    // One document whose issuer list claims more entries than an Int32 holds (it reads as negative).
    const one = encodeDocs(docs.slice(0, 1));
    const facts = `${one.facts.slice(0, 1)}_______B${one.facts.slice(2)}`;
    expect(() => decodeDocs({ ...one, facts })).toThrow('search index does not match its document list');
    // Its issuer, first listed issuer and kind numbered past 2^31: refused, not read as no value.
    for (const at of [0, 2, one.facts.length - 1]) expect(() => decodeDocs({ ...one, facts: `${one.facts.slice(0, at)}_______B${one.facts.slice(at + 1)}` })).toThrow('search index does not match its document list');
  });
});
