/**
 * #/export?<filter>: options, the live preview and the two exports. The
 * preview is the exported HTML itself in a sandboxed frame, so what the user
 * sees is what lands in the PDF.
 */
import { useEffect, useMemo, useState } from 'react';
import { filterAnnotations, filterFromQuery } from '../../core/annotations/filter';
import { docIdOf } from '../../core/annotations/model';
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import { exportHtmlWithFonts, renderExportHtml } from '../../core/export/html';
import { renderExportMarkdown } from '../../core/export/markdown';
import { buildExportModel, describeFilter, type ExportOptions } from '../../core/export/model';
import { useAllAnnotations } from '../annotations/hooks';
import { LoadError, Loading } from '../components/Status';
import { Toast, useToast } from '../components/Toast';
import { loadDocument } from '../data/corpus';
import { useLibrary } from '../hooks/useCorpus';
import { copyText } from '../platform';
import { downloadText } from '../platform/download';
import { exportPdf } from '../platform/exportFiles';
import { DocumentExportView } from './DocumentExportView';
import { FONT_LICENCE_URL, fontSlices, loadFontSlice } from './fonts';
import { ExportPreview } from './ExportPreview';
import { loadExportOptions, saveExportOptions } from './rememberedOptions';
import { usePrintKey } from './usePrintKey';
import { useExportHtml } from './useExportHtml';
import './export.css';

/** Loads the corpus documents the selection cites (a missing one is exported from what the annotation remembers). */
function useDocs(ids: string[]): Map<string, PolicyDocument> | null {
  const key = [...ids].sort().join(',');
  const [state, setState] = useState<{ key: string; docs: Map<string, PolicyDocument> } | null>(null);
  useEffect(() => {
    let live = true;
    const list = key ? key.split(',') : [];
    Promise.all(list.map((id) => loadDocument(id).then((d) => [id, d] as const, () => null))).then((pairs) => {
      if (live) setState({ key, docs: new Map(pairs.filter((p): p is readonly [string, PolicyDocument] => p !== null)) });
    });
    return () => {
      live = false;
    };
  }, [key]);
  return state?.key === key ? state.docs : null;
}

export function ExportView({ query }: { query: string }) {
  const filter = filterFromQuery(query);
  const whole = new URLSearchParams(query).get('mode') === 'document';
  if (whole && filter.docIds?.length === 1) return <DocumentExportView docId={filter.docIds[0]} />;
  return <AnnotationExportView query={query} />;
}

