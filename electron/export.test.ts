import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dialogs } from './dialogs';
import { createElectronPdfRenderer, EXPORT_CSP, EXPORT_PARTITION, type ExportElectron, savePdf } from './export';
import { atomicWriteFile, nodeWriteFs, type WriteFs } from './fs-safe';

function fakeElectron(opts: { failLoad?: boolean } = {}) {
  const rec = {
    partition: '' as string,
    handler: null as null | ((r: Request) => Promise<Response>),
    windows: [] as any[],
    served: [] as Response[],
  };
  const ses: any = {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    webRequest: { onBeforeRequest() {} },
    protocol: { handle: (_s: string, h: (r: Request) => Promise<Response>) => (rec.handler = h) },
  };
  class BrowserWindow {
    destroyed = false;
    url = '';
    webContents = {
      on() {},
      setWindowOpenHandler() {},
      printToPDF: async (o: unknown) => {
        (this as any).printOptions = o;
        rec.served.push(await rec.handler!(new Request(this.url)));
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    constructor(public options: any) {
      rec.windows.push(this);
    }
    async loadURL(url: string) {
      this.url = url;
      if (opts.failLoad) throw new Error('ERR_FAILED');
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const electron = {
    BrowserWindow,
    session: {
      fromPartition: (p: string) => {
        rec.partition = p;
        return ses;
      },
    },
  } as unknown as ExportElectron;
  return { electron, rec };
}

describe('createElectronPdfRenderer', () => {
  it('renders in a hidden, script-less window from an in-memory app://export URL, then cleans up', async () => {
    const { electron, rec } = fakeElectron();
    const render = createElectronPdfRenderer(electron, false);
    const pdf = await render('<p>正文</p>', { pageSize: 'A4', landscape: true });
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    expect(rec.partition).toBe(EXPORT_PARTITION);
    const [win] = rec.windows;
    expect(win.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(win.url).toMatch(/^app:\/\/export\/[0-9a-f-]{36}$/);
    expect(win.printOptions).toMatchObject({ pageSize: 'A4', landscape: true, printBackground: true });
    expect(win.destroyed).toBe(true);
    const served = rec.served[0];
    expect(served.headers.get('content-security-policy')).toBe(EXPORT_CSP);
    expect(await served.text()).toBe('<p>正文</p>');
    // The token is forgotten afterwards; other hosts and tokens are 404.
    expect((await rec.handler!(new Request(win.url))).status).toBe(404);
    expect((await rec.handler!(new Request('app://reader/index.html'))).status).toBe(404);
  });

  it('destroys the window when loading fails', async () => {
    const { electron, rec } = fakeElectron({ failLoad: true });
    const render = createElectronPdfRenderer(electron, false);
    await expect(render('<p/>', { pageSize: 'A4', landscape: false })).rejects.toThrow('ERR_FAILED');
    expect(rec.windows[0].destroyed).toBe(true);
  });
});

/** savePdf end to end in the main process: the fake electron renders, a scripted dialog answers, the disk is real. */
describe('savePdf with the fake electron', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-savepdf-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Answers each save dialog with the next path (undefined = cancel) and records what it was shown. */
  function scripted(...answers: (string | undefined)[]): Dialogs & { shown: string[] } {
    const shown: string[] = [];
    return {
      shown,
      showSaveDialog: async (o) => {
        shown.push(o.defaultPath);
        const a = answers.shift();
        return a ? { canceled: false, filePath: a } : { canceled: true };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    };
  }
  const request = { html: '<html><head></head><body>标注摘编</body></html>', suggestedName: '标注摘编 2026-11-23' };
  const files = () => fs.readdirSync(dir).sort();

  it('success: renders, suggests title + date, writes the PDF', async () => {
    const { electron } = fakeElectron();
    const d = scripted(path.join(dir, '摘编.pdf'));
    const res = await savePdf(request, { render: createElectronPdfRenderer(electron, false), dialogs: d, defaultDir: dir });
    expect(res).toEqual({ ok: true, path: path.join(dir, '摘编.pdf') });
    expect(d.shown).toEqual([path.join(dir, '标注摘编 2026-11-23.pdf')]);
    expect(fs.readFileSync(path.join(dir, '摘编.pdf'), 'latin1')).toMatch(/^%PDF-/);
    expect(files()).toEqual(['摘编.pdf']);
  });

  it('cancel: nothing is written', async () => {
    const { electron } = fakeElectron();
    const res = await savePdf(request, { render: createElectronPdfRenderer(electron, false), dialogs: scripted(undefined), defaultDir: dir });
    expect(res).toMatchObject({ ok: false, code: 'canceled' });
    expect(files()).toEqual([]);
  });

  it('disk full: a clear message, the old file intact, no temporary file left', async () => {
    fs.writeFileSync(path.join(dir, 'old.pdf'), 'OLD');
    const full: WriteFs = {
      ...nodeWriteFs,
      open: async (p, flags, mode) => {
        const h = await nodeWriteFs.open(p, flags, mode);
        return { ...h, write: async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) };
      },
    };
    const { electron } = fakeElectron();
    const res = await savePdf(request, {
      render: createElectronPdfRenderer(electron, false),
      dialogs: scripted(path.join(dir, 'old.pdf')),
      defaultDir: dir,
      write: (f, data) => atomicWriteFile(f, data, full),
    });
    expect(res).toMatchObject({ ok: false, code: 'no-space' });
    expect((res as { message: string }).message).toMatch(/磁盘空间不足.*未保存/);
    expect(fs.readFileSync(path.join(dir, 'old.pdf'), 'utf8')).toBe('OLD');
    expect(files()).toEqual(['old.pdf']);
  });

  it('overwrite confirmation: a name typed without .pdf that would replace an existing PDF opens the dialog again on that name', async () => {
    fs.writeFileSync(path.join(dir, '报告.pdf'), 'MINE');
    const { electron } = fakeElectron();
    // The user typed 报告 (the dialog confirmed nothing about 报告.pdf), then cancels when shown 报告.pdf.
    const d = scripted(path.join(dir, '报告'), undefined);
    const res = await savePdf(request, { render: createElectronPdfRenderer(electron, false), dialogs: d, defaultDir: dir });
    expect(res).toMatchObject({ ok: false, code: 'canceled' });
    expect(d.shown[1]).toBe(path.join(dir, '报告.pdf'));
    expect(fs.readFileSync(path.join(dir, '报告.pdf'), 'utf8')).toBe('MINE');
    // Confirmed on the second dialog (which asked about replacing): written.
    const again = scripted(path.join(dir, '报告'), path.join(dir, '报告.pdf'));
    expect(await savePdf(request, { render: createElectronPdfRenderer(fakeElectron().electron, false), dialogs: again, defaultDir: dir })).toEqual({ ok: true, path: path.join(dir, '报告.pdf') });
    expect(fs.readFileSync(path.join(dir, '报告.pdf'), 'latin1')).toMatch(/^%PDF-/);
    // A new name without .pdf needs no second question.
    const fresh = scripted(path.join(dir, '新'));
    expect(await savePdf(request, { render: createElectronPdfRenderer(fakeElectron().electron, false), dialogs: fresh, defaultDir: dir })).toEqual({ ok: true, path: path.join(dir, '新.pdf') });
    expect(fresh.shown).toHaveLength(1);
  });
});
