/**
 * Scores a parsed corpus against the real-text answer key. Pure: it gets the
 * key, the parsed documents (summaries with their sources and 条 counts), a
 * search probe and the revision pairs, so it can be tested on a hand-made
 * slice (score.test.ts) without the parser.
 *
 * Boundaries: a parsed document's source starts a key document when it
 * starts within 2 lines of the key's first line (a blank or a 文号 line
 * either side), or anywhere from there to its title line (a 公文 banner and
 * 文号 above the title may be furniture); each key start is taken by at most
 * one parsed source.
 * Both boundaries are right when that source also ends on the key's last
 * text line or after it, before the next key document (page furniture and
 * blank lines between them are no text).
 */
import type { AnswerKey, KeyDoc } from './key.js';

export interface ParsedSource {
  file: string;
  startLine: number;
  endLine: number;
}

export interface ParsedDoc {
  id: string;
  title: string;
  issuer: string;
  issuers: string[];
  docNumber: string | null;
  date: string | null;
  region: { level: string; province: string | null; city: string | null };
  kind: string;
  sources: ParsedSource[];
  /** Units of level `article` in the document. */
  articles: number;
}

export interface Probes {
  /** Is the phrase found by the search engine inside this document? */
  foundIn(docId: string, phrase: string): boolean;
  /** Revision pairs reported by the variants step: older id → newer id. */
  revisions: { a: string; b: string }[];
}

