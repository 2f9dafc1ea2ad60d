/**
 * The search index's unit list (units.json) without a JSON value per unit. At 10,000 documents there are
 * about 700,000 units, and as one `[doc, path, trail, opening]` array each the list was 51 MB that the
 * search worker had to parse, object by object, before its first query. Here the list is a handful of long
 * strings: numbers in VLQ (codec.ts), paths and clause trails front-coded against the unit before (a clause
 * shares its article's path and trail), a document's units counted instead of numbered. Loading decodes the
 * numbers into typed arrays; a unit's path, id and trail are put together only when a hit shows them.
 *
 * units.json holds what every query needs: the documents and how many units each has (and each document's first
 * unit's path, which a document-level hit names: 国务院's first page is all of them). What only a shown hit
 * needs is in the text shard that holds the unit's text (texts.ts), which a shown hit reads anyway: the
 * units' paths and trails (`UnitNames`, 4.8 M characters at 10,007 documents, 62 % of units.json in format 8,
 * read and decoded before the first search), and a label-only article's opening words.
 */
import { countInts, decodeInts, encodeInts } from './codec.js';
import type { SearchCorpus, SearchUnitRecord } from './corpus-units.js';
import { encodeDocs, type SerializedDocs } from './doc-columns.js';

export interface SerializedUnits {
  v: number;
  /** The documents, in columns (doc-columns.ts). */
  docs: SerializedDocs;
  /** Number of units. */
  count: number;
  /** VLQ, per document: how many units it has (a document's units are consecutive, in document order). */
  perDoc: string;
  /** Per document: its first unit's path ('' without units), which a document-level hit names without reading a text shard. */
  firstPaths: string[];
}

/** The paths and clause trails of a run of units (one text shard's), front-coded against the unit before. */
export interface SerializedNames {
  /** VLQ, per unit: characters its path shares with the previous unit's (0 at the run's first unit and a document's first unit), then how many follow. */
  pathCodes: string;
  /** The characters that follow, unit after unit. */
  pathChars: string;
  /** Every clause label of the run, once (第一章, 第二条 …). */
  labels: string[];
  /** VLQ, per unit: labels its trail shares with the previous unit's (0 at the run's first unit and a document's first unit), how many follow, their indexes in `labels`. */
  trailCodes: string;
}

/** Code units `a` and `b` begin with alike (it may end inside a surrogate pair: the halves are joined again when read, and JSON escapes a lone half). */
function sharedPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

function sharedLabels(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k;
}

export function encodeUnits(corpus: SearchCorpus, version: number): SerializedUnits {
  const perDoc = new Array<number>(corpus.docs.length).fill(0);
  const firstPaths = new Array<string>(corpus.docs.length).fill('');
  corpus.units.forEach((u, i) => {
    if (i > 0 && u.doc < corpus.units[i - 1].doc) throw new Error('search units must be in document order');
    if (!perDoc[u.doc]++) firstPaths[u.doc] = u.path;
  });
  return { v: version, docs: encodeDocs(corpus.docs), count: corpus.units.length, perDoc: encodeInts(perDoc), firstPaths };
}

/** The names of a run of consecutive units (a text shard's), coded from its first unit on. */
export function encodeNames(units: readonly SearchUnitRecord[]): SerializedNames {
  const pathCodes: number[] = [];
  const pathChars: string[] = [];
  const labelIds = new Map<string, number>();
  const trailCodes: number[] = [];
  units.forEach((u, i) => {
    const prev = i > 0 ? units[i - 1] : null;
    const sameDoc = prev !== null && prev.doc === u.doc;
    const keep = sameDoc ? sharedPrefix(prev.path, u.path) : 0;
    pathCodes.push(keep, u.path.length - keep);
    pathChars.push(u.path.slice(keep));
    const kept = sameDoc ? sharedLabels(prev.trail, u.trail) : 0;
    trailCodes.push(kept, u.trail.length - kept);
    for (const label of u.trail.slice(kept)) {
      let id = labelIds.get(label);
      if (id === undefined) labelIds.set(label, (id = labelIds.size));
      trailCodes.push(id);
    }
  });
  return { pathCodes: encodeInts(pathCodes), pathChars: pathChars.join(''), labels: [...labelIds.keys()], trailCodes: encodeInts(trailCodes) };
}

class BadUnits extends Error {
  constructor() {
    super('search index does not match its unit list');
  }
}

/** Every VLQ number of `s`, or BadUnits when it is not a whole stream of at least `min` numbers. */
function decodeAll(s: unknown, min = 0): Int32Array {
  const n = typeof s === 'string' ? countInts(s) : -1;
  if (n < min) throw new BadUnits();
  const out = new Int32Array(n);
  decodeInts(s as string, 0, n, out, false);
  return out;
}

/** The unit list as loaded: each unit's document, in a typed array. */
export class UnitTable {
  readonly count: number;
  /** Per unit: its document's index. */
  readonly doc: Int32Array;
  /** Per document: its first unit; then the unit count. */
  private readonly docStart: Int32Array;
  private readonly firstPaths: readonly string[];

