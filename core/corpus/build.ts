/**
 * The corpus build, framework-free: raw files (name + bytes) → documents,
 * with identical copies collapsed and ids derived from content. The CLI does
 * the file I/O; this module only computes, so it is deterministic and
 * testable on fixtures.
 */
import { type Assembled, TEMP_ID, assemble } from './assemble.js';
import { decodeRaw } from './decode.js';
import { removeFurniture } from './furniture.js';
import { type Line, MAX_LINE_CHARS, toLines } from './lines.js';
import { toParagraphs } from './paragraphs.js';
import { type DocDraft, segmentFile } from './segment.js';
import { flattenUnits, unitOwnText } from './structure.js';
import { unitOwnChars } from './units.js';
import { deferredUnits, unitsOnDemand } from './deferred-units.js';
import type { BodyMissing, BuildWarning, DocSummary, Manifest, PolicyDocument, Unit } from './types.js';
import { fold } from '../text/normalize.js';
import { looksLikeMarkdown, markdownToText } from '../text/markdown.js';

export interface RawFile {
  name: string;
  bytes: Uint8Array;
}

/** SHA-256 as lower-case hex. Injected (Node's crypto in the CLI) so core stays free of platform code. */
export type HashHex = (data: string | Uint8Array) => string;

export interface BuildResult {
  docs: PolicyDocument[];
  warnings: BuildWarning[];
  notes: string[];
  rawFiles: Manifest['rawFiles'];
  skippedFiles: number;
  /**
   * Per document (`docs[i]`'s at i): everything its file depends on besides the parser's code — its id, its title
   * (a 解读's is its interpreted document's) and, for each copy merged into it in order, that copy's file name, the
   * file's SHA-256 and the copy's place among the file's documents. Two builds by the same parser that give a
   * document the same provenance write the same file for it: a rebuild takes its hash from the last build's
   * (cli/doc-hashes.ts) instead of making its JSON and hashing it again.
   */
  provenance: string[];
}

export function buildCorpus(files: RawFile[], sha256Hex: HashHex): BuildResult {
  return assembleCorpus(
    files.map((f) => parseRawFile(f, sha256Hex)),
    sha256Hex,
  );
}

/**
 * What one raw file gives, on its own: the unit of parallel work (a worker
 * thread parses one file) and of the incremental build's cache (keyed by the
 * file's SHA-256). Plain data, so it survives JSON and structured clone.
 */
export interface FileParse {
  file: string;
  /** Its manifest entry; null when the file was skipped. */
  rawFile: Manifest['rawFiles'][number] | null;
  warnings: BuildWarning[];
  notes: string[];
  /**
   * Documents before copies are collapsed and ids given; `interprets` is the index, in this list, of the document a
   * 解读 interprets; `key`, what copies of it share (`copyKey`): made with the parse, so that a rebuild takes it
   * from the parse cache with the document instead of reading every document's text again (1 s at 10,000).
   */
  docs: { doc: Assembled['doc']; interprets: number | null; key: string }[];
}

