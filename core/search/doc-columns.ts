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

function isStrings(x: unknown): x is string[] {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'string') return false;
  return true;
}

/**
 * The list whose count is at `at` in `facts`, the count's numbers into `values` after it; BadDocs for a count
 * past the numbers left (read before the list is made, so that a damaged count makes no huge list) or a number
 * past the values. Made at its length: pushed, a short list took room for 17 (2.7 MB more at 10,000 documents).
 */
function listAt(facts: Int32Array, at: number, values: readonly string[]): string[] {
  const count = facts[at];
  if (!(count >= 0 && count < facts.length - at)) throw new BadDocs();
  const list = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    const x = facts[at + 1 + k];
    if (!(x >= 0 && x < values.length)) throw new BadDocs();
    list[k] = values[x];
  }
  return list;
}

/**
 * The documents back, or BadDocs for columns that do not fit together. One loop with few calls per document:
 * this runs before a fresh tab's first search, on code not yet compiled, where each small call costs.
 */
export function decodeDocs(data: SerializedDocs): SearchDoc[] {
  const { ids, titles, numbers, values, facts: code } = data ?? ({} as Partial<SerializedDocs>);
  if (!isStrings(ids) || !isStrings(titles) || ids.length !== titles.length || !isStrings(values)) throw new BadDocs();
  if (typeof numbers !== 'object' || numbers === null || typeof code !== 'string') throw new BadDocs();
  const n = countInts(code);
  if (n < 0) throw new BadDocs();
  const facts = new Int32Array(n);
  decodeInts(code, 0, n, facts, false);
  // Each number is checked where it is used. Past the end facts[at] is undefined, and a number past 2^31 reads
  // as negative: both fail every check below.
  const nv = values.length;
  const docs: SearchDoc[] = [];
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    const issuer = facts[at++];
    if (!(issuer >= 0 && issuer < nv)) throw new BadDocs();
    const issuers = listAt(facts, at, values);
    at += 1 + issuers.length;
    const year = facts[at++];
    if (!(year >= 0 && year <= nv)) throw new BadDocs();
    const region = facts[at++];
    if (!(region >= 0 && region < nv)) throw new BadDocs();
    const regions = listAt(facts, at, values);
    at += 1 + regions.length;
    const kind = facts[at++];
    if (!(kind >= 0 && kind < nv)) throw new BadDocs();
    // One literal, one shape for every record (see engine.ts docRecord).
    docs.push({ id: ids[i], title: titles[i], issuer: values[issuer], issuers, docNumber: null, year: year === 0 ? null : values[year - 1], region: values[region], regions, kind: values[kind] });
  }
  if (at !== n) throw new BadDocs();
  for (const [k, v] of Object.entries(numbers)) {
    const i = Number(k);
    if (!(Number.isInteger(i) && i >= 0 && i < docs.length && String(i) === k) || typeof v !== 'string') throw new BadDocs();
    docs[i].docNumber = v;
  }
  return docs;
}
