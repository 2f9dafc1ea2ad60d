/**
 * The corpus build, framework-free: raw files (name + bytes) → documents,
 * with identical copies collapsed and ids derived from content. The CLI does
 * the file I/O; this module only computes, so it is deterministic and
 * testable on fixtures.
 */
import { type Assembled, TEMP_ID, assemble } from './assemble.js';
import { decodeRaw } from './decode.js';
import { removeFurniture } from './furniture.js';
import { toLines } from './lines.js';
import { toParagraphs } from './paragraphs.js';
import { type DocDraft, segmentFile } from './segment.js';
import { flattenUnits, unitOwnText } from './structure.js';
import type { BuildWarning, DocSummary, Manifest, PolicyDocument, Unit } from './types.js';
import { CORPUS_FORMAT_VERSION } from './types.js';
import { fold } from '../text/normalize.js';

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
}

export function buildCorpus(files: RawFile[], sha256Hex: HashHex): BuildResult {
  const warnings: BuildWarning[] = [];
  const notes: string[] = [];
  const rawFiles: Manifest['rawFiles'] = [];
  const assembled: Assembled[] = [];
  let skippedFiles = 0;

  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const decoded = decodeRaw(f.bytes);
    if (!decoded.ok) {
      warnings.push({ file: f.name, message: `skipped: ${decoded.reason}` });
      skippedFiles++;
      continue;
    }
    decoded.warnings.forEach((message) => warnings.push({ file: f.name, message }));
    const { lines } = toLines(decoded.text);
    rawFiles.push({ file: f.name, sha256: sha256Hex(f.bytes), encoding: decoded.encoding, lines: lines.length });
    const { lines: clean, removed } = removeFurniture(lines);
    const paras = toParagraphs(clean);
    const { docs, notes: segNotes } = segmentFile(f.name, paras, removed);
    notes.push(...segNotes);
    if (docs.length === 0) warnings.push({ file: f.name, message: 'no document found in this file' });
    const byDraft = new Map<DocDraft, Assembled>();
    for (const d of docs) {
      const a = assemble(d, (of) => byDraft.get(of)?.doc.title ?? null);
      byDraft.set(d, a);
      assembled.push(a);
    }
  }

  const docs = collapseCopies(assembled, sha256Hex);
  return { docs, warnings, notes, rawFiles, skippedFiles };
}

/** Key of a document's text: folded, white space removed, so copies that differ only in width or wrapping match. */
export function contentKey(units: Unit[], sha256Hex: HashHex): string {
  const text = flattenUnits(units)
    .map((u) => u.label + unitOwnText(u))
    .join('\n');
  return sha256Hex(fold(text).replace(/\s+/g, ''));
}

const TITLE_RANK = { 'title-line': 0, 'running-header': 1, 'trailing-title': 2, inferred: 3 } as const;

function collapseCopies(assembled: Assembled[], sha256Hex: HashHex): PolicyDocument[] {
  const groups = new Map<string, Assembled[]>();
  for (const a of assembled) {
    // A document without text (its pages were images) is only identical to another with the same title.
    const key = a.doc.units.length ? contentKey(a.doc.units, sha256Hex) : sha256Hex(`empty|${a.doc.title}|${a.doc.date}`);
    groups.set(key, [...(groups.get(key) ?? []), a]);
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
  const out: PolicyDocument[] = [];
  const usedIds = new Set<string>();
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
    let id = documentId(merged.title, merged.date, merged.docNumber, sha256Hex);
    if (usedIds.has(id)) id = `${id}-${key.slice(0, 6)}`;
    usedIds.add(id);
    const units = withIds(merged.units, id);
    const flat = flattenUnits(units);
    out.push({
      ...merged,
      id,
      units,
      unitCount: flat.length,
      charCount: flat.reduce((n, u) => n + unitOwnText(u).replace(/\n/g, '').length, 0),
    } as PolicyDocument);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Stable, URL-safe id from what identifies a document, not from its position in a file. */
export function documentId(title: string, date: string | null, docNumber: string | null, sha256Hex: HashHex): string {
  return 'p' + sha256Hex(fold(`${title}|${date ?? ''}|${docNumber ?? ''}`).replace(/\s+/g, '')).slice(0, 11);
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

export interface CorpusFiles {
  /** Relative path (under resources/corpus/) → file content. */
  files: Map<string, string>;
  manifest: Manifest;
}

export function corpusFiles(
  result: BuildResult,
  sha256Hex: HashHex,
  extra: { path: string; data: string }[] = [],
  rootExtra: { path: string; data: string }[] = [],
): CorpusFiles {
  const files = new Map<string, string>();
  files.set('library.json', stableJson(result.docs.map(summarize)));
  for (const d of result.docs) files.set(`docs/${d.id}.json`, stableJson(d));
  for (const e of extra) files.set(`search/${e.path}`, e.data);
  for (const e of rootExtra) files.set(e.path, e.data);
  const hashInput = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, c]) => `${p}\n${sha256Hex(c)}`).join('\n');
  const manifest: Manifest = {
    formatVersion: CORPUS_FORMAT_VERSION,
    contentHash: sha256Hex(hashInput),
    counts: {
      rawFiles: result.rawFiles.length + result.skippedFiles,
      documents: result.docs.length,
      units: result.docs.reduce((n, d) => n + d.unitCount, 0),
      characters: result.docs.reduce((n, d) => n + d.charCount, 0),
      skippedFiles: result.skippedFiles,
    },
    rawFiles: result.rawFiles,
    warnings: result.warnings,
    notes: result.notes,
  };
  files.set('manifest.json', stableJson(manifest));
  return { files, manifest };
}
