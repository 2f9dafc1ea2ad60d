/**
 * The startup re-anchoring pass: when the corpus's contentHash differs from
 * the one annotations were made on, their documents are loaded and the
 * annotations re-anchored (core), updated, and orphans marked. Also callable
 * by the UI (a 重新定位 button) and the benchmark.
 */
import { type ReanchorChange, type ReanchorReport, onlyCorpusChanged, reanchorMany } from '../../core/annotations/reanchor-all';
import type { PolicyDocument } from '../../core/corpus/types';
import type { CancellationToken } from '../../core/util/cancellation';
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
  /** Cancels the pass (nothing is written); see core/util/cancellation.ts. */
  token?: CancellationToken;
}

export async function reanchorAll(deps: ReanchorDeps = {}): Promise<ReanchorAllResult> {
  const t0 = performance.now();
  const database = deps.database ?? db();
  const nothing = () => ({ changes: [], counts: { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 }, written: 0, ms: performance.now() - t0 });
  // A reader with no annotations has nothing to re-anchor: the corpus's manifest, read for its contentHash alone
  // (1.8 MB at 10,007 documents), is then not fetched and parsed at every start.
  if (deps.contentHash === undefined && (await database.annotationCount()) === 0) return nothing();
  const contentHash = deps.contentHash ?? (await loadContentHash());
  const candidates = await database.annotationsNotOn(contentHash);
  if (!candidates.length) return nothing();
  const library = deps.library ?? (await loadLibrary()).docs;
  const report = await reanchorMany(candidates, contentHash, library, deps.loadDoc ?? ((id) => loadDocument(id)), deps.token);
  // After a rebuild most annotations are exactly where they were: they are
  // remembered as checked rather than rewritten (10,000 IndexedDB writes took
  // seconds), so a start after a rebuild stays quick.
  const unchanged: ReanchorChange[] = [];
  const updates: ReanchorChange[] = [];
  for (const c of report.changes) (onlyCorpusChanged(c) ? unchanged : updates).push(c);
  const written = await database.saveReanchored(updates, { contentHash, annotations: unchanged.map((c) => c.before) });
  return { ...report, written, ms: performance.now() - t0 };
}
