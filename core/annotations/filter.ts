/**
 * Filtering annotations (我的标注, the export route) and facet counts. Counts
 * follow the library's rule: each facet is counted over the annotations that
 * pass every OTHER active filter, so picking 黄色 still shows how many green
 * ones there are.
 *
 * The query-string form (`filterToQuery` / `filterFromQuery`) is shared by
 * `#/annotations?…` and `#/export?doc=…&tag=…`.
 */
import { regionPath, UNKNOWN_LABEL } from '../corpus/facts.js';
import type { DocSummary } from '../corpus/types.js';
import { normalize } from '../text/normalize.js';
import {
  ANNOTATION_KINDS,
  type Annotation,
  type AnnotationKind,
  HIGHLIGHT_COLOURS,
  isHighlightColour,
  type HighlightColour,
  docIdOf,
  isOrphaned,
  kindOf,
  noteOf,
  quoteOf,
  tagsOf,
} from './model.js';

export interface AnnotationFilter {
  types?: AnnotationKind[];
  colours?: HighlightColour[];
  tags?: string[];
  docIds?: string[];
  /** Region facet values, as in the library and search (`regionPath`: province, city; 全国, 未注明). */
  regions?: string[];
  /** Inclusive ISO dates (YYYY-MM-DD) on `created`, in local time. */
  from?: string;
  to?: string;
  /** Words that must all occur in the quote, the note, a tag or the document title. */
  text?: string;
  /** true: only orphans (未能定位); false: only placed ones. */
  orphaned?: boolean;
}

/** Looks up a document's summary (null when it is not in the corpus any more). */
export type SummaryOf = (docId: string) => Pick<DocSummary, 'region'> | null | undefined;

/**
 * The region an annotation is filed under: its document's, in the same words
 * the library and search use (one vocabulary). A document the corpus no longer
 * holds says nothing about its region, so it is 未注明 like any unknown region.
 */
export function regionsOf(a: Annotation, summaryOf: SummaryOf): string[] {
  const s = summaryOf(docIdOf(a));
  return s ? regionPath(s.region) : [UNKNOWN_LABEL];
}

/** YYYY-MM-DD of an ISO time in local time (what the user means by a date). */
export function localDay(isoTime: string): string {
  const d = new Date(isoTime);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The fields a word is looked for in, each normalised on its own: normalising them joined would drop
 * the line break between two CJK fields, and a word could then run from the quote into the note.
 */
function searchable(a: Annotation): string[] {
  return [quoteOf(a)?.exact ?? '', noteOf(a), ...tagsOf(a), a.target['policyReader:document'].title].map(normalize);
}

type Facet = 'types' | 'colours' | 'tags' | 'docIds' | 'regions';

function passes(a: Annotation, f: AnnotationFilter, summaryOf: SummaryOf, words: string[], except: Facet | null): boolean {
  if (except !== 'types' && f.types?.length && !f.types.includes(kindOf(a))) return false;
  if (except !== 'colours' && f.colours?.length) {
    const c = a['policyReader:colour'];
    if (!c || !f.colours.includes(c)) return false;
  }
  if (except !== 'tags' && f.tags?.length) {
    const tags = tagsOf(a);
    if (!f.tags.every((t) => tags.includes(t))) return false;
  }
  if (except !== 'docIds' && f.docIds?.length && !f.docIds.includes(docIdOf(a))) return false;
  if (except !== 'regions' && f.regions?.length) {
    const rs = regionsOf(a, summaryOf);
    if (!f.regions.some((r) => rs.includes(r))) return false;
  }
  if (f.from || f.to) {
    const day = localDay(a.created);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  if (f.orphaned !== undefined && isOrphaned(a) !== f.orphaned) return false;
  if (words.length) {
    const fields = searchable(a);
    if (!words.every((w) => fields.some((f) => f.includes(w)))) return false;
  }
  return true;
}

/** Split before normalising: normalize drops a space between two CJK characters, which would make 青岛 待研究 one word. */
function words(text: string | undefined): string[] {
  return text ? text.split(/\s+/).map(normalize).filter(Boolean) : [];
}

export function matchesFilter(a: Annotation, filter: AnnotationFilter, summaryOf: SummaryOf): boolean {
  return passes(a, filter, summaryOf, words(filter.text), null);
}

export function filterAnnotations(list: readonly Annotation[], filter: AnnotationFilter, summaryOf: SummaryOf): Annotation[] {
  const w = words(filter.text);
  return list.filter((a) => passes(a, filter, summaryOf, w, null));
}

export interface FacetCount<T extends string = string> {
  value: T;
  count: number;
}

export interface AnnotationFacets {
  types: FacetCount<AnnotationKind>[];
  colours: FacetCount<HighlightColour>[];
  /** Most used first, then by name. */
  tags: FacetCount[];
  /** Most annotated first. */
  docIds: FacetCount[];
  regions: FacetCount[];
}

const collator = new Intl.Collator('zh-Hans-CN');

function sorted(m: Map<string, number>): FacetCount[] {
  return [...m].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || collator.compare(x.value, y.value));
}

export function annotationFacets(list: readonly Annotation[], filter: AnnotationFilter, summaryOf: SummaryOf): AnnotationFacets {
  const w = words(filter.text);
  const types = new Map<AnnotationKind, number>(ANNOTATION_KINDS.map((k) => [k, 0]));
  const colours = new Map<HighlightColour, number>(HIGHLIGHT_COLOURS.map((c) => [c, 0]));
  const tags = new Map<string, number>();
  const docIds = new Map<string, number>();
  const regions = new Map<string, number>();
  const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const a of list) {
    if (passes(a, filter, summaryOf, w, 'types')) inc(types, kindOf(a));
    const c = a['policyReader:colour'];
    if (c && passes(a, filter, summaryOf, w, 'colours')) inc(colours, c);
    if (passes(a, filter, summaryOf, w, 'tags')) for (const t of tagsOf(a)) inc(tags, t);
    if (passes(a, filter, summaryOf, w, 'docIds')) inc(docIds, docIdOf(a));
    if (passes(a, filter, summaryOf, w, 'regions')) for (const r of regionsOf(a, summaryOf)) inc(regions, r);
  }
  return {
    types: [...types].map(([value, count]) => ({ value, count })),
    colours: [...colours].map(([value, count]) => ({ value, count })),
    tags: sorted(tags),
    docIds: sorted(docIds),
    regions: sorted(regions),
  };
}

