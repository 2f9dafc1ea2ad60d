/**
 * On a new version of a document already held (a revision placed on import):
 * "《…》上的 3 条标注可带到本文，其中 1 条所在条款已修改" with a look at each
 * changed one, and 带到本文, which copies them onto this document (the
 * originals stay on the older text).
 */
import { useEffect, useState } from 'react';
import type { Placement } from '../../core/import/placement';
import { type CarriedAnnotation, carryOver } from '../../core/import/carry-over';
import { quoteOf } from '../../core/annotations/model';
import { loadContentHash, loadDocument } from '../data/corpus';
import { db } from '../db/database';
import { notify } from '../components/notices';
import { compareHref } from './placementText';

export function CarryOverOffer({ docId, placement }: { docId: string; placement: Placement }) {
  const [carried, setCarried] = useState<CarriedAnnotation[] | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    (async () => {
      const old = await db().annotationsForDoc(placement.other.id);
      if (!old.length) return;
      const [older, newer, hash] = await Promise.all([loadDocument(placement.other.id), loadDocument(docId), loadContentHash()]);
      const mine = new Set((await db().annotationsForDoc(docId)).map((a) => quoteOf(a)?.exact ?? a.target['policyReader:unitId']));
      // Offered once: what is already on this document (carried before) is not offered again.
      const out = carryOver(old, older, newer, hash, new Date().toISOString()).filter((c) => !c.copy || !mine.has(quoteOf(c.copy)?.exact ?? c.copy.target['policyReader:unitId']));
      if (live) setCarried(out);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [docId, placement.other.id]);
  if (!carried?.length || done) return null;
  const placeable = carried.filter((c) => c.copy);
  const changed = carried.filter((c) => c.clauseChanged);
  const bring = async () => {
    try {
      for (const c of placeable) await db().putAnnotation(c.copy!);
      setDone(true);
      notify(`已将 ${placeable.length} 条标注带到本文，刷新后显示。`);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="carry-over" data-testid="carry-over">
      《{placement.other.title}》上的 {carried.length} 条标注可带到本文
      {changed.length > 0 && `，其中 ${changed.length} 条所在条款已修改`}
      {carried.length > placeable.length && `，${carried.length - placeable.length} 条的文字在新版本中已删去`}
      {placeable.length > 0 && (
        <button type="button" onClick={bring}>
          带到本文
        </button>
      )}
      {changed.length > 0 && (
        <ul>
          {changed.map((c) => (
            <li key={c.from.id}>
              “{quoteOf(c.from)?.exact ?? '（书签）'}” <a href={compareHref(placement, docId)}>看改动</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