/** Bytes of one raw file → its documents, warnings and manifest entry (decode → lines → furniture → paragraphs → segment → assemble). */
export function parseRawFile(f: RawFile, sha256Hex: HashHex): FileParse {
  const warnings: BuildWarning[] = [];
  const decoded = decodeRaw(f.bytes);
  if (!decoded.ok) return { file: f.name, rawFile: null, warnings: [{ file: f.name, message: `已跳过：${decoded.reason}` }], notes: [], docs: [] };
  decoded.warnings.forEach((message) => warnings.push({ file: f.name, message }));
  // A file of Markdown (laws are collected so) is read for its words, whatever its name.
  const { lines, splitLines } = toLines(looksLikeMarkdown(decoded.text) ? markdownToText(decoded.text) : decoded.text);
  if (splitLines) warnings.push({ file: f.name, message: `有 ${splitLines} 行超过 ${MAX_LINE_CHARS} 个字符，已拆成几段读取（行号不变）` });
  const { lines: clean, removed } = removeFurniture(lines);
  const echo = { echoLines: 0 };
  const paras = toParagraphs(clean, undefined, echo);
  // Every line taken out of the text is counted, by rule (trailing-title and byline lines become the title and authors).
  const dropped: Record<string, number> = {};
  for (const r of removed) dropped[r.kind] = (dropped[r.kind] ?? 0) + r.lines.length;
  if (echo.echoLines) dropped['heading-echo'] = echo.echoLines;
  const rawFile = { file: f.name, sha256: sha256Hex(f.bytes), encoding: decoded.encoding, lines: lines.length, dropped };
  const { docs, notes } = segmentFile(f.name, paras, removed);
  if (docs.length === 0) warnings.push({ file: f.name, message: '文件中没有识别出有标题和正文的文档' });
  const byDraft = new Map<DocDraft, Assembled>();
  docs.forEach((d, k) => {
    const a = assemble(d, (of) => byDraft.get(of)?.doc.title ?? null);
    if (a.doc.units.length === 0) a.doc.bodyMissing = whyNoBody(f.name, d, docs[k + 1], lines);
    byDraft.set(d, a);
  });
  return {
    file: f.name,
    rawFile,
    warnings,
    notes,
    docs: docs.map((d) => {
      const doc = byDraft.get(d)!.doc;
      return { doc, interprets: d.interprets ? docs.indexOf(d.interprets) : null, key: copyKey(doc, sha256Hex) };
    }),
  };
}

/**
 * Every file's parse → the corpus: files in name order (whatever order the
 * workers finished in), identical copies collapsed across files, ids given.
 */
export function assembleCorpus(parses: FileParse[], sha256Hex: HashHex): BuildResult {
  const warnings: BuildWarning[] = [];
  const notes: string[] = [];
  const rawFiles: Manifest['rawFiles'] = [];
  const assembled: Keyed[] = [];
  let skippedFiles = 0;
  for (const p of [...parses].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    warnings.push(...p.warnings);
    if (!p.rawFile) {
      skippedFiles++;
      continue;
    }
    rawFiles.push(p.rawFile);
    notes.push(...p.notes);
    // collapseCopies needs each document's draft only as an identity and for the 解读 link; rebuild those from the indices.
    const drafts = p.docs.map(() => ({ file: p.file, interprets: null }) as unknown as DocDraft);
    const fileHash = p.rawFile.sha256;
    p.docs.forEach((d, k) => {
      if (d.interprets !== null) drafts[k].interprets = drafts[d.interprets];
      assembled.push({ doc: d.doc, draft: drafts[k], key: d.key, origin: `${p.file}\t${fileHash}\t${k}` });
    });
  }
  const { docs, provenance } = collapseCopies(assembled, sha256Hex);
  return { docs, warnings, notes, rawFiles, skippedFiles, provenance };
}

/**
 * A document with a title and no text: blank pages between its title and the
 * next document (a page that was an image in the PDF) say why; else no text.
 */
function whyNoBody(file: string, d: DocDraft, next: DocDraft | undefined, lines: Line[]): BodyMissing {
  const from = (d.paras.at(-1) ?? d.title)?.lastLine ?? 0;
  const to = (next?.title ?? next?.paras[0])?.firstLine ?? Infinity;
  const contentPages = new Set(lines.filter((l) => l.text.trim() && l.page !== null).map((l) => l.page));
  const blank = [...new Set(lines.filter((l) => l.no > from && l.no < to && l.page !== null && !contentPages.has(l.page)).map((l) => l.page as number))].sort((a, b) => a - b);
  if (!blank.length) return { reason: 'no-text', detail: `${file}：只有标题，没有正文（第 ${from} 行）` };
  const range = blank.length > 1 ? `${blank[0]}–${blank[blank.length - 1]}` : `${blank[0]}`;
  return { reason: 'blank-pages', detail: `${file}：标题后的第 ${range} 页没有文字（源 PDF 中可能是图片）` };
}

