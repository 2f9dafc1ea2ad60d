/**
 * Export output per host. Electron: the main process renders the HTML to PDF
 * in its locked-down hidden window and saves it (savePdf). Browser preview:
 * the same HTML is printed through the browser's print dialog (保存为 PDF),
 * from a hidden frame so the app's own UI is not printed; Markdown is a download.
 */
import { bridge } from './bridge';

export type ExportOutcome = { ok: true; where: string | null } | { ok: false; canceled: boolean; message: string };

/** savePdf's limit in characters (LIMITS.pdfHtmlChars in electron/ipc.ts): a larger HTML is refused before it is sent. */
export const MAX_EXPORT_HTML_CHARS = 20 * 1024 * 1024;

export async function exportPdf(html: string, suggestedName: string): Promise<ExportOutcome> {
  if (html.length > MAX_EXPORT_HTML_CHARS) {
    return { ok: false, canceled: false, message: '导出内容超过 20 MB，请缩小范围（按文件或标签筛选）后分批导出。' };
  }
  const b = bridge();
  if (b) {
    const r = await b.savePdf({ html, suggestedName, pageSize: 'A4' });
    return r.ok ? { ok: true, where: r.path } : { ok: false, canceled: r.code === 'canceled', message: r.message };
  }
  return printHtml(html);
}

/** Prints a complete HTML document through the browser's print dialog. */
export function printHtml(html: string): Promise<ExportOutcome> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    // The export HTML has no scripts and must never run or navigate any: the
    // frame may only open the print dialog (allow-modals) and be reached by this
    // page to call print() (allow-same-origin without allow-scripts runs nothing).
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.addEventListener('load', () => {
      const w = frame.contentWindow;
      if (!w) {
        frame.remove();
        resolve({ ok: false, canceled: false, message: '无法打开打印：浏览器拒绝了打印窗口。' });
        return;
      }
      // print() blocks until the dialog closes in Chromium; the frame goes after.
      w.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
      try {
        w.focus();
        w.print();
        resolve({ ok: true, where: null });
      } catch (e) {
        frame.remove();
        resolve({ ok: false, canceled: false, message: `无法打开打印：${e instanceof Error ? e.message : String(e)}` });
      }
    });
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
