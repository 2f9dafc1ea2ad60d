import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build.js';
import { docToSearchDoc, type SearchDoc } from './corpus-units.js';
import { decodeDocs, encodeDocs, type SerializedDocs } from './doc-columns.js';
import { SearchIndexDamaged } from './shard-reader.js';
import { encodeInts } from './codec.js';

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
    // Any document the index may be given (the user's own too): no issuer or region listed, a year, a 文号 of its own.
    const odd: SearchDoc[] = [{ ...docs[0], issuers: [], regions: [], year: '2024', docNumber: '〔2024〕1号' }, { ...docs[1], issuers: [], regions: [], year: null, docNumber: null }];
    expect(decodeDocs(roundTrip(encodeDocs(odd)))).toEqual(odd);
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
      undefined,
      [],
      'x',
      { ...good, titles: undefined },
      { ...good, values: [...good.values.slice(1), 5] },
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
      { ...good, numbers: 'x' },
      { ...good, numbers: undefined },
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

  it('refuses a count that runs past the end, a number past 2^31 and a year past the values, instead of reading them as nothing', () => {
    // Hand-made columns: one document, no issuer or region listed; values 国务院, 2020, 全国, 通知.
    const doc = (facts: number[]) => decodeDocs({ ids: ['a'], titles: ['t'], numbers: {}, values: ['国务院', '2020', '全国', '通知'], facts: encodeInts(facts) });
    expect(doc([0, 0, 2, 2, 0, 3])).toEqual([{ id: 'a', title: 't', issuer: '国务院', issuers: [], docNumber: null, year: '2020', region: '全国', regions: [], kind: '通知' }]);
    expect(doc([0, 0, 0, 2, 0, 3])[0].year).toBeNull();
    expect(doc([0, 0, 4, 2, 0, 3])[0].year).toBe('通知');
    const refused = [
      [0, 0, 5, 2, 0, 3], // a year past the values
      [0, 1_000_000_000, 2, 2, 0, 3], // a count past the end
      [0, 0, 2, 2, 0, 4], // a kind past the values
      [0, 0, 2, 2, 0], // cut short
      [0, 0, 2, 2, 0, 3, 0], // one number too many
    ];
    for (const facts of refused) expect(() => doc(facts), JSON.stringify(facts)).toThrow('search index does not match its document list');
    const big = '_______B';
    // Numbers past 2^31 read as negative: as an issuer, a count, a year.
    const good = encodeInts([0, 0, 2, 2, 0, 3]);
    for (const at of [0, 1, 2]) {
      const facts = good.slice(0, at) + big + good.slice(at + 1);
      expect(() => decodeDocs({ ids: ['a'], titles: ['t'], numbers: {}, values: ['国务院', '2020', '全国', '通知'], facts }), String(at)).toThrow('search index does not match its document list');
    }
    // Each number of a document with two issuers and two regions, in turn past the values, and past 2^31 (read as
    // negative): values 国务院 财政部 2020 全国 北京市 通知; issuer, 2 issuers, year + 1, region, 2 regions, kind.
    const six = ['国务院', '财政部', '2020', '全国', '北京市', '通知'];
    const full = [0, 2, 0, 1, 3, 3, 2, 3, 4, 5];
    const fullDoc = (facts: string) => decodeDocs({ ids: ['a'], titles: ['t'], numbers: {}, values: six, facts });
    expect(fullDoc(encodeInts(full))).toEqual([{ id: 'a', title: 't', issuer: '国务院', issuers: ['国务院', '财政部'], docNumber: null, year: '2020', region: '全国', regions: ['全国', '北京市'], kind: '通知' }]);
    // The first value is a value too, wherever it stands.
    expect(fullDoc(encodeInts([0, 1, 0, 0, 0, 1, 0, 0]))).toEqual([{ id: 'a', title: 't', issuer: '国务院', issuers: ['国务院'], docNumber: null, year: null, region: '国务院', regions: ['国务院'], kind: '国务院' }]);
    // A count past 2^31 where no number follows for its list: refused for the count itself, not the stream's end.
    const plainSix = encodeInts([0, 0, 0, 0, 0, 0]);
    for (const at of [1, 4]) expect(() => fullDoc(plainSix.slice(0, at) + big + plainSix.slice(at + 1)), `count ${at}`).toThrow('search index does not match its document list');
    for (let at = 0; at < full.length; at++) {
      const counted = at === 1 || at === 6;
      // A count one larger shifts every number after it; a value (or a year + 1) one past the values.
      const past = [...full];
      past[at] = counted ? full[at] + 1 : at === 4 ? six.length + 1 : six.length;
      expect(() => fullDoc(encodeInts(past)), `${at} past`).toThrow('search index does not match its document list');
      const plain = encodeInts(full);
      expect(() => fullDoc(plain.slice(0, at) + big + plain.slice(at + 1)), `${at} past 2^31`).toThrow('search index does not match its document list');
    }
  });
});
