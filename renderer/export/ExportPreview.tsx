import { Loading } from '../components/Status';

/**
 * The export's HTML as it will print, in a sandboxed frame (no scripts, own
 * origin), or a placeholder while the fonts are embedded. Both export views use it.
 */
export function ExportPreview({ html }: { html: string | null }) {
  return (
    <section className="export-preview" aria-label="导出预览">
      {html ? <iframe title="导出预览" sandbox="" srcDoc={html} data-testid="export-preview" /> : <Loading label="正在排版预览…" />}
    </section>
  );
}