function AnnotationExportView({ query }: { query: string }) {
  const filter = useMemo(() => filterFromQuery(query), [query]);
  const all = useAllAnnotations();
  const library = useLibrary();
  const [options, setOptions] = useState<ExportOptions>(() => loadExportOptions(new Date()));
  useEffect(() => saveExportOptions(options, new Date()), [options]);
  const [busy, setBusy] = useState<string | null>(null);
  const { toast, show } = useToast(6000);

  const libraryDocs = library.status === 'ready' ? library.value.docs : null;
  const summaries = useMemo(() => new Map<string, DocSummary>((libraryDocs ?? []).map((d) => [d.id, d])), [libraryDocs]);
  const selected = useMemo(
    () => (all && libraryDocs ? filterAnnotations(all, filter, (id) => summaries.get(id)) : null),
    [all, filter, summaries, libraryDocs],
  );
  const docIds = useMemo(() => [...new Set((selected ?? []).map(docIdOf))], [selected]);
  const docs = useDocs(docIds);
  const model = useMemo(() => {
    if (!selected || !docs) return null;
    const titleOf = (id: string) => summaries.get(id)?.title ?? selected.find((a) => docIdOf(a) === id)?.target['policyReader:document'].title ?? id;
    return buildExportModel({ annotations: selected, docOf: (id) => docs.get(id), options, filters: describeFilter(filter, titleOf), now: new Date() });
  }, [selected, docs, options, filter, summaries]);

  // The page shows at once; the PDF's version (fonts embedded) follows in the background.
  const html = useExportHtml(model, renderExportHtml, (m) => exportHtmlWithFonts(m, fontSlices(), loadFontSlice));
  const fontError = html.error;
  const current = html.full;
  usePrintKey(() => void onPdf());

  if (library.status === 'error') return <LoadError message={library.error} retry={library.retry} />;
  if (!model || library.status !== 'ready') return <Loading label="正在准备导出…" />;
  const set = <K extends keyof ExportOptions>(k: K, v: ExportOptions[K]) => setOptions((o) => ({ ...o, [k]: v }));
  // A sensible file name: the title, with the date when the title does not carry it.
  const fileBase = model.title.includes(model.date) ? model.title : `${model.title} ${model.date}`;

  async function onPdf() {
    if (!current) {
      show('预览仍在排版（嵌入字体），请稍候再导出。');
      return;
    }
    setBusy(model!.counts.passages > 200 ? `正在生成 PDF（${model!.counts.passages} 处摘录，可能需要几秒）…` : '正在生成 PDF…');
    try {
      const r = await exportPdf(current, fileBase);
      if (r.ok) show(r.where ? `已导出：${r.where}` : '已打开打印对话框：选择“另存为 PDF”即可保存。');
      else if (!r.canceled) show(r.message);
    } finally {
      setBusy(null);
    }
  }
  function onMarkdown() {
    const r = downloadText(renderExportMarkdown(model!), `${fileBase}.md`, 'text/markdown');
    show(r.ok ? `已导出 Markdown：${r.where}` : r.message);
  }
  async function onCopyMarkdown() {
    show((await copyText(renderExportMarkdown(model!))) ? '已复制 Markdown' : '复制失败：系统剪贴板不可用');
  }

  const scopeLabel = model.filters.length ? model.filters.join('；') : '全部标注';
  return (
    <div className="export-view">
      <form className="export-options" aria-label="导出选项" onSubmit={(e) => e.preventDefault()}>
        <h1>导出标注</h1>
        <p className="export-scope">
          范围：{scopeLabel}
          {query && (
            <>
              {' '}
              <a href="#/export">改为全部标注</a>
            </>
          )}
        </p>
        <p className="export-counts" role="status">
          {model.counts.passages} 处摘录，{model.counts.documents} 份文件
        </p>
        <label>
          标题
          <input type="text" value={options.title} onChange={(e) => set('title', e.target.value)} />
        </label>
        <label>
          署名
          <input type="text" value={options.author} placeholder="如：某某处 张三" onChange={(e) => set('author', e.target.value)} />
        </label>
        <fieldset>
          <legend>排序</legend>
          <label>
            <input type="radio" name="order" checked={options.order === 'position'} onChange={() => set('order', 'position')} />
            按文件和原文顺序
          </label>
          <label>
            <input type="radio" name="order" checked={options.order === 'date'} onChange={() => set('order', 'date')} />
            按标注时间
          </label>
        </fieldset>
        <fieldset>
          <legend>包含</legend>
          <label>
            <input type="checkbox" checked={options.includeNotes} onChange={(e) => set('includeNotes', e.target.checked)} />
            批注
          </label>
          <label>
            <input type="checkbox" checked={options.includeClause} onChange={(e) => set('includeClause', e.target.checked)} />
            摘录所在条款全文
          </label>
          <label>
            <input type="checkbox" checked={options.includeBookmarks} onChange={(e) => set('includeBookmarks', e.target.checked)} />
            书签
          </label>
        </fieldset>
        <div className="export-actions">
          <button type="button" className="primary" disabled={!current || !!busy} onClick={onPdf}>
            导出 PDF
          </button>
          <button type="button" disabled={!!busy} onClick={onMarkdown}>
            导出 Markdown
          </button>
          <button type="button" disabled={!!busy} onClick={onCopyMarkdown}>
            复制 Markdown
          </button>
        </div>
        {busy && (
          <p className="export-progress" role="status">
            <progress aria-label="导出进度" /> {busy}
          </p>
        )}
        <p className="export-font">
          PDF 内嵌字体：思源黑体 Noto Sans SC（
          <a href={FONT_LICENCE_URL} download="Noto-Sans-SC-OFL-1.1.txt">
            SIL 开源字体许可证 1.1
          </a>
          ），无需本机安装中文字体。
        </p>
        {fontError && (
          <p className="export-error" role="alert">
            无法嵌入字体：{fontError}
          </p>
        )}
      </form>
      <ExportPreview html={html.preview} updating={html.updating} />
      <Toast message={toast} testId="export-toast" />
    </div>
  );
}