/** Key of a document's text: folded, white space removed, so copies that differ only in width or wrapping match. */
export function contentKey(units: Unit[], sha256Hex: HashHex): string {
  const text = flattenUnits(units)
    .map((u) => u.label + unitOwnText(u))
    .join('\n');
  return sha256Hex(fold(text).replace(/\s+/g, ''));
}

/** What copies of a document share (collapseCopies): its text's key; a document without text (its pages were images) is only identical to another with the same title and date. */
export function copyKey(doc: Assembled['doc'], sha256Hex: HashHex): string {
  return doc.units.length ? contentKey(doc.units, sha256Hex) : sha256Hex(`empty|${doc.title}|${doc.date}`);
}

const TITLE_RANK = { 'title-line': 0, 'running-header': 1, 'trailing-title': 2, inferred: 3 } as const;

/**
 * Copies of one document (the text already agrees): their title, 文号 and
 * date agree where both print them. A title made up from the text
 * (`inferred`) is not a printed title, and a copy that lacks a 文号 or a date
 * (a newsletter reprint) does not contradict one that has it.
 */
export function sameDocument(a: Assembled['doc'], b: Assembled['doc']): boolean {
  const agree = (x: string | null, y: string | null) => x === null || y === null || fold(x).replace(/\s+/g, '') === fold(y).replace(/\s+/g, '');
  const title = (d: Assembled['doc']) => (d.titleSource === 'inferred' ? null : d.title);
  return agree(title(a), title(b)) && agree(a.docNumber, b.docNumber) && agree(a.date, b.date);
}

/** A document with the `copyKey` its parse made, and where it came from (its file, the file's hash, its place there). */
type Keyed = Assembled & { key: string; origin: string };

function collapseCopies(assembled: Keyed[], sha256Hex: HashHex): { docs: PolicyDocument[]; provenance: string[] } {
  const groups = new Map<string, Keyed[]>();
  for (const a of assembled) {
    const { key } = a;
    // Same text is not enough: two notices with one body but their own title, 文号 or date are two documents.
    let k = 0;
    while ((groups.get(`${key}#${k}`) ?? []).some((g) => !sameDocument(g.doc, a.doc))) k++;
    const slot = `${key}#${k}`;
    groups.set(slot, [...(groups.get(slot) ?? []), a]);
  }
  // Interpretations are titled after the merged document they interpret, so
  // every copy of a 解读 gets the same title whichever copy lent the title.
  const mergedTitle = new Map<DocDraft, string>();
  for (const group of groups.values()) {
    const best = [...group].sort((x, y) => TITLE_RANK[x.doc.titleSource] - TITLE_RANK[y.doc.titleSource])[0];
    for (const g of group) mergedTitle.set(g.draft, best.doc.title);
  }
  for (const group of groups.values()) {
    for (const g of group) {
      const of = g.draft.interprets ? mergedTitle.get(g.draft.interprets) : undefined;
      if (of) g.doc.title = `《${of}》政策解读`;
    }
  }
  const out: { doc: PolicyDocument; provenance: string }[] = [];
  const usedIds = new Set<string>();
  // A 文号 names one document; where a corpus gives the same 文号 to several (a compilation's typo), it cannot be the id.
  const numberUses = new Map<string, number>();
  for (const group of groups.values()) {
    const n = group.map((g) => g.doc.docNumber).find(Boolean);
    if (n) numberUses.set(n, (numberUses.get(n) ?? 0) + 1);
  }
  for (const [key, group] of groups) {
    // The copy with the best title provenance is shown; the others lend what it lacks.
    const sorted = [...group].sort((x, y) => TITLE_RANK[x.doc.titleSource] - TITLE_RANK[y.doc.titleSource]);
    const best = sorted[0].doc;
    const pick = <K extends keyof typeof best>(k: K) => sorted.map((s) => s.doc[k]).find((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) ?? best[k];
    const merged = {
      ...best,
      issuers: pick('issuers'),
      docNumber: pick('docNumber'),
      date: pick('date'),
      effectiveDate: pick('effectiveDate'),
      addressees: pick('addressees'),
      signature: pick('signature'),
      sources: group.flatMap((g) => g.doc.sources).sort((a, b) => (a.file === b.file ? a.startLine - b.startLine : a.file < b.file ? -1 : 1)),
    };
    merged.issuer = merged.issuers.join('、');
    if (merged.region.province === null) merged.region = sorted.map((s) => s.doc.region).find((r) => r.province) ?? sorted.map((s) => s.doc.region).find((r) => r.level === 'national') ?? merged.region;
    const uniqueNumber = merged.docNumber && numberUses.get(merged.docNumber) === 1 ? merged.docNumber : null;
    let id = documentId(merged.title, merged.date, merged.docNumber, uniqueNumber, sha256Hex);
    if (usedIds.has(id)) id = `${id}-${key.slice(0, 6)}`;
    usedIds.add(id);
    // A copy from the parse cache has only its counts here: its units are read when the document is asked for them.
    const later = deferredUnits(best);
    const units = later ? [] : withIds(merged.units, id);
    const doc = { ...merged, id, units, ...(later ? { unitCount: later.unitCount, charCount: later.charCount } : unitCounts(units)) } as PolicyDocument;
    if (later) unitsOnDemand(doc, { ...later, load: () => withIds(later.load(), id) });
    // The id and the title are decided with other groups (numberUses, usedIds, mergedTitle); all else comes from the copies.
    out.push({ doc, provenance: [id, merged.title, ...group.map((g) => g.origin)].join('\n') });
  }
  out.sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1));
  return { docs: out.map((o) => o.doc), provenance: out.map((o) => o.provenance) };
}

