/**
 * 导入文件: the button in the library, the 文件 menu / Ctrl+⌘O, files dropped
 * on the window, and the progress panel with one line per file.
 */
import { useEffect, useRef } from 'react';
import { docHref } from '../routing/hash';
import { onMenuCommand } from '../platform';
import { ACCEPT, STAGE_LABEL, cancelImport, clearFinished, importFiles, useImports, type ImportLine } from './importer';
import { compareHref, placementSentence } from './placementText';
import { syncUserDocsToSearch } from './searchSync';
import { READING_TEXT_ID } from '../reader/readingArea';
import './import.css';

let openDialog: (() => void) | null = null;

export function ImportButton() {
  return (
    <button type="button" onClick={() => openDialog?.()} data-testid="import-button" title="导入 PDF、Word（.docx、.doc）、TXT、Markdown 或 HTML 文件（Ctrl/⌘+O，也可把文件拖进窗口）">
      导入文件…
    </button>
  );
}

function Line({ line }: { line: ImportLine }) {
  return (
    <li className={`import-line ${line.status}`} data-testid="import-line">
      <span className="import-name">{line.name}</span>
      {line.status === 'waiting' && <span className="import-stage">等待中</span>}
      {line.status === 'working' && line.stage && (
        <span className="import-stage">
          {STAGE_LABEL[line.stage]}
          {line.detail ? `（${line.detail}）` : '…'}
        </span>
      )}
      {(line.status === 'failed' || line.status === 'cancelled') && (
        <span className="import-message" role="alert">
          {line.message}
          {line.existing?.map((d) => (
            <a key={d.id} href={docHref(d.id)}>
              打开《{d.title}》
            </a>
          ))}
        </span>
      )}
      {line.status === 'done' &&
        line.docs?.map((d) => (
          <div key={d.id} className="import-doc">
            已导入 <a href={docHref(d.id)}>《{d.title}》</a>
            {d.placements.length === 0 ? <span className="import-placement">文库中没有相似的文本</span> : null}
            {d.placements.slice(0, 3).map((p) => (
              <span key={p.other.id} className="import-placement" data-testid="import-placement">
                {placementSentence(p)} <a href={compareHref(p, d.id)}>比较</a>
              </span>
            ))}
          </div>
        ))}
      {line.status === 'done' &&
        line.warnings?.map((w) => (
          <p key={w} className="import-warning" data-testid="import-warning">
            提示：{w}
          </p>
        ))}
    </li>
  );
}

/** Mounted once by the App: the hidden file input, the shortcut and drop on the window. */
export function ImportGlobal() {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    openDialog = () => input.current?.click();
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        openDialog?.();
      }
    };
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      void importFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    const off = onMenuCommand((c) => c === 'import-files' && openDialog?.());
    const unsync = syncUserDocsToSearch();
    return () => {
      unsync();
      openDialog = null;
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
      off();
    };
  }, []);

  return (
    <input
      ref={input}
      type="file"
      multiple
      accept={ACCEPT}
      hidden
      data-testid="import-input"
      aria-label="选择要导入的文件"
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        void importFiles(files);
      }}
    />
  );
}

/**
 * The progress panel, first in <main>: part of the page, so on a laptop
 * (800 px) it pushes the library or the text down instead of covering the
 * first paragraphs and the 标注 button, and scrolls away with the page. Each
 * import started puts the focus on it (the progress and the links to what was
 * imported are the next thing the user needs; the page scrolls it into view);
 * 关闭 or Esc gives the focus back to where it was (the 导入文件… button), or
 * to the text when that is gone.
 */
export function ImportProgress() {
  const { lines, running, batch } = useImports();
  const panel = useRef<HTMLElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const shown = lines.length > 0;

  useEffect(() => {
    const el = panel.current;
    if (!batch || !el) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !el.contains(active)) returnTo.current = active;
    el.focus();
  }, [batch]);

  if (!shown) return null;

  const close = () => {
    const hadFocus = panel.current?.contains(document.activeElement) ?? false;
    const back = returnTo.current?.isConnected ? returnTo.current : null;
    returnTo.current = null;
    clearFinished();
    if (!hadFocus) return;
    if (back) return back.focus();
    // The element the import started from is gone (the user opened a document from the panel): the reading text, else the page.
    const fallback = document.getElementById(READING_TEXT_ID) ?? document.getElementById('main');
    if (!fallback) return;
    if (!fallback.hasAttribute('tabindex')) fallback.tabIndex = -1;
    fallback.focus({ preventScroll: true });
  };

  return (
    <section
      ref={panel}
      className="import-panel"
      aria-label="导入进度"
      data-testid="import-panel"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !running) {
          e.preventDefault();
          close();
        }
      }}
    >
      <header>
        <strong>导入文件</strong>
        {running ? (
          <button type="button" onClick={cancelImport}>
            取消
          </button>
        ) : (
          <button type="button" onClick={close} title="关闭导入进度（Esc）">
            关闭
          </button>
        )}
      </header>
      <ul>
        {lines.map((l) => (
          <Line key={l.key} line={l} />
        ))}
      </ul>
    </section>
  );
}
