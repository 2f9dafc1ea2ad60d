/**
 * Re-anchoring many annotations after a corpus rebuild: each document is
 * loaded once, and a document whose id changed (a corrected title changes it)
 * is found again by its 文号, else by its exact title, before its
 * annotations are given up as orphans.
 */
import type { DocSummary, PolicyDocument } from '../corpus/types.js';
import { type ReanchorStatus, reanchor } from './anchor.js';
import { type Annotation, isOrphaned } from './model.js';
import { type CancellationToken, throwIfCancelled } from '../util/cancellation.js';

export interface ReanchorChange {
  before: Annotation;
  after: Annotation;
  status: ReanchorStatus;
}

export interface ReanchorReport {
  changes: ReanchorChange[];
  counts: Record<ReanchorStatus, number>;
}

/**
 * True when re-anchoring changed nothing but the corpus stamp: the annotation
 * is exactly where it was, so storing it again would only restamp it.
 */
export function onlyCorpusChanged(c: ReanchorChange): boolean {
  if (c.status !== 'kept') return false;
  const restamped = { ...c.after, target: { ...c.after.target, 'policyReader:contentHash': c.before.target['policyReader:contentHash'] } };
  return sameData(restamped, c.before);
}

/** Deep equality of JSON data (what an annotation is); cheaper than comparing serialisations for 10,000 of them. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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

/**
 * Re-anchors `list` against the corpus `contentHash`. Bounded: each
 * annotation's approximate search scores at most a fixed number of candidates
 * (anchor.ts). Cancellable: the token is checked after every document load and
 * between annotations; a cancelled pass throws CancellationError and returns
 * nothing, so the caller writes nothing and the next pass starts over.
 */
export async function reanchorMany(
  list: readonly Annotation[],
  contentHash: string,
  library: readonly Pick<DocSummary, 'id' | 'title' | 'docNumber'>[],
  loadDoc: (id: string) => Promise<PolicyDocument | null>,
  token?: CancellationToken,
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
  // Every document is requested at once: loading them one after another left
  // the pass waiting on each round trip in turn.
  const docs = new Map<string | null, Promise<PolicyDocument | null>>();
  for (const id of byDoc.keys()) docs.set(id, id ? Promise.resolve(id).then(loadDoc).catch(() => null) : Promise.resolve(null));
  for (const [id, group] of byDoc) {
    const doc = await docs.get(id)!;
    for (const a of group) {
      throwIfCancelled(token);
      const r = reanchor(a, doc, contentHash);
      counts[r.status]++;
      // An orphan that stays an orphan has nothing new to store.
      if (r.status === 'orphaned' && isOrphaned(a)) continue;
      changes.push({ before: a, after: r.annotation, status: r.status });
    }
  }
  return { changes, counts };
}
