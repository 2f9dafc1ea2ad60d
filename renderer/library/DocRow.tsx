import { memo, type CSSProperties } from 'react';
import type { DocSummary } from '../../core/corpus/types';
import { docHref } from '../routing/hash';
import { formatListingDate, formatRegion, sourcesLabel } from './format';
import { TitleProvenance } from '../components/TitleProvenance';
import { CompareCheckbox } from '../compare/LibraryCompare';
import { isUserDocId } from '../../core/import/user-documents';

interface Props {
  doc: DocSummary;
  /** In the virtual list: its measuring ref, the row's place and the list's size (read out by screen readers), its position. */
  measure?: (el: HTMLElement | null) => void;
  index?: number;
  setSize?: number;
  style?: CSSProperties;
}

export const DocRow = memo(function DocRow({ doc, measure, index, setSize, style }: Props) {
  const sources = sourcesLabel(doc);
  return (
    <li
      className="doc-row"
      data-testid="doc-row"
      data-doc-id={doc.id}
      ref={measure}
      data-index={index}
      aria-posinset={index === undefined ? undefined : index + 1}
      aria-setsize={setSize}
      style={style}
    >
      <CompareCheckbox doc={doc} />
      <a className="doc-title" href={docHref(doc.id)}>
        {doc.title}
        <TitleProvenance source={doc.titleSource} />
        {isUserDocId(doc.id) && <span className="badge-mine">我的文件</span>}
      </a>
      <div className="doc-meta">
        <span className="kind">{doc.kind}</span>
        {doc.issuer && <span>{doc.issuer}</span>}
        {doc.docNumber && <span className="docnum">{doc.docNumber}</span>}
        <span className="date">{formatListingDate(doc)}</span>
        <span>{formatRegion(doc.region)}</span>
        {sources && (
          <span className="sources" title={doc.sources.map((s) => s.file).join('\n')}>
            {sources}
          </span>
        )}
      </div>
    </li>
  );
});
