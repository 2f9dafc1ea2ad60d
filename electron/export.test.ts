import { describe, expect, it } from 'vitest';
import { createElectronPdfRenderer, EXPORT_CSP, EXPORT_PARTITION, type ExportElectron } from './export';

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
