import { useMemo } from 'react';
import { variantsOf } from '../../core/compare/restore';
import { useLibrary } from '../hooks/useCorpus';
import { compareHref, docHref } from '../routing/hash';
import { pct, RELATION_LABEL } from './labels';
import { useVariants } from './variantsData';

/**
 * 相似文本 (n) in the reading view's header: the document's family (text
 * variants, with relation and similarity) and, apart and labelled as such,
 * documents related by subject only. Each opens the comparison.
 */
export function SimilarTexts({ docId }: { docId: string }) {
  const v = useVariants();
  const library = useLibrary();
  const titles = useMemo(() => new Map(library.status === 'ready' ? library.value.docs.map((d) => [d.id, d.title]) : []), [library]);
  if (!v) return null;
  const { family, pairs, subject } = variantsOf(v, docId);
  const members = (family?.members ?? []).filter((id) => id !== docId);
  if (!members.length && !subject.length) return null;
  const pairWith = (id: string) => pairs.find((p) => p.a === id || p.b === id);
  const title = (id: string) => titles.get(id) ?? id;
  return (
    <details className="similar-texts" data-testid="similar-texts">
      <summary>相似文本 ({members.length})</summary>
      {members.length > 0 && (
        <ul aria-label="相似文本">
          {members.map((id) => {
            const p = pairWith(id);
            const relation = p ? `${RELATION_LABEL[p.relation]}${p.relation === 'revision' ? (p.a === docId ? '（本篇在先）' : '（本篇在后）') : ''}` : '同组相关';
            const sim = p ? pct(Math.max(p.aInB, p.bInA)) : null;
            return (
              <li key={id} data-doc-id={id}>
                <a href={docHref(id)}>{title(id)}</a>
                <span className="similar-relation">{relation}</span>
                {sim && <span className="similar-score">重合 {sim}</span>}
                <a className="similar-compare" href={compareHref(docId, id)} aria-label={`比较本篇与《${title(id)}》`}>
                  比较
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {subject.length > 0 && (
        <>
          <p className="similar-subject-head">主题相关（文字重合很少）</p>
          <ul aria-label="主题相关">
            {subject.map((s) => {
              const id = s.a === docId ? s.b : s.a;
              return (
                <li key={id} data-doc-id={id}>
                  <a href={docHref(id)}>{title(id)}</a>
                  <span className="similar-score" title={s.terms.join('、')}>
                    主题相似 {pct(s.score)}
                  </span>
                  <a className="similar-compare" href={compareHref(docId, id)} aria-label={`比较本篇与《${title(id)}》`}>
                    比较
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
