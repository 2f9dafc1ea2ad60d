/**
 * The export model: what a briefing holds, independent of how it is laid out.
 * One model feeds the HTML (preview and PDF are the same string) and the
 * Markdown. Annotations are selected by the 我的标注 filter (an empty filter is
 * everything), grouped by document, and each passage carries an exact
 * citation computed from the corpus (core/citation).
 */
import { resolveInUnit } from '../annotations/anchor.js';
import { COLOUR_NAMES, type Annotation, type HighlightColour, noteOf, quoteOf, tagsOf } from '../annotations/model.js';
import { citationHead, citedTitle, findUnit, formatPages, locator, unitText } from '../citation/citation.js';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { allUnits, unitBodyText } from '../corpus/units.js';

export type ExportOrder = 'position' | 'date';

export interface ExportOptions {
  title: string;
  author: string;
  order: ExportOrder;
  includeNotes: boolean;
  /** The whole clause under each passage, for context. */
  includeClause: boolean;
  includeBookmarks: boolean;
}

/** `标注摘编 2026-11-23`. */
export function defaultExportTitle(now: Date): string {
  return `标注摘编 ${isoDay(now)}`;
}

export function defaultExportOptions(now: Date): ExportOptions {
  return { title: defaultExportTitle(now), author: '', order: 'position', includeNotes: true, includeClause: false, includeBookmarks: false };
}

export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface ExportPassage {
  annotationId: string;
  kind: 'highlight' | 'bookmark';
  colour: HighlightColour | null;
  /** The highlighted words; for a bookmark, the clause's opening. */
  quote: string;
  /**
   * The whole clause as printed (only with includeClause), on the first passage
   * of each clause only: a clause with four highlights is printed once, with
   * all four marked (`clauseMarks`), and its other passages say it is above.
   */
  clause: string | null;
  /** Where this clause's exported passages are in `clause` (offsets into it), in text order. */
  clauseMarks?: ClauseMark[];
  /** The clause was printed with an earlier passage of the same clause. */
  clauseAbove?: true;
  note: string;
  tags: string[];
  /** 《标题》第十条 / 《标题》一、·（二）. */
  citation: string;
  locator: string;
  /** （第3页） or ''. */
  pages: string;
  created: string;
  /** The clause could not be found in this corpus (renumbered text or a document no longer present). */
  unplaced: boolean;
}

export interface ClauseMark {
  start: number;
  end: number;
  colour: HighlightColour | null;
}

export interface ExportGroup {
  docId: string;
  title: string;
  docNumber: string | null;
  issuer: string;
  date: string | null;
  /** Not in the corpus any more: title and 文号 come from the annotation. */
  missing: boolean;
  passages: ExportPassage[];
}

export interface ExportModel {
  title: string;
  author: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Lines describing the selection, e.g. 颜色：黄色; empty = everything. */
  filters: string[];
  counts: { passages: number; documents: number; notes: number };
  options: ExportOptions;
  groups: ExportGroup[];
}

export interface ExportInput {
  /** Already selected (filterAnnotations with the route's filter). */
  annotations: readonly Annotation[];
  /** The corpus document, or null when it is not available. */
  docOf: (docId: string) => PolicyDocument | null | undefined;
  options: ExportOptions;
  /** Human-readable description of the filter used (see describeFilter). */
  filters: string[];
  now: Date;
}

interface Placed {
  passage: ExportPassage;
  /** Reading order inside the document: unit index, then offset. */
  order: [number, number];
  /** The clause found in the corpus, its body text ('\n'-joined own paragraphs) and where the quote starts in it. */
  unit: { id: string; body: string; start: number } | null;
}

/** Document order of every unit id. */
function unitOrder(doc: PolicyDocument): Map<string, number> {
  return new Map(allUnits(doc.units).map((u, i) => [u.id, i]));
}

/** Pages of the paragraphs an offset range of the unit's body text ('\n'-joined own paragraphs) touches. */
export function pagesOfRange(unit: Unit, start: number, end: number): number[] {
  const pages = new Set<number>();
  let at = 0;
  for (const p of unit.paragraphs) {
    const pEnd = at + p.text.length;
    if (end > at && start < pEnd + 1) p.pages.forEach((x) => pages.add(x));
    at = pEnd + 1;
  }
  return [...pages].sort((a, b) => a - b);
}

