/**
 * Re-anchoring many annotations after a corpus rebuild: each document is
 * loaded once, and a document whose id changed (a corrected title changes it)
 * is found again by its 文号, else by its exact title, before its
 * annotations are given up as orphans.
 */
import type { DocSummary, PolicyDocument } from '../corpus/types.js';
import { type ReanchorStatus, reanchor } from './anchor.js';
import { type Annotation, isOrphaned } from './model.js';

export interface ReanchorChange {
  before: Annotation;
  after: Annotation;
  status: ReanchorStatus;
}

export interface ReanchorReport {
  changes: ReanchorChange[];
  counts: Record<ReanchorStatus, number>;
}

/** Annotations made on another corpus version, and orphans (a new corpus may place them). */
export function needsReanchor(a: Annotation, contentHash: string): boolean {
  return a.target['policyReader:contentHash'] !== contentHash || isOrphaned(a);
}

/** The corpus's id for an annotation's document: the same id, else the only document with its 文号, else with its title. */
export function findDocId(a: Annotation, library: readonly Pick<DocSummary, 'id' | 'title' | 'docNumber'>[]): string | null {
  const d = a.target['policyReader:document'];
  if (library.some((s) => s.id === d.id)) return d.id;
  if (d.docNumber) {
    const byNumber = library.filter((s) => s.docNumber === d.docNumber);
    if (byNumber.length === 1) return byNumber[0].id;
  }
  const byTitle = library.filter((s) => s.title === d.title);
  return byTitle.length === 1 ? byTitle[0].id : null;
}

export async function reanchorMany(
  list: readonly Annotation[],
  contentHash: string,
  library: readonly Pick<DocSummary, 'id' | 'title' | 'docNumber'>[],
  loadDoc: (id: string) => Promise<PolicyDocument | null>,
): Promise<ReanchorReport> {
  const counts: Record<ReanchorStatus, number> = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const changes: ReanchorChange[] = [];
  const byDoc = new Map<string | null, Annotation[]>();
  for (const a of list) {
    if (!needsReanchor(a, contentHash)) continue;
    const id = findDocId(a, library);
    const group = byDoc.get(id) ?? [];
    group.push(a);
    byDoc.set(id, group);
  }
  for (const [id, group] of byDoc) {
    let doc: PolicyDocument | null = null;
    if (id) {
      try {
        doc = await loadDoc(id);
      } catch {
        doc = null;
      }
    }
    for (const a of group) {
      const r = reanchor(a, doc, contentHash);
      counts[r.status]++;
      // An orphan that stays an orphan has nothing new to store.
      if (r.status === 'orphaned' && isOrphaned(a)) continue;
      changes.push({ before: a, after: r.annotation, status: r.status });
    }
    // Let the UI breathe between documents.
    await Promise.resolve();
  }
  return { changes, counts };
}
