/**
 * Where an annotated clause is (第十条, （十）, 附件 · 第三条), for 我的标注's
 * cards. The locator comes from core/citation like every other citation; the
 * document is loaded only for the cards in view (the list is virtual), and
 * the answers are kept so scrolling back does not load it again.
 */
import { useEffect, useState } from 'react';
import { findUnit, locator } from '../../core/citation/citation';
import { loadDocument } from '../data/corpus';

const MAX_KEPT = 5000;
/** unit id → locator ('' where the clause prints no number), or null when the document or clause is gone. */
const kept = new Map<string, string | null>();

function keep(unitId: string, value: string | null): void {
  kept.set(unitId, value);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
}

export function useUnitLocator(docId: string, unitId: string | null): string | null | undefined {
  const [value, setValue] = useState<string | null | undefined>(() => (unitId ? kept.get(unitId) : null));
  useEffect(() => {
    if (!unitId) return setValue(null);
    if (kept.has(unitId)) return setValue(kept.get(unitId));
    let live = true;
    loadDocument(docId).then(
      (doc) => {
        const ref = findUnit(doc.units, unitId);
        const loc = ref ? locator(ref.unit, ref.ancestors) : null;
        keep(unitId, loc);
        if (live) setValue(loc);
      },
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [docId, unitId]);
  return value;
}