function place(a: Annotation, doc: PolicyDocument | null | undefined, order: Map<string, number> | null, options: ExportOptions): Placed {
  const stored = a.target['policyReader:document'];
  const title = doc?.title ?? stored.title;
  const docNumber = doc ? doc.docNumber : stored.docNumber;
  const head = `${citedTitle(title)}${docNumber ? `（${docNumber}）` : ''}`;
  const unitId = a.target['policyReader:unitId'];
  const ref = doc && unitId ? findUnit(doc.units, unitId) : null;
  const q = quoteOf(a);
  let quote = q?.exact ?? '';
  let loc = '';
  let pages = '';
  let offset = 0;
  // A quote is printed as a quotation of its clause only where the clause holds it (issue 16, item 12).
  let notInClause = false;
  if (ref) {
    loc = locator(ref.unit, ref.ancestors);
    const body = unitBodyText(ref.unit);
    // The words as the clause prints them now (width-folded match, or the approximate place's words).
    const range = quote ? resolveInUnit(a, ref.unit) : null;
    if (range) quote = body.slice(range.start, range.end);
    notInClause = !!quote && !range;
    const start = range?.start ?? 0;
    offset = start;
    const p = range ? pagesOfRange(ref.unit, start, range.end) : [];
    pages = notInClause ? '' : formatPages(p.length ? p : ref.unit.pages);
    if (!quote) quote = unitText(ref.unit).split('\n')[0] ?? '';
  }
  return {
    passage: {
      annotationId: a.id,
      kind: a.motivation === 'bookmarking' ? 'bookmark' : 'highlight',
      colour: a['policyReader:colour'] ?? null,
      quote,
      clause: options.includeClause && ref ? unitText(ref.unit) : null,
      note: options.includeNotes ? noteOf(a).trim() : '',
      tags: tagsOf(a),
      // One citation everywhere (core/citation): an issued regulation's units by its own title.
      citation: ref ? citationHead({ title, docNumber }, ref.unit, ref.ancestors) : head,
      locator: loc,
      pages,
      created: a.created,
      unplaced: (!!unitId && !ref) || notInClause,
    },
    order: [ref && order ? (order.get(ref.unit.id) ?? 0) : unitId ? Number.MAX_SAFE_INTEGER : -1, offset],
    unit: ref ? { id: ref.unit.id, body: unitBodyText(ref.unit), start: offset } : null,
  };
}

/**
 * Where a quote at `start` of a clause's body text is in the clause as printed
 * (unitText: markers and headings added, children after): the same occurrence
 * of the quote, counted from the start, since printing only adds text around
 * the paragraphs. Null when it cannot be found (a quote across an empty paragraph).
 */
export function markInClause(clause: string, body: string, quote: string, start: number): { start: number; end: number } | null {
  if (!quote) return null;
  let nth = 0;
  for (let i = body.indexOf(quote); i >= 0 && i < start; i = body.indexOf(quote, i + 1)) nth++;
  let at = clause.indexOf(quote);
  for (let k = 0; k < nth && at >= 0; k++) at = clause.indexOf(quote, at + 1);
  return at >= 0 ? { start: at, end: at + quote.length } : null;
}

/** With includeClause: each clause printed once, on its first passage, with every passage of it marked. */
function printClausesOnce(placed: Placed[]): void {
  const first = new Map<string, Placed>();
  for (const p of placed) {
    if (!p.unit || p.passage.clause === null) continue;
    const owner = first.get(p.unit.id);
    if (owner) {
      p.passage.clause = null;
      p.passage.clauseAbove = true;
    } else first.set(p.unit.id, p);
    const host = owner ?? p;
    if (p.passage.kind !== 'highlight') continue;
    const m = markInClause(host.passage.clause!, p.unit.body, p.passage.quote, p.unit.start);
    if (m) (host.passage.clauseMarks ??= []).push({ ...m, colour: p.passage.colour });
  }
  for (const p of first.values()) p.passage.clauseMarks?.sort((x, y) => x.start - y.start || x.end - y.end);
}

