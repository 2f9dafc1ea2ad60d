import type { PolicyDocument, SourceRef } from '../../core/corpus/types';
import { formatDate, formatRegion } from '../library/format';
import { DocExportLinks } from '../export/ExportLinks';
import { printPage } from '../platform';
import { TitleProvenance } from '../components/TitleProvenance';
import { SimilarTexts } from '../compare/SimilarTexts';
import { DocBookmarkButton } from '../annotations/UnitControls';
import { ReturnLinks } from './ReturnLinks';

function pageRange(first: number | null, last: number | null): string {
  if (first === null) return '';
  return last !== null && last !== first ? `第${first}–${last}页` : `第${first}页`;
}

/** A document reprinted in many compilations can have a dozen copies: show a few, fold the rest. */
const SHOWN_SOURCES = 3;

function SourceLine({ s }: { s: SourceRef }) {
  return (
    <li>
      <span className="file">{s.file}</span> {pageRange(s.firstPage, s.lastPage)}
      <span className="lines">
        （第{s.startLine}–{s.endLine}行）
      </span>
    </li>
  );
}

function SourceList({ sources }: { sources: SourceRef[] }) {
  const rest = sources.slice(SHOWN_SOURCES);
  return (
    <ul className="sources" data-testid="sources" data-count={sources.length}>
      {sources.slice(0, SHOWN_SOURCES).map((s, i) => (
        <SourceLine key={i} s={s} />
      ))}
      {rest.length > 0 && (
        <li>
          <details>
            <summary>
              共 {sources.length} 个来源，展开其余 {rest.length} 个
            </summary>
            <ul>
              {rest.map((s, i) => (
                <SourceLine key={i} s={s} />
              ))}
            </ul>
          </details>
        </li>
      )}
    </ul>
  );
}

export function DocHeader({ doc }: { doc: PolicyDocument }) {
  return (
    <header className="doc-header">
      <h1>
        {doc.title}
        <TitleProvenance source={doc.titleSource} />
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
        {(doc.date || !doc.effectiveDate) && (
          <>
            <dt>日期</dt>
            <dd>{formatDate(doc.date)}</dd>
          </>
        )}
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
          <SourceList sources={doc.sources} />
        </dd>
      </dl>
      {doc.reprintedFrom && <p className="reprinted">转自：{doc.reprintedFrom}</p>}
      <div className="doc-actions">
        <ReturnLinks />
        <DocBookmarkButton />
        <button type="button" onClick={printPage}>
          打印
        </button>
        <DocExportLinks docId={doc.id} />
        <span className="hint">j / k 或 ↓ / ↑ 逐条移动，c 复制当前条文</span>
      </div>
      <SimilarTexts docId={doc.id} />
    </header>
  );
}
