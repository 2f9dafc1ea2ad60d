import type { PolicyDocument } from '../../core/corpus/types';
import { formatDate, formatRegion } from '../library/format';
import { printPage } from '../platform';

function pageRange(first: number | null, last: number | null): string {
  if (first === null) return '';
  return last !== null && last !== first ? `第${first}–${last}页` : `第${first}页`;
}

export function DocHeader({ doc }: { doc: PolicyDocument }) {
  return (
    <header className="doc-header">
      <h1>
        {doc.title}
        {doc.titleSource === 'inferred' && (
          <span className="inferred" title="原文无标题，此标题由其他信息推断">
            （推断标题）
          </span>
        )}
      </h1>
      <dl className="doc-facts">
        {doc.issuer && (
          <>
            <dt>发文机关</dt>
            <dd>{doc.issuer}</dd>
          </>
        )}
        {doc.docNumber && (
          <>
            <dt>文号</dt>
            <dd>{doc.docNumber}</dd>
          </>
        )}
        {doc.authors.length > 0 && (
          <>
            <dt>作者</dt>
            <dd>{doc.authors.join('、')}</dd>
          </>
        )}
        <dt>日期</dt>
        <dd>{formatDate(doc.date)}</dd>
        {doc.effectiveDate && (
          <>
            <dt>施行日期</dt>
            <dd>{formatDate(doc.effectiveDate)}</dd>
          </>
        )}
        <dt>地区</dt>
        <dd>{formatRegion(doc.region)}</dd>
        <dt>类型</dt>
        <dd>{doc.kind}</dd>
        <dt>来源</dt>
        <dd>
          <ul className="sources" data-testid="sources">
            {doc.sources.map((s, i) => (
              <li key={i}>
                <span className="file">{s.file}</span> {pageRange(s.firstPage, s.lastPage)}
                <span className="lines">
                  （第{s.startLine}–{s.endLine}行）
                </span>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {doc.reprintedFrom && <p className="reprinted">转自：{doc.reprintedFrom}</p>}
      <div className="doc-actions">
        <a href="#/">← 文库</a>
        <button type="button" onClick={printPage}>
          打印
        </button>
        <span className="hint">j / k 或 ↓ / ↑ 逐条移动，c 复制当前条文</span>
      </div>
    </header>
  );
}
