/**
 * Placing one new document (a user's import) among a built corpus without a rebuild: its MinHash band
 * keys are looked up in the corpus's shipped LSH tables (`variants-lsh.json`), and every candidate is
 * then measured exactly as the build measures it (shingle overlap, clauses matched one to one, the same
 * relation rules). Documents with the same title are candidates too (a regulation rewritten as a whole
 * shares little text with its earlier version). What the build finds through shared clauses alone,
 * between documents alike neither as wholes nor by title, placement does not look for: it reads the
 * tables, never every clause of the corpus.
 */
import type { PolicyDocument } from '../corpus/types.js';
import type { LshTables, VariantPair } from './format.js';
import { docPairKey, docSignature, matchClauses, prepareDoc, sharedClauseCounts, unitSignatures, type Prepared } from './clause-matches.js';
import { SAME_TITLE, measuredPair } from './relations.js';
import { bandKeys, LSH_BANDS, LSH_ROWS } from './minhash.js';
import { comparePairs } from './rank.js';
import { overlap, SHINGLE_SIZE } from './shingles.js';
import { bigramDice, coreTitle } from './titles.js';

/** Candidates measured at most (those sharing the most bands first): placement cost is bounded whatever the corpus. */
export const MAX_PLACE_CANDIDATES = 50;

/** band → key → document indexes, built once per tables object. */
const indexes = new WeakMap<LshTables, Map<number, number[]>[]>();

function bandIndex(t: LshTables): Map<number, number[]>[] {
  let idx = indexes.get(t);
  if (idx) return idx;
  idx = Array.from({ length: t.bands }, () => new Map<number, number[]>());
  t.keys.forEach((keys, d) =>
    keys.forEach((k, b) => {
      const m = idx![b];
      const l = m.get(k);
      if (l) l.push(d);
      else m.set(k, [d]);
    }),
  );
  indexes.set(t, idx);
  return idx;
}

/**
 * The corpus documents worth measuring against `doc`, best first, at most `max`: those sharing MinHash
 * bands with it in the shipped tables, and those with the same title (counted as sharing every band).
 * Throws when the tables were written by another signature layout.
 */
export function lshCandidates(doc: PolicyDocument, tables: LshTables, max = MAX_PLACE_CANDIDATES): string[] {
  if (tables.bands !== LSH_BANDS || tables.rows !== LSH_ROWS || tables.shingle !== SHINGLE_SIZE) {
    throw new Error('相似文本索引与本程序版本不符，请重新构建语料库');
  }
  const common = Uint32Array.from(tables.common);
  const self: Prepared = { docs: [], units: [] };
  prepareDoc(doc, 0, self);
  if (!self.docs[0].set.length) return [];
  const { sigs } = unitSignatures(self, common);
  const keys = bandKeys(docSignature(self.docs[0].units, sigs));
  const shared = new Map<number, number>();
  const idx = bandIndex(tables);
  keys.forEach((k, b) => {
    for (const d of idx[b].get(k) ?? []) if (tables.docs[d] !== doc.id) shared.set(d, (shared.get(d) ?? 0) + 1);
  });
  // A title of the same document: as good as sharing every band.
  const title = coreTitle(doc.title);
  tables.titles.forEach((t, d) => {
    if (tables.docs[d] !== doc.id && bigramDice(title, t) >= SAME_TITLE) shared.set(d, tables.bands + (shared.get(d) ?? 0));
  });
  return [...shared.entries()]
    .sort((x, y) => y[1] - x[1] || (tables.docs[x[0]] < tables.docs[y[0]] ? -1 : 1))
    .slice(0, max)
    .map(([d]) => tables.docs[d]);
}

/**
 * The relations of `doc` to the corpus's documents, best first (same, revision, adaptation, related;
 * then overlap), measured exactly. `loadDoc` reads a corpus document by id (from disk, or fetched);
 * a document it cannot read is skipped. Throws when the tables were written by another signature layout.
 */
export async function placeDocument(doc: PolicyDocument, tables: LshTables, loadDoc: (id: string) => PolicyDocument | null | Promise<PolicyDocument | null>): Promise<VariantPair[]> {
  const candidates = lshCandidates(doc, tables);
  if (!candidates.length) return [];
  const common = Uint32Array.from(tables.common);
  const out: VariantPair[] = [];
  for (const id of candidates) {
    const other = await loadDoc(id);
    if (!other) continue;
    // The two documents as a corpus of two: clause matching and counting as in the build.
    const pair: Prepared = { docs: [], units: [] };
    prepareDoc(doc, 0, pair);
    prepareDoc(other, 1, pair);
    const u = unitSignatures(pair, common);
    const n = sharedClauseCounts(pair, matchClauses(pair, 'lsh', u.sigs, u.own)).get(docPairKey(0, 1, 2)) ?? 0;
    const measured = measuredPair(doc, other, overlap(pair.docs[0].set, pair.docs[1].set), n);
    if (measured) out.push(measured);
  }
  return out.sort(comparePairs);
}
