import { useRef } from 'react';
import { Loading } from '../components/Status';

/**
 * The export's HTML as it will print, in a sandboxed frame (no scripts), or a
 * placeholder until the first page exists. The page is replaced in the
 * background (fonts embedded, options changed): the reader's scroll position
 * is carried over, which needs `allow-same-origin` so the app can read the
 * frame's scroll; scripts stay disallowed, so nothing in the page can run.
 * Both export views use it.
 */
export function ExportPreview({ html, updating = false }: { html: string | null; updating?: boolean }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const scroll = useRef(0);
  const remember = () => {
    const w = frame.current?.contentWindow;
    if (w) scroll.current = w.scrollY;
  };
  return (
    <section className="export-preview" aria-label="导出预览" aria-busy={updating}>
      {html ? (
        <>
          <iframe
            ref={frame}
            title="导出预览"
            sandbox="allow-same-origin"
            srcDoc={html}
            data-testid="export-preview"
            onLoad={() => {
              const w = frame.current?.contentWindow;
              if (!w) return;
              w.scrollTo(0, scroll.current);
              w.addEventListener('scroll', remember, { passive: true });
            }}
          />
          {updating && (
            <p className="export-updating" role="status">
              正在嵌入字体…
            </p>
          )}
        </>
      ) : (
        <Loading label="正在排版预览…" />
      )}
    </section>
  );
}
