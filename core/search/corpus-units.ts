/**
 * Flattens parsed documents into the records the search index is built
 * from: one record per structural unit (pre-order, reading order), carrying
 * its document's metadata by reference.
 */
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { documentYear } from '../corpus/facts.js';

export interface SearchDoc {
  id: string;
  title: string;
  issuer: string;
  issuers: string[];
  docNumber: string | null;
  /** YYYY from the date, or null. */
  year: string | null;
  /** Display label: city, else province, else 全国. */
  region: string;
  /** Region facet values: the province (or 全国) and the city when there is one, so choosing a province includes its cities. */
  regions: string[];
  kind: string;
}

export interface SearchUnitRecord {
  /** Index into the docs array. */
  doc: number;
  /** Unit path; the unit id is `${docId}~${path}`. */
  path: string;
  /** Searchable display text: heading line (when the unit has one), then paragraphs, '\n'-separated. */
  text: string;
}

export interface SearchCorpus {
  docs: SearchDoc[];
  units: SearchUnitRecord[];
}

/**
 * The text a unit is searched by and highlighted in: its heading (if any) on
 * the first line, then its own paragraphs, one per line. Hit ranges are
 * offsets into this string; see `paragraphRanges` to map them to paragraphs.
 */
export function unitSearchText(unit: Unit): string {
  const lines: string[] = [];
  if (unit.heading) lines.push(unit.heading);
  for (const p of unit.paragraphs) lines.push(p.text);
  return lines.join('\n');
}

/**
 * Split ranges over `unitSearchText(unit)` into per-line ranges:
 * line -1 is the heading (when present), 0… are paragraph indexes.
 */
export function paragraphRanges(unit: Unit, ranges: [number, number][]): { paragraph: number; start: number; end: number }[] {
  const lines: string[] = [];
  if (unit.heading) lines.push(unit.heading);
  for (const p of unit.paragraphs) lines.push(p.text);
  const first = unit.heading ? -1 : 0;
  const out: { paragraph: number; start: number; end: number }[] = [];
  let base = 0;
  for (let li = 0; li < lines.length; li++) {
    const lo = base;
    const hi = base + lines[li].length;
    for (const [s, e] of ranges) {
      const a = Math.max(s, lo);
      const b = Math.min(e, hi);
      if (a < b) out.push({ paragraph: first + li, start: a - lo, end: b - lo });
    }
    base = hi + 1;
  }
  return out;
}

export function docToSearchDoc(d: PolicyDocument): SearchDoc {
  const year = documentYear(d);
  return {
    id: d.id,
    title: d.title,
    issuer: d.issuer,
    issuers: d.issuers.slice(),
    docNumber: d.docNumber,
    year,
    region: d.region.city ?? d.region.province ?? '全国',
    regions: [d.region.province ?? '全国', ...(d.region.city ? [d.region.city] : [])],
    kind: d.kind,
  };
}

/** Flatten documents (sorted by id for determinism) into search records. */
export function flattenCorpus(docs: PolicyDocument[]): SearchCorpus {
  const sorted = docs.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: SearchCorpus = { docs: [], units: [] };
  sorted.forEach((d, di) => {
    out.docs.push(docToSearchDoc(d));
    const walk = (units: Unit[]) => {
      for (const u of units) {
        const text = unitSearchText(u);
        if (text.trim()) out.units.push({ doc: di, path: u.path, text });
        walk(u.children);
      }
    };
    walk(d.units);
  });
  return out;
}