/**
 * Stable, URL-safe id from what identifies a document, not from its position
 * in a file: its 文号 when it has one that no other document shares (so a
 * corrected title keeps the id), else its title, date and 文号. A remaining
 * collision gets a suffix from the text (see collapseCopies).
 */
export function documentId(title: string, date: string | null, docNumber: string | null, uniqueNumber: string | null, sha256Hex: HashHex): string {
  const key = uniqueNumber ? `文号|${uniqueNumber}` : `${title}|${date ?? ''}|${docNumber ?? ''}`;
  return 'p' + sha256Hex(fold(key).replace(/\s+/g, '')).slice(0, 11);
}

/** A document's `unitCount` and `charCount`, from its units. */
export function unitCounts(units: Unit[]): { unitCount: number; charCount: number } {
  const flat = flattenUnits(units);
  return { unitCount: flat.length, charCount: flat.reduce((n, u) => n + unitOwnChars(u), 0) };
}

function withIds(units: Unit[], docId: string): Unit[] {
  return units.map((u) => ({ ...u, id: u.id.replace(TEMP_ID, docId), children: withIds(u.children, docId) }));
}

export function summarize(d: PolicyDocument): DocSummary {
  const { id, title, titleSource, issuer, issuers, docNumber, date, effectiveDate, authors, region, kind, sources, unitCount, charCount, bodyMissing } = d;
  return { id, title, titleSource, issuer, issuers, docNumber, date, effectiveDate, authors, region, kind, sources, unitCount, charCount, bodyMissing };
}

/** Serialise with a fixed key order and a trailing newline: same input, same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 1) + '\n';
}

/**
 * A document or the library as one line: read by programs, and indenting them made the corpus three times the
 * size of its text (a 15 KB law became 67 KB). `policy-reader show DOC` prints a document readably.
 */
export function compactJson(value: unknown): string {
  return JSON.stringify(value) + '\n';
}