export const MEASURES = [
  'boundary-precision',
  'boundary-recall',
  'both-boundaries',
  'title',
  'date',
  'issuer',
  'region-level',
  'region-place',
  'kind',
  'articles',
  'docNumber',
  'search-sentence',
  'search-wrap',
  'revision',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface Tally {
  ok: number;
  n: number;
}

export interface Failure {
  measure: Measure;
  layout: string;
  where: string;
  expected: string;
  got: string;
}

export interface Score {
  overall: Record<Measure, Tally>;
  byLayout: Record<string, Record<Measure, Tally>>;
  failures: Failure[];
  counts: { keyDocs: number; parsedDocs: number; files: number; layouts: number };
}

const START_SLACK = 2;

function emptyTallies(): Record<Measure, Tally> {
  return Object.fromEntries(MEASURES.map((m) => [m, { ok: 0, n: 0 }])) as Record<Measure, Tally>;
}

export function ratio(t: Tally): number | null {
  return t.n ? t.ok / t.n : null;
}

function show(v: unknown): string {
  return v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}

export function scoreCorpus(fullKey: AnswerKey, parsed: ParsedDoc[], probes: Probes): Score {
  // Mutated copies (benchmark filler) are not real text: they are built but not scored.
  const key = { ...fullKey, files: fullKey.files.map((f) => ({ ...f, docs: f.docs.filter((d) => !d.mutated) })).filter((f) => f.docs.length) };
  const overall = emptyTallies();
  const byLayout: Record<string, Record<Measure, Tally>> = {};
  const failures: Failure[] = [];
  const count = (m: Measure, layout: string, ok: boolean, where: string, expected: unknown, got: unknown) => {
    const l = (byLayout[layout] ??= emptyTallies());
    overall[m].n++;
    l[m].n++;
    if (ok) {
      overall[m].ok++;
      l[m].ok++;
    } else failures.push({ measure: m, layout, where, expected: show(expected), got: show(got) });
  };

  const sourcesByFile = new Map<string, { doc: ParsedDoc; src: ParsedSource }[]>();
  for (const d of parsed) for (const s of d.sources) sourcesByFile.set(s.file, [...(sourcesByFile.get(s.file) ?? []), { doc: d, src: s }]);

  const matchOf = new Map<KeyDoc, ParsedDoc>();
  for (const f of key.files) {
    const found = [...(sourcesByFile.get(f.file) ?? [])].sort((a, b) => a.src.startLine - b.src.startLine);
    const taken = new Set<number>();
    f.docs.forEach((k, i) => {
      const next = f.docs[i + 1]?.startLine ?? Infinity;
      let best = -1;
      found.forEach((p, j) => {
        const off = p.src.startLine - k.startLine;
        if (taken.has(j) || off < -START_SLACK || off > Math.max(START_SLACK, (k.titleLine ?? k.startLine) - k.startLine)) return;
        if (best < 0 || Math.abs(p.src.startLine - k.startLine) < Math.abs(found[best].src.startLine - k.startLine)) best = j;
      });
      const where = `${k.key} ${k.title}`;
      count('boundary-recall', f.layout, best >= 0, where, `a document starting at line ${k.startLine}`, best >= 0 ? null : nearest(found, k.startLine));
      if (best < 0) {
        count('both-boundaries', f.layout, false, where, `lines ${k.startLine}–${k.endLine}`, 'no document starts there');
        return;
      }
      taken.add(best);
      const p = found[best];
      matchOf.set(k, p.doc);
      const endOk = p.src.endLine >= k.endLine && p.src.endLine < next;
      count('both-boundaries', f.layout, endOk, where, `lines ${k.startLine}–${k.endLine}`, `lines ${p.src.startLine}–${p.src.endLine}`);
    });
    found.forEach((p, j) => count('boundary-precision', f.layout, taken.has(j), `${f.file}:${p.src.startLine} ${p.doc.title}`, 'a key document starts here', `${p.doc.title} (lines ${p.src.startLine}–${p.src.endLine})`));
  }

  for (const f of key.files) {
    for (const k of f.docs) {
      const p = matchOf.get(k);
      const where = `${k.key} ${k.title}`;
      const L = f.layout;
      count('title', L, p?.title.trim() === k.title, where, k.title, p?.title ?? 'no document');
      if (k.date) count('date', L, Boolean(p?.date && [k.date, ...(k.dateAlternatives ?? [])].includes(p.date)), where, [k.date, ...(k.dateAlternatives ?? [])].join(' | '), p?.date ?? null);
      if (k.issuer) {
        const accepted = [k.issuer, ...k.issuerAlternatives];
        const ok = Boolean(p && (accepted.includes(p.issuer) || (p.issuers.length === 1 && accepted.includes(p.issuers[0]))));
        count('issuer', L, ok, where, accepted.join(' | '), p?.issuer ?? null);
      }
      count('region-level', L, p?.region.level === k.region.level, where, k.region.level, p?.region.level ?? null);
      const placeOk = Boolean(p && p.region.level === k.region.level && p.region.province === k.region.province && p.region.city === k.region.city);
      count('region-place', L, placeOk, where, [k.region.province, k.region.city].filter(Boolean).join(' ') || '全国', p ? [p.region.province, p.region.city].filter(Boolean).join(' ') || p.region.level : null);
      count('kind', L, p?.kind === k.kind, where, k.kind, p?.kind ?? null);
      count('articles', L, p?.articles === k.articles, where, k.articles, p?.articles ?? null);
      if (k.docNumber) count('docNumber', L, p?.docNumber === k.docNumber, where, k.docNumber, p?.docNumber ?? null);
      for (const s of k.sentences) count('search-sentence', L, Boolean(p && probes.foundIn(p.id, s)), where, s, p ? 'not found in the document' : 'no document');
      for (const w of k.wrapPhrases) count('search-wrap', L, Boolean(p && probes.foundIn(p.id, w)), where, w, p ? 'not found in the document' : 'no document');
    }
  }

  // Versions: each group's documents, oldest → newest, each consecutive pair reported as a revision in that direction.
  const groups = new Map<string, { k: KeyDoc; layout: string }[]>();
  for (const f of key.files) for (const k of f.docs) if (k.versionGroup) groups.set(k.versionGroup, [...(groups.get(k.versionGroup) ?? []), { k, layout: f.layout }]);
  const rev = new Set(probes.revisions.map((r) => `${r.a}>${r.b}`));
  for (const [g, members] of groups) {
    if (members.length < 2) continue;
    // Versions whose text prints no date cannot be ordered by anyone reading them: not scored.
    if (members.some((m) => !m.k.date)) continue;
    const sorted = [...members].sort((x, y) => x.k.date!.localeCompare(y.k.date!));
    for (let i = 1; i < sorted.length; i++) {
      const a = matchOf.get(sorted[i - 1].k);
      const b = matchOf.get(sorted[i].k);
      count('revision', sorted[i].layout, Boolean(a && b && rev.has(`${a.id}>${b.id}`)), `${g} ${sorted[i - 1].k.date} → ${sorted[i].k.date}`, 'revision (older → newer)', a && b ? (a.id === b.id ? 'one document' : 'not a revision') : 'a version has no document');
    }
  }

  return {
    overall,
    byLayout,
    failures,
    counts: { keyDocs: key.files.reduce((n, f) => n + f.docs.length, 0), parsedDocs: parsed.length, files: key.files.length, layouts: Object.keys(byLayout).length },
  };
}

function nearest(found: { doc: ParsedDoc; src: ParsedSource }[], line: number): string {
  const before = found.filter((p) => p.src.startLine <= line).at(-1);
  return before ? `inside ${before.doc.title} (lines ${before.src.startLine}–${before.src.endLine})` : 'no document there';
}

export function formatScore(s: Score, withFailures: number): string {
  const pct = (t: Tally) => (t.n ? (t.ok / t.n).toFixed(3) : '  —  ');
  const out: string[] = [];
  out.push(`real-text set: ${s.counts.keyDocs} documents in ${s.counts.files} files, ${s.counts.layouts} layouts; parser produced ${s.counts.parsedDocs} documents`);
  out.push('');
  out.push('measure              score   (ok/n)');
  for (const m of MEASURES) out.push(`${m.padEnd(20)} ${pct(s.overall[m])}  (${s.overall[m].ok}/${s.overall[m].n})`);
  out.push('');
  const layouts = Object.keys(s.byLayout).sort();
  const short: Record<Measure, string> = {
    'boundary-precision': 'bPrec',
    'boundary-recall': 'bRec',
    'both-boundaries': 'both',
    title: 'title',
    date: 'date',
    issuer: 'issuer',
    'region-level': 'rLevel',
    'region-place': 'rPlace',
    kind: 'kind',
    articles: '条',
    docNumber: '文号',
    'search-sentence': 'sSent',
    'search-wrap': 'sWrap',
    revision: 'rev',
  };
  out.push('per layout'.padEnd(28) + MEASURES.map((m) => short[m].padStart(7)).join(''));
  for (const l of layouts) out.push(l.padEnd(28) + MEASURES.map((m) => pct(s.byLayout[l][m]).padStart(7)).join(''));
  if (withFailures > 0) {
    out.push('');
    for (const m of MEASURES) {
      const fs = s.failures.filter((f) => f.measure === m);
      if (!fs.length) continue;
      out.push(`failures: ${m} (${fs.length})`);
      for (const f of fs.slice(0, withFailures)) out.push(`  [${f.layout}] ${f.where}\n      expected: ${f.expected}\n      got:      ${f.got}`);
    }
  }
  return out.join('\n');
}
