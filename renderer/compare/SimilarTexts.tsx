import { useMemo, useState } from 'react';
import { DOCUMENT_OVERLAP_NAME } from '../../core/compare/measures';
import { docVariants } from '../../core/compare/restore';
import { useLibrary } from '../hooks/useCorpus';
import { compareHref, docHref } from '../routing/hash';
import { DOCUMENT_OVERLAP_HELP, pct, RELATION_LABEL } from './labels';

/** Members listed at first (and added per 显示更多): a family of a national template can hold thousands. */
export const SIMILAR_PAGE = 10;
import { useDocVariants } from './variantsData';
// Its own styles: the reading view can open before the comparison ever loaded compare.css.
import './compare.css';

/**
 * 相似文本 (n) in the reading view's header: the document's family (text
 * variants, with relation and similarity) and, apart and labelled as such,
 * documents related by subject only. Each opens the comparison. Members are
 * ranked by document overlap (the same figure as the comparison's summary) and
 * listed SIMILAR_PAGE at a time.
 */
export function SimilarTexts({ docId }: { docId: string }) {
  const v = useDocVariants(docId);
  const library = useLibrary();
  const [shown, setShown] = useState(SIMILAR_PAGE);
  const titles = useMemo(() => new Map(library.status === 'ready' ? library.value.docs.map((d) => [d.id, d.title]) : []), [library]);
  if (!v) return null;
  // The shard could not be read: this document's variants are lost until a rebuild, the reader is not.
  if (v.problem)
    return (
      <p className="similar-problem" role="status" data-testid="variants-problem">
        {v.problem}
      </p>
    );
  const { family, pairs, subject } = docVariants(v.summary, v.shard, docId);
  const pairWith = (id: string) => pairs.find((p) => p.a === id || p.b === id);
  const overlapWith = (id: string) => {
    const p = pairWith(id);
    return p ? Math.max(p.aInB, p.bInA) : -1;
  };
  const members = (family?.members ?? []).filter((id) => id !== docId).sort((x, y) => overlapWith(y) - overlapWith(x) || (x < y ? -1 : 1));
  if (!members.length && !subject.length) return null;
  const title = (id: string) => titles.get(id) ?? id;
  return (
    <details className="similar-texts" data-testid="similar-texts">
      <summary>相似文本 ({members.length})</summary>
      {members.length > 0 && (
        <ul aria-label="相似文本">
          {members.slice(0, shown).map((id) => {
            const p = pairWith(id);
            const relation = p ? `${RELATION_LABEL[p.relation]}${p.relation === 'revision' ? (p.a === docId ? '（本篇在先）' : '（本篇在后）') : ''}` : '同组相关';
            const sim = p ? pct(Math.max(p.aInB, p.bInA)) : null;
            return (
              <li key={id} data-doc-id={id}>
                <a href={docHref(id)}>{title(id)}</a>
                <span className="similar-relation">{relation}</span>
                {sim && (
                  <span className="similar-score" title={DOCUMENT_OVERLAP_HELP}>
                    {DOCUMENT_OVERLAP_NAME} {sim}
                  </span>
                )}
                <a className="similar-compare" href={compareHref(docId, id)} aria-label={`比较本篇与《${title(id)}》`}>
                  比较
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {members.length > shown && (
        <button type="button" className="similar-more" onClick={() => setShown((n) => n + SIMILAR_PAGE)}>
          显示更多（还有 {members.length - shown} 篇）
        </button>
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
