import { useMemo } from 'react';
import { CLAUSE_SIMILARITY_NAME } from '../../core/compare/measures';
import { splitUnitId } from '../../core/corpus/unit-id';
import { useLibrary } from '../hooks/useCorpus';
import { compareHref, docHref } from '../routing/hash';
import { CLAUSE_SIMILARITY_HELP, pct } from './labels';
import { useDocVariants } from './variantsData';
// Its own styles: the reading view can open before the comparison ever loaded compare.css.
import './compare.css';

/**
 * "本条亦见于 …": the unit's closest counterparts in other documents (from
 * its document's variants shard), each a link to the clause and to the comparison. It is UI,
 * not text: a small marker in the clause's margin (亦见 n) that opens the list,
 * so the document reads as printed.
 */
export function SeeAlso({ unitId }: { unitId: string }) {
  const { docId } = splitUnitId(unitId);
  const v = useDocVariants(docId);
  const library = useLibrary();
  const titles = useMemo(() => new Map(library.status === 'ready' ? library.value.docs.map((d) => [d.id, d.title]) : []), [library]);
  // An unreadable shard is said once, in the header's 相似文本 (SimilarTexts), not at every clause.
  const matches = v?.shard?.clauses[unitId];
  if (!matches?.length) return null;
  return (
    <details className="see-also" data-testid="see-also" data-annot-ui="">
      <summary className="see-also-marker" title={`本条亦见于其他 ${matches.length} 篇文件`} aria-label={`本条亦见于 ${matches.length} 篇`}>
        亦见 {matches.length}
      </summary>
      <div className="see-also-panel">
        <p className="see-also-head">本条亦见于</p>
        <ul>
          {matches.map((m) => (
            <li key={m.unit} className="see-also-item">
              <a href={docHref(m.doc, m.unit)}>《{titles.get(m.doc) ?? m.doc}》</a>
              <span className="see-also-score" title={CLAUSE_SIMILARITY_HELP}>
                {CLAUSE_SIMILARITY_NAME} {pct(m.similarity)}
              </span>
              <a className="see-also-compare" href={compareHref(docId, m.doc)} aria-label={`比较本篇与《${titles.get(m.doc) ?? m.doc}》`}>
                比较
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
