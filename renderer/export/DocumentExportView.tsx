/**
 * #/export?doc=<id>&mode=document — 打印 / 导出本文: the whole document with its
 * structure, optionally with the user's highlights and notes, through the same
 * HTML, fonts and savePdf as the annotation export.
 */
import { useMemo, useState } from 'react';
import { documentBoldText, renderDocumentHtml } from '../../core/export/document';
import { embedFonts } from '../../core/export/html';
import { isoDay } from '../../core/export/model';
import { useDocAnnotations } from '../annotations/hooks';
import { LoadError, Loading } from '../components/Status';
import { Toast, useToast } from '../components/Toast';
import { useDocument } from '../hooks/useCorpus';
import { docHref } from '../routing/hash';
import { exportPdf } from '../platform/exportFiles';
import { fontSlices, loadFontSlice } from './fonts';
import { ExportPreview } from './ExportPreview';
import { useExportHtml } from './useExportHtml';
import { usePrintKey } from './usePrintKey';
import './export.css';

export function DocumentExportView({ docId }: { docId: string }) {
  const doc = useDocument(docId);
  const annotations = useDocAnnotations(docId);
  const [withMarks, setWithMarks] = useState(true);
  const [busy, setBusy] = useState(false);
  const { toast, show } = useToast(6000);
  const value = doc.status === 'ready' ? doc.value : null;
  // One input per document, marks choice and annotation list: shown at once, fonts embedded in the background.
  const input = useMemo(() => (value && annotations ? { doc: value, annotations: withMarks ? annotations : [], date: isoDay(new Date()) } : null), [value, annotations, withMarks]);
  const html = useExportHtml(
    input,
    (x) => renderDocumentHtml(x.doc, { annotations: x.annotations, date: x.date }, ''),
    (x) => embedFonts((fontCss) => renderDocumentHtml(x.doc, { annotations: x.annotations, date: x.date }, fontCss), documentBoldText(x.doc), fontSlices(), loadFontSlice),
  );
  const current = html.full;
  usePrintKey(() => void onPdf());

  if (doc.status === 'error') return <LoadError message={doc.error} retry={doc.retry} />;
  if (!value) return <Loading label="正在准备导出…" />;
  const marks = annotations?.filter((a) => a.motivation !== 'bookmarking').length ?? 0;

  async function onPdf() {
    if (!current) {
      show('预览仍在排版（嵌入字体），请稍候再导出。');
      return;
    }
    setBusy(true);
    try {
      const r = await exportPdf(current, `${value!.title} ${isoDay(new Date())}`);
      if (r.ok) show(r.where ? `已导出：${r.where}` : '已打开打印对话框：选择“另存为 PDF”即可保存。');
      else if (!r.canceled) show(r.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export-view">
      <form className="export-options" aria-label="导出选项" onSubmit={(e) => e.preventDefault()}>
        <h1>打印 / 导出本文</h1>
        <p className="export-scope">{value.title}</p>
        <label className="inline">
          <span>
            <input type="checkbox" checked={withMarks} onChange={(e) => setWithMarks(e.target.checked)} /> 包含我的标注和批注（{marks} 处）
          </span>
        </label>
        <div className="export-actions">
          <button type="button" className="primary" disabled={!current || busy} onClick={onPdf}>
            导出 PDF
          </button>
          <a href={`#/export?doc=${encodeURIComponent(docId)}`}>只导出本文标注</a>
          <a href={docHref(docId)}>返回阅读</a>
        </div>
        {busy && (
          <p className="export-progress" role="status">
            <progress aria-label="导出进度" /> 正在生成 PDF…
          </p>
        )}
        {html.error && (
          <p className="export-error" role="alert">
            无法嵌入字体：{html.error}
          </p>
        )}
      </form>
      <ExportPreview html={html.preview} updating={html.updating} />
      <Toast message={toast} testId="export-toast" />
    </div>
  );
}
