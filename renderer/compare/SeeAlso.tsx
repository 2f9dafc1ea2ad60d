import { useMemo } from 'react';
import { splitUnitId } from '../../core/corpus/unit-id';
import { useLibrary } from '../hooks/useCorpus';
import { compareHref, docHref } from '../routing/hash';
import { pct } from './labels';
import { useVariants } from './variantsData';

/** "本条亦见于 …": the unit's closest counterparts in other documents (from variants.json), each a link to the clause and to the comparison. */
export function SeeAlso({ unitId }: { unitId: string }) {
  const v = useVariants();
  const library = useLibrary();
  const titles = useMemo(() => new Map(library.status === 'ready' ? library.value.docs.map((d) => [d.id, d.title]) : []), [library]);
  const matches = v?.clauses[unitId];
  if (!matches?.length) return null;
  const { docId } = splitUnitId(unitId);
  return (
    <p className="see-also" data-testid="see-also">
      <span className="see-also-head">本条亦见于</span>
      {matches.map((m) => (
        <span key={m.unit} className="see-also-item">
          <a href={docHref(m.doc, m.unit)}>《{titles.get(m.doc) ?? m.doc}》</a>
          <span className="see-also-score">{pct(m.similarity)}</span>
          <a href={compareHref(docId, m.doc)} aria-label={`比较本篇与《${titles.get(m.doc) ?? m.doc}》`}>
            比较
          </a>
        </span>
      ))}
    </p>
  );
}