const collator = new Intl.Collator('zh-Hans-CN');

export function buildExportModel(input: ExportInput): ExportModel {
  const { options } = input;
  const byDoc = new Map<string, { group: ExportGroup; placed: Placed[]; firstCreated: string }>();
  const orders = new Map<string, Map<string, number> | null>();
  for (const a of input.annotations) {
    if (a.motivation === 'bookmarking' && !options.includeBookmarks) continue;
    const docId = a.target['policyReader:document'].id;
    const doc = input.docOf(docId) ?? null;
    if (!orders.has(docId)) orders.set(docId, doc ? unitOrder(doc) : null);
    let entry = byDoc.get(docId);
    if (!entry) {
      const stored = a.target['policyReader:document'];
      entry = {
        group: {
          docId,
          title: doc?.title ?? stored.title,
          docNumber: doc ? doc.docNumber : stored.docNumber,
          issuer: doc?.issuer ?? '',
          date: doc?.date ?? doc?.effectiveDate ?? null,
          missing: !doc,
          passages: [],
        },
        placed: [],
        firstCreated: a.created,
      };
      byDoc.set(docId, entry);
    }
    if (a.created < entry.firstCreated) entry.firstCreated = a.created;
    entry.placed.push(place(a, doc, orders.get(docId)!, options));
  }
  const entries = [...byDoc.values()];
  if (options.order === 'date') {
    entries.sort((x, y) => (x.firstCreated < y.firstCreated ? -1 : x.firstCreated > y.firstCreated ? 1 : 0));
    for (const e of entries) e.placed.sort((x, y) => (x.passage.created < y.passage.created ? -1 : x.passage.created > y.passage.created ? 1 : 0));
  } else {
    // Documents newest first (as the library lists them), then by title; passages in reading order.
    entries.sort((x, y) => (y.group.date ?? '').localeCompare(x.group.date ?? '') || collator.compare(x.group.title, y.group.title));
    for (const e of entries) e.placed.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.passage.created.localeCompare(y.passage.created));
  }
  if (options.includeClause) for (const e of entries) printClausesOnce(e.placed);
  const groups = entries.map((e) => ({ ...e.group, passages: e.placed.map((p) => p.passage) }));
  const passages = groups.flatMap((g) => g.passages);
  return {
    title: options.title.trim() || defaultExportTitle(input.now),
    author: options.author.trim(),
    date: isoDay(input.now),
    filters: input.filters,
    counts: { passages: passages.length, documents: groups.length, notes: passages.filter((p) => p.note).length },
    options,
    groups,
  };
}

/** The cover's description of a selection; `titleOf` names documents. */
export function describeFilter(
  f: { types?: string[]; colours?: string[]; tags?: string[]; docIds?: string[]; regions?: string[]; from?: string; to?: string; text?: string; orphaned?: boolean },
  titleOf: (docId: string) => string,
): string[] {
  const out: string[] = [];
  const kinds: Record<string, string> = { highlight: '划线', note: '批注', bookmark: '书签' };
  if (f.types?.length) out.push(`类型：${f.types.map((t) => kinds[t] ?? t).join('、')}`);
  if (f.colours?.length) out.push(`颜色：${f.colours.map((c) => COLOUR_NAMES[c as HighlightColour] ?? c).join('、')}`);
  if (f.tags?.length) out.push(`标签：${f.tags.join('、')}`);
  if (f.docIds?.length) out.push(`文件：${f.docIds.map((d) => citedTitle(titleOf(d))).join('、')}`);
  if (f.regions?.length) out.push(`地区：${f.regions.join('、')}`);
  if (f.from || f.to) out.push(`标注日期：${f.from ?? '…'} 至 ${f.to ?? '…'}`);
  if (f.text?.trim()) out.push(`关键词：${f.text.trim()}`);
  if (f.orphaned === true) out.push('仅未能定位的标注');
  return out;
}
