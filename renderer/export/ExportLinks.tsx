/** Entry points to #/export from other views (我的标注's toolbar, the reading view's header). */
import { useEffect } from 'react';
import { filterToQuery, type AnnotationFilter } from '../../core/annotations/filter';
import { navigate } from '../hooks/useRoute';
import { onMenuCommand } from '../platform';

export const exportHref = (filter: AnnotationFilter) => {
  const q = filterToQuery(filter);
  return q ? `#/export?${q}` : '#/export';
};

/** 我的标注: export what the filter shows (the search words included). A button like its neighbours in the toolbar, not a link styled apart. */
export function ExportFilteredLink({ filter }: { filter: AnnotationFilter }) {
  return (
    <button type="button" onClick={() => navigate(exportHref(filter))}>
      导出 PDF…
    </button>
  );
}

/** Reading view: this document's highlights, or the whole document. */
export function DocExportLinks({ docId }: { docId: string }) {
  return (
    <>
      <a href={exportHref({ docIds: [docId] })}>导出本文标注</a>
      <a href={`#/export?${filterToQuery({ docIds: [docId] })}&mode=document`}>打印 / 导出本文</a>
    </>
  );
}

/** The menu's 导出 PDF 摘编…: the document being read, else everything. */
export function useExportMenu(currentDocId: string | null): void {
  useEffect(
    () =>
      onMenuCommand((c) => {
        if (c === 'export-pdf') navigate(currentDocId ? exportHref({ docIds: [currentDocId] }) : '#/export');
      }),
    [currentDocId],
  );
}