/** Every tag in use with its count, most used first (autocomplete). */
export function tagCounts(list: readonly Annotation[]): FacetCount[] {
  const m = new Map<string, number>();
  for (const a of list) for (const t of tagsOf(a)) m.set(t, (m.get(t) ?? 0) + 1);
  return sorted(m);
}

// ---- query string ------------------------------------------------------------

const KEYS = { types: 'type', colours: 'colour', tags: 'tag', docIds: 'doc', regions: 'region' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Minimal query-string pairs (core has no URLSearchParams type: only the ES library). */
function encodePairs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

function decodePairs(query: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of query.replace(/^[?#]/, '').split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return '';
      }
    };
    out.push(i === -1 ? [dec(part), ''] : [dec(part.slice(0, i)), dec(part.slice(i + 1))]);
  }
  return out;
}

/** `type=note&colour=yellow&tag=待研究&doc=p…&from=2024-01-01&q=…` (repeated keys for lists), without a leading '?'. */
export function filterToQuery(f: AnnotationFilter): string {
  const p: [string, string][] = [];
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    for (const v of f[field] ?? []) p.push([key, v]);
  }
  if (f.from) p.push(['from', f.from]);
  if (f.to) p.push(['to', f.to]);
  if (f.text?.trim()) p.push(['q', f.text.trim()]);
  if (f.orphaned !== undefined) p.push(['orphaned', f.orphaned ? '1' : '0']);
  return encodePairs(p);
}

/** Parses what filterToQuery wrote; unknown keys and invalid values are ignored (links may be old or hand-edited). */
export function filterFromQuery(query: string): AnnotationFilter {
  const pairs = decodePairs(query);
  const getAll = (key: string) => pairs.filter(([k]) => k === key).map(([, v]) => v);
  const get = (key: string) => getAll(key)[0] ?? null;
  const f: AnnotationFilter = {};
  const list = (key: string) => [...new Set(getAll(key).map((v) => v.trim()).filter(Boolean))];
  const types = list(KEYS.types).filter((v): v is AnnotationKind => (ANNOTATION_KINDS as readonly string[]).includes(v));
  const colours = list(KEYS.colours).filter(isHighlightColour);
  if (types.length) f.types = types;
  if (colours.length) f.colours = colours;
  const tags = list(KEYS.tags);
  const docIds = list(KEYS.docIds);
  const regions = list(KEYS.regions);
  if (tags.length) f.tags = tags;
  if (docIds.length) f.docIds = docIds;
  if (regions.length) f.regions = regions;
  const from = get('from');
  const to = get('to');
  if (from && DAY.test(from)) f.from = from;
  if (to && DAY.test(to)) f.to = to;
  const q = get('q')?.trim();
  if (q) f.text = q;
  const o = get('orphaned');
  if (o === '1' || o === '0') f.orphaned = o === '1';
  return f;
}
