/**
 * A new version of a document arrives (a revision placed on import): the
 * annotations on the older version are offered on the new one. Each is
 * copied (a new id; the original stays on the older text) and placed in the
 * new text by the re-anchoring the app uses after a corpus rebuild — same
 * clause path first, then the quote anywhere, then an approximate match — and
 * flagged when the clause it is on was changed by the revision (the
 * comparison's own alignment says which), so the user can look at each.
 */
import { reanchor } from '../annotations/anchor.js';
import { newAnnotationId } from '../annotations/create.js';
import { type Annotation, unitIdOf } from '../annotations/model.js';
import { alignDocuments } from '../compare/align.js';
import type { PolicyDocument } from '../corpus/types.js';
import { splitUnitId, unitId as unitIdFor } from '../corpus/unit-id.js';

export interface CarriedAnnotation {
  from: Annotation;
  /** The copy placed on the newer document, or null when its words are not in the new text. */
  copy: Annotation | null;
  /** The clause it is on was changed (or removed) in the newer version. */
  clauseChanged: boolean;
}

export function carryOver(annotations: readonly Annotation[], older: PolicyDocument, newer: PolicyDocument, contentHash: string, now: string): CarriedAnnotation[] {
  const rows = alignDocuments(older, newer).rows;
  const statusOf = new Map<string, string>();
  for (const r of rows) for (const id of r.a) statusOf.set(id, r.status);
  return annotations.map((from) => {
    const unitId = unitIdOf(from);
    const path = unitId ? splitUnitId(unitId).path : null;
    // Ask for the same clause in the new text first: unit paths survive a revision that keeps the numbering.
    const asked: Annotation = { ...from, id: newAnnotationId(), created: now, modified: now, target: { ...from.target, 'policyReader:unitId': path ? unitIdFor(newer.id, path) : null } };
    const r = reanchor(asked, newer, contentHash);
    const status = unitId ? statusOf.get(unitId) : 'same';
    return { from, copy: r.status === 'orphaned' ? null : r.annotation, clauseChanged: status !== 'same' && status !== 'moved' };
  });
}