  /** `docCount`: how many documents units.json lists (doc-columns.ts). */
  constructor(data: SerializedUnits, docCount: number) {
    const n = data.count;
    if (!Number.isSafeInteger(n) || n < 0) throw new BadUnits();
    if (!Array.isArray(data.firstPaths) || data.firstPaths.length !== docCount) throw new BadUnits();
    for (let d = 0; d < docCount; d++) if (typeof data.firstPaths[d] !== 'string') throw new BadUnits();
    this.firstPaths = data.firstPaths;
    this.count = n;
    const perDoc = decodeAll(data.perDoc, docCount);
    this.docStart = new Int32Array(docCount + 1);
    this.doc = new Int32Array(n);
    let at = 0;
    // Counts that add up to more than n fill no further than the table's end and are refused below.
    for (let d = 0; d < docCount; d++) {
      this.docStart[d] = at;
      this.doc.fill(d, at, at + perDoc[d]);
      at += perDoc[d];
    }
    this.docStart[docCount] = at;
    if (at !== n) throw new BadUnits();
  }

  /** First unit of document `d` (the unit after the last document's last for `d` = the document count). */
  start(d: number): number {
    return this.docStart[d];
  }

  /** The path of document `d`'s first unit ('' when it has none). */
  firstPath(d: number): string {
    return this.firstPaths[d];
  }
}

/** The paths and trails of a run of `n` units as loaded (a text shard's); `i` counts from the run's first unit. */
export class UnitNames {
  private readonly pathKeep: Int32Array;
  /** Per unit: where the rest of its path starts in pathChars (the next unit's start ends it). */
  private readonly pathAt: Int32Array;
  private readonly pathChars: string;
  private readonly labels: readonly string[];
  private readonly trailCodes: Int32Array;
  /** Per unit: where its trail code starts in trailCodes. */
  private readonly trailAt: Int32Array;

  /** Refuses (BadUnits) names that are not those of `n` units, or that point before the run or past its labels. */
  constructor(data: SerializedNames, n: number) {
    if (typeof data !== 'object' || data === null || !Array.isArray(data.labels) || typeof data.pathChars !== 'string') throw new BadUnits();
    const codes = decodeAll(data.pathCodes, 2 * n);
    if (codes.length !== 2 * n || (n > 0 && codes[0] !== 0)) throw new BadUnits();
    this.pathKeep = new Int32Array(n);
    this.pathAt = new Int32Array(n + 1);
    for (let i = 0, c = 0; i < n; i++) {
      this.pathKeep[i] = codes[2 * i];
      this.pathAt[i + 1] = (c += codes[2 * i + 1]);
    }
    if (this.pathAt[n] !== data.pathChars.length) throw new BadUnits();
    this.pathChars = data.pathChars;

    this.labels = data.labels;
    this.trailCodes = decodeAll(data.trailCodes);
    if (n > 0 && this.trailCodes[0] !== 0) throw new BadUnits();
    this.trailAt = new Int32Array(n + 1);
    let k = 0;
    for (let i = 0; i < n; i++) {
      this.trailAt[i] = k;
      const added = this.trailCodes[k + 1] ?? 0;
      for (let m = 0; m < added; m++) if (!(this.trailCodes[k + 2 + m] < this.labels.length)) throw new BadUnits();
      k += 2 + added;
    }
    this.trailAt[n] = k;
    if (k !== this.trailCodes.length) throw new BadUnits();
  }

  path(i: number): string {
    // Back to the nearest unit that spells its path out whole (at the latest, the run's first unit).
    let from = i;
    while (this.pathKeep[from] > 0) from--;
    let path = '';
    for (let j = from; j <= i; j++) path = path.slice(0, this.pathKeep[j]) + this.pathChars.slice(this.pathAt[j], this.pathAt[j + 1]);
    return path;
  }

  /**
   * Every unit's path and trail, in order, in one pass: `path(i)` and `trail(i)` each walk back to the first unit
   * of their document, so reading a run unit by unit that way costs the square of a document's length.
   */
  all(): { paths: string[]; trails: string[][] } {
    const n = this.pathKeep.length;
    const paths = new Array<string>(n);
    const trails = new Array<string[]>(n);
    let path = '';
    let trail: string[] = [];
    for (let i = 0; i < n; i++) {
      path = path.slice(0, this.pathKeep[i]) + this.pathChars.slice(this.pathAt[i], this.pathAt[i + 1]);
      const at = this.trailAt[i];
      const added = this.trailCodes[at + 1];
      trail = trail.slice(0, this.trailCodes[at]);
      for (let m = 0; m < added; m++) trail.push(this.labels[this.trailCodes[at + 2 + m]]);
      paths[i] = path;
      trails[i] = trail;
    }
    return { paths, trails };
  }

  /** Labels from the outermost ancestor to the unit (第三章, 第十五条). */
  trail(i: number): string[] {
    let from = i;
    while (this.trailCodes[this.trailAt[from]] > 0) from--;
    let trail: string[] = [];
    for (let j = from; j <= i; j++) {
      const at = this.trailAt[j];
      const added = this.trailCodes[at + 1];
      trail = trail.slice(0, this.trailCodes[at]);
      for (let m = 0; m < added; m++) trail.push(this.labels[this.trailCodes[at + 2 + m]]);
    }
    return trail;
  }
}
