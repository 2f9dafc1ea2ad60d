/**
 * The documents of units.json in columns. units.json is read before a fresh tab's first search, and as one
 * JSON object per document (nine keys, an issuer and a region spelled out in full each time) it was 3.1 MB at
 * 10,000 documents, most of it keys and the same few thousand values again and again. Here each document's
 * id and title are strings in two lists, its 文号 is kept only where it has one, and its issuer, year, region
 * and kind are numbers into one list of the values the corpus uses (`values`), so every document that names
 * 国务院 shares one string.
 */
import { countInts, decodeInts, encodeInts } from './codec.js';
import type { SearchDoc } from './corpus-units.js';
import { SEARCH_UNITS_FILE } from './format.js';
import { SearchIndexDamaged } from './shard-reader.js';

export interface SerializedDocs {
  ids: string[];
  titles: string[];
  /** 文号 by document index, for the documents that have one. */
  numbers: Record<string, string>;
  /** Every issuer, year, region and kind value of the corpus, once. */
  values: string[];
  /**
   * VLQ, per document, indexes in `values`: its issuer, how many issuers it lists and each, its year plus one
   * (0: none), its region, how many regions it lists and each, its kind.
   */
  facts: string;
}

/** Refused columns: units.json is damaged or not from this version (the engine names the file). */
export class BadDocs extends SearchIndexDamaged {
  constructor() {
    super('search index does not match its document list', SEARCH_UNITS_FILE);
  }
}

export function encodeDocs(docs: readonly SearchDoc[]): SerializedDocs {
  const ids = new Map<string, number>();
  const id = (v: string) => {
    let i = ids.get(v);
    if (i === undefined) ids.set(v, (i = ids.size));
    return i;
  };
  const numbers: Record<string, string> = {};
  const facts: number[] = [];
  docs.forEach((d, i) => {
    if (d.docNumber !== null) numbers[i] = d.docNumber;
    facts.push(id(d.issuer), d.issuers.length, ...d.issuers.map(id), d.year === null ? 0 : id(d.year) + 1, id(d.region), d.regions.length, ...d.regions.map(id), id(d.kind));
  });
  return { ids: docs.map((d) => d.id), titles: docs.map((d) => d.title), numbers, values: [...ids.keys()], facts: encodeInts(facts) };
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The documents back, or BadDocs for columns that do not fit together. */
export function decodeDocs(data: SerializedDocs): SearchDoc[] {
  const { ids, titles, numbers, values, facts: code } = data ?? ({} as Partial<SerializedDocs>);
  if (!isStrings(ids) || !isStrings(titles) || ids.length !== titles.length || !isStrings(values)) throw new BadDocs();
  if (typeof numbers !== 'object' || numbers === null || typeof code !== 'string') throw new BadDocs();
  const n = countInts(code);
  if (n < 0) throw new BadDocs();
  const facts = new Int32Array(n);
  decodeInts(code, 0, n, facts, false);
  // Past the end, facts[at] is undefined and fails every check; a number past 2^31 reads as negative and fails too.
  let at = 0;
  const value = () => {
    const v = facts[at++];
    if (!(v >= 0 && v < values.length)) throw new BadDocs();
    return values[v];
  };
  // A count too large reads past the end, where value() refuses it.
  const list = () => {
    const length = facts[at++];
    if (!(length >= 0)) throw new BadDocs();
    const out: string[] = [];
    for (let k = 0; k < length; k++) out.push(value());
    return out;
  };
  const docs: SearchDoc[] = [];
  for (let i = 0; i < ids.length; i++) {
    const issuer = value();
    const issuers = list();
    const y = facts[at++];
    if (!(y >= 0 && y <= values.length)) throw new BadDocs();
    const year = y === 0 ? null : values[y - 1];
    const region = value();
    const regions = list();
    const kind = value();
    // One literal, one shape for every record (see engine.ts docRecord).
    docs.push({ id: ids[i], title: titles[i], issuer, issuers, docNumber: null, year, region, regions, kind });
  }
  if (at !== n) throw new BadDocs();
  for (const [k, v] of Object.entries(numbers)) {
    const i = Number(k);
    if (!(Number.isInteger(i) && i >= 0 && i < docs.length && String(i) === k) || typeof v !== 'string') throw new BadDocs();
    docs[i].docNumber = v;
  }
  return docs;
}
