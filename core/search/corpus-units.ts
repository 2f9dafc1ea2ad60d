/**
 * Flattens parsed documents into the records the search index is built
 * from: one record per structural unit (pre-order, reading order), carrying
 * its document's metadata by reference.
 */
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { documentIssuers, documentYear, regionLabel, regionPath, UNKNOWN_LABEL } from '../corpus/facts.js';
import { clauseTrail, flattenUnits, unitSearchText } from '../corpus/units.js';
import { sortedById } from '../corpus/doc-ids.js';

export interface SearchDoc {
  id: string;
  title: string;
  issuer: string;
  issuers: string[];
  docNumber: string | null;
  /** YYYY from the date, or null. */
  year: string | null;
  /** Display label: 山东省 青岛市, 全国 or 未注明. */
  region: string;
  /** Region facet values: the province (or 全国 / 未注明) and the city when there is one, so choosing a province includes its cities. */
  regions: string[];
  kind: string;
}

export interface SearchUnitRecord {
  /** Index into the docs array. */
  doc: number;
  /** Unit path; the unit id is `${docId}~${path}`. */
  path: string;
  /** Searchable display text (`unitSearchText`): label, heading, paragraphs, '\n'-separated. */
  text: string;
  /** Labels from the outermost ancestor to the unit (第三章, 第十五条): where a hit is. */
  trail: string[];
  /**
   * For an article whose text is all in its 款 (第十条 with no paragraph of its own): the opening words
   * of its first 款, which a hit on the label shows after it (第十条 【监督检查】市、区…), as printed.
   */
  opening?: string;
}

export interface SearchCorpus {
  docs: SearchDoc[];
  units: SearchUnitRecord[];
}

export { unitSearchText };

export function docToSearchDoc(d: PolicyDocument): SearchDoc {
  const year = documentYear(d);
  const issuers = documentIssuers(d);
  return {
    id: d.id,
    title: d.title,
    issuer: issuers[0] === UNKNOWN_LABEL ? '' : issuers.join('、'),
    issuers,
    docNumber: d.docNumber,
    year,
    region: regionLabel(d.region),
    regions: regionPath(d.region),
    kind: d.kind,
  };
}

/** Characters of an article's opening kept for its label hits: more than a snippet shows. */
const OPENING_CHARS = 120;

/**
 * The text a unit is searched by. A 款's label (第二款) is not printed text, so it is neither searched nor
 * shown in a snippet: the 款 is searched by its own words, and found under its article (trail).
 */
export function searchTextOf(unit: Unit): string {
  return unitSearchText(unit.level === 'clause' ? { ...unit, label: '' } : unit);
}

/** The opening words an article's label hit shows, when its text is all in its 款. */
export function openingOf(unit: Unit): string | undefined {
  if (unit.paragraphs.length || unit.heading || !unit.label) return undefined;
  const first = unit.children[0];
  if (!first || first.level !== 'clause') return undefined;
  const text = first.paragraphs.map((p) => p.text).join(' ');
  return text ? text.slice(0, OPENING_CHARS) : undefined;
}

/**
 * Flatten documents (sorted by id for determinism) into search records. `kept(d, di)` gives a document's records
 * when they are known without its units (a rebuild's unchanged document, from the previous index: cli/search-update.ts),
 * each record's `doc` being `di`; null: made from its units.
 */
export function flattenCorpus(docs: PolicyDocument[], kept?: (d: PolicyDocument, di: number) => SearchUnitRecord[] | null): SearchCorpus {
  const sorted = sortedById(docs);
  return corpusFrom(sorted.map((d) => ({ search: docToSearchDoc(d), records: (di: number) => kept?.(d, di) ?? unitRecords(d, di) })))!;
}

/** A document's search records, made from its units, each under document index `di`. */
export function unitRecords(d: PolicyDocument, di: number): SearchUnitRecord[] {
  const out: SearchUnitRecord[] = [];
  for (const { unit, ancestors } of flattenUnits(d.units)) {
    const text = searchTextOf(unit);
    const opening = openingOf(unit);
    if (text.trim()) out.push({ doc: di, path: unit.path, text, trail: clauseTrail(ancestors, unit), ...(opening ? { opening } : {}) });
  }
  return out;
}

/** A document as the index takes it: its facts, and its records under a document index (null: they cannot be had). */
export interface SearchEntry {
  search: SearchDoc;
  records: (di: number) => SearchUnitRecord[] | null;
}

/** The corpus of these documents, in this order; null when one's records cannot be had. */
export function corpusFrom(entries: readonly SearchEntry[]): SearchCorpus | null {
  const out: SearchCorpus = { docs: [], units: [] };
  for (let di = 0; di < entries.length; di++) {
    const records = entries[di].records(di);
    if (!records) return null;
    out.docs.push(entries[di].search);
    for (const r of records) out.units.push(r);
  }
  return out;
}
