/**
 * The startup re-anchoring pass: when the corpus's contentHash differs from
 * the one annotations were made on, their documents are loaded and the
 * annotations re-anchored (core), updated, and orphans marked. Also callable
 * by the UI (a 重新定位 button) and the benchmark.
 */
import { type ReanchorReport, reanchorMany } from '../../core/annotations/reanchor-all';
import type { PolicyDocument } from '../../core/corpus/types';
import { loadContentHash, loadDocument, loadLibrary } from '../data/corpus';
import { type ReaderDatabase, db } from '../db/database';

export interface ReanchorAllResult extends ReanchorReport {
  written: number;
  ms: number;
}

export interface ReanchorDeps {
  database?: ReaderDatabase;
  contentHash?: string;
  library?: { id: string; title: string; docNumber: string | null }[];
  loadDoc?: (id: string) => Promise<PolicyDocument | null>;
}

export async function reanchorAll(deps: ReanchorDeps = {}): Promise<ReanchorAllResult> {
  const t0 = performance.now();
  const database = deps.database ?? db();
  const contentHash = deps.contentHash ?? (await loadContentHash());
  const candidates = await database.annotationsNotOn(contentHash);
  if (!candidates.length) return { changes: [], counts: { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 }, written: 0, ms: performance.now() - t0 };
  const library = deps.library ?? (await loadLibrary()).docs;
  const report = await reanchorMany(candidates, contentHash, library, deps.loadDoc ?? ((id) => loadDocument(id)));
  const written = await database.saveReanchored(report.changes);
  return { ...report, written, ms: performance.now() - t0 };
}
