/**
 * PDF export: render the renderer-supplied HTML in a hidden, script-less
 * window, printToPDF, ask where to save, write atomically.
 *
 * The HTML is served from memory at app://export/<token> inside a separate
 * in-memory session, so it never touches disk, never shares storage with the
 * reader, gets a strict CSP header (no scripts, no network), and runs with
 * JavaScript disabled. It must be self-contained (inline CSS, data: images).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import type { SavePdfRequest, SaveResult } from './contract';
import { chooseSavePath, type Dialogs } from './dialogs';
import { atomicWriteFile, safeFileName, toFileError } from './fs-safe';
import { hardenSession, hardenWebContents } from './security';

export const EXPORT_HOST = 'export';
export const EXPORT_PARTITION = 'pdf-export'; // no "persist:" prefix: in memory only
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
const RENDER_TIMEOUT_MS = 60_000;

export interface PdfOptions {
  pageSize: NonNullable<SavePdfRequest['pageSize']>;
  landscape: boolean;
}

export type RenderPdf = (html: string, options: PdfOptions) => Promise<Uint8Array>;

/** Adds a CSP <meta> as a second line of defence (the response header is the first). */
export function withCspMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body>${html}</body></html>`;
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.byteLength > 4 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

export interface SavePdfDeps {
  render: RenderPdf;
  dialogs: Dialogs;
  defaultDir: string;
  write?: (file: string, data: Uint8Array) => Promise<void>;
}

/** Orchestration (unit-tested with fakes): render → dialog → atomic write. */
export async function savePdf(request: SavePdfRequest, deps: SavePdfDeps): Promise<SaveResult> {
  let pdf: Uint8Array;
  try {
    pdf = await deps.render(withCspMeta(request.html), { pageSize: request.pageSize ?? 'A4', landscape: request.landscape ?? false });
  } catch (e) {
    return { ok: false, code: 'failed', message: `生成 PDF 失败：${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isPdf(pdf)) return { ok: false, code: 'invalid', message: '生成 PDF 失败：渲染结果不是 PDF。' };
  const name = safeFileName(request.suggestedName, 'pdf', '政策文件');
  const target = await chooseSavePath(deps.dialogs, { title: '导出 PDF', defaultPath: path.join(deps.defaultDir, name), filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] }, 'pdf');
  if (!target) return { ok: false, code: 'canceled', message: '已取消。' };
  try {
    await (deps.write ?? atomicWriteFile)(target, pdf);
  } catch (e) {
    return toFileError(e, '保存 PDF');
  }
  return { ok: true, path: target };
}

/** webPreferences of the hidden export window. */
export function exportWindowOptions(session: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      session,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      images: true,
      spellcheck: false,
    },
  };
}

export interface ExportElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;
  session: { fromPartition(partition: string, options?: { cache: boolean }): Session };
}

/** The real renderer: one in-memory session, a hidden window per export. Call after app 'ready'. */
export function createElectronPdfRenderer(electron: ExportElectron, isDev: boolean): RenderPdf {
  const ses = electron.session.fromPartition(EXPORT_PARTITION, { cache: false });
  const pending = new Map<string, string>();
  hardenSession(ses, isDev, undefined, [EXPORT_HOST]);
  ses.protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const html = url.host === EXPORT_HOST ? pending.get(url.pathname.slice(1)) : undefined;
    if (html === undefined) return new Response('not found', { status: 404 });
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': EXPORT_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  return async (html, options) => {
    const token = crypto.randomUUID();
    pending.set(token, html);
    const win = new electron.BrowserWindow(exportWindowOptions(ses));
    hardenWebContents(win.webContents);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('渲染超时')), RENDER_TIMEOUT_MS);
      });
      await Promise.race([win.loadURL(`app://${EXPORT_HOST}/${token}`), timeout]);
      const data = await Promise.race([
        win.webContents.printToPDF({ pageSize: options.pageSize, landscape: options.landscape, printBackground: true, generateDocumentOutline: true }),
        timeout,
      ]);
      return new Uint8Array(data);
    } finally {
      clearTimeout(timer);
      pending.delete(token);
      if (!win.isDestroyed()) win.destroy();
    }
  };
}
