import { createHash } from 'node:crypto';
/**
 * Runs the BUILT dist bundle (main.cjs) in plain Node against a fake `electron`
 * module, to check the composition in main.ts without the Electron binary:
 * scheme registered before 'ready', hardened session, protocol serving the
 * renderer and corpus, exactly the contract's IPC channels with sender checks,
 * the menu, and one secure window loading app://reader/.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeAnnotationFile } from '../core/annotations/file';
import { buildElectron } from '../scripts/build-electron';
import { testAnnotation } from '../test-support/annotation-fixtures';

const repo = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-main-smoke-'));
const out = path.join(tmp, 'dist', 'electron');
const events: string[] = [];
const fake = makeFakeElectron();

function makeFakeElectron() {
  const state = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    partitionHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    ipc: new Map<string, (e: unknown, ...a: unknown[]) => Promise<unknown>>(),
    windows: [] as any[],
    menu: null as any,
    permissionRequest: null as any,
    beforeRequest: null as any,
    appListeners: new Map<string, (...a: any[]) => void>(),
  };
  const sessionLike = (handlers: Map<string, (r: Request) => Promise<Response>>) => ({
    setPermissionRequestHandler: (h: unknown) => (state.permissionRequest ??= h),
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    webRequest: { onBeforeRequest: (_f: unknown, l: unknown) => (state.beforeRequest ??= l) },
    protocol: { handle: (s: string, h: (r: Request) => Promise<Response>) => handlers.set(s, h) },
  });
  class BrowserWindow {
    options: any;
    loaded: string[] = [];
    handlers = new Map<string, () => void>();
    webContents = { send: (...a: unknown[]) => events.push(`send ${a.join(' ')}`), on: () => {}, setWindowOpenHandler: () => {} };
    constructor(options: any) {
      this.options = options;
      state.windows.push(this);
      events.push('window');
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    on(ev: string, l: () => void) {
      this.handlers.set(ev, l);
      return this;
    }
    once(ev: string, l: () => void) {
      return this.on(ev, l);
    }
    getNormalBounds = () => ({ x: 10, y: 10, width: 1000, height: 700 });
    isMaximized = () => false;
    isFullScreen = () => false;
    isDestroyed = () => false;
    maximize() {}
    setFullScreen() {}
    show() {}
    destroy() {}
  }
  const electron = {
    app: {
      isPackaged: false,
      getAppPath: () => tmp,
      getPath: (name: string) => path.join(tmp, 'paths', name),
      setPath: (name: string, p: string) => events.push(`setPath ${name} ${p}`),
      getVersion: () => '9.9.9',
      enableSandbox: () => events.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      quit: () => events.push('quit'),
      exit: () => events.push('exit'),
      on: (ev: string, l: (...a: any[]) => void) => state.appListeners.set(ev, l),
      whenReady: () => {
        events.push('whenReady');
        return Promise.resolve();
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => {
        state.schemes.push(s);
        events.push('registerSchemesAsPrivileged');
      },
      handle: (s: string, h: (r: Request) => Promise<Response>) => {
        state.protocolHandlers.set(s, h);
        events.push(`protocol.handle ${s}`);
      },
    },
    session: { defaultSession: sessionLike(new Map()), fromPartition: () => sessionLike(state.partitionHandlers) },
    ipcMain: { handle: (c: string, h: (e: unknown, ...a: unknown[]) => Promise<unknown>) => state.ipc.set(c, h) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: { showErrorBox: (...a: unknown[]) => events.push(`error ${a.join(' ')}`) },
    shell: { openExternal: async (u: string) => events.push(`openExternal ${u}`) },
    BrowserWindow,
  };
  return { electron, state };
}

const moduleAny = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = moduleAny._load;

beforeAll(async () => {
  fs.mkdirSync(path.join(tmp, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'dist', 'renderer', 'index.html'), '<!doctype html><title>政策阅读器</title>');
  await buildElectron(out, false);
  process.env.POLICY_READER_CORPUS = path.join(repo, 'e2e', 'fixtures', 'corpus');
  process.env.POLICY_READER_USER_DATA = path.join(tmp, 'userData');
  moduleAny._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest);
  };
  createRequire(import.meta.url)(path.join(out, 'main.cjs'));
  await new Promise((r) => setTimeout(r, 50));
}, 60_000);

afterAll(() => {
  moduleAny._load = originalLoad;
  delete process.env.POLICY_READER_CORPUS;
  delete process.env.POLICY_READER_USER_DATA;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const trusted = { senderFrame: { url: 'app://reader/', parent: null } };

describe('main.cjs composed against a fake electron', () => {
  it('registers the scheme and the sandbox before ready, then the protocol, then the window', () => {
    expect(events.indexOf('registerSchemesAsPrivileged')).toBeLessThan(events.indexOf('whenReady'));
    expect(events.indexOf('enableSandbox')).toBeLessThan(events.indexOf('whenReady'));
    expect(events.indexOf('protocol.handle app')).toBeGreaterThan(events.indexOf('whenReady'));
    expect(events.indexOf('window')).toBeGreaterThan(events.indexOf('protocol.handle app'));
    expect(events).toContain(`setPath userData ${path.join(tmp, 'userData')}`);
    expect(events.filter((e) => e.startsWith('error'))).toEqual([]);
  });

  it('opens one secure window on app://reader/ with the built preload', () => {
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.loaded).toEqual(['app://reader/']);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // DevTools follow app.isPackaged (false here: development).
    expect(win.options.webPreferences.devTools).toBe(!fake.electron.app.isPackaged);
    expect(win.options.webPreferences.preload).toBe(path.join(out, 'preload.cjs'));
    expect(fs.existsSync(win.options.webPreferences.preload)).toBe(true);
  });

  it('serves the renderer and the corpus through app://', async () => {
    const handle = fake.state.protocolHandlers.get('app')!;
    const index = await handle(new Request('app://reader/'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('政策阅读器');
    const library = await handle(new Request('app://reader/corpus/library.json'));
    expect(library.status).toBe(200);
    expect(Array.isArray(await library.json())).toBe(true);
    expect((await handle(new Request('app://reader/corpus/..%2f..%2fpackage.json'))).status).toBe(403);
  });

  it('registers exactly the contract channels, each checking the sender', async () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual([
      'app:get-info',
      'autobackup:read',
      'autobackup:write',
      'backup:open',
      'backup:save',
      'export:save-pdf',
      'shell:open-external',
      'userlib:edit',
      'userlib:import',
      'userlib:list',
      'userlib:remove',
    ]);
    const info = fake.state.ipc.get('app:get-info')!;
    await expect(info(trusted)).resolves.toEqual({ version: '9.9.9', platform: process.platform, isPackaged: false });
    await expect(info({ senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow(/untrusted/);
    const open = fake.state.ipc.get('shell:open-external')!;
    await expect(open(trusted, 'https://example.com/')).resolves.toMatchObject({ ok: false });
    await expect(open(trusted, 'https://www.gov.cn/')).resolves.toEqual({ ok: true });
    expect(events).toContain('openExternal https://www.gov.cn/');
    // The OS gets the URL as the parser re-serialises it, not the renderer's string.
    await expect(open(trusted, 'https://WWW.GOV.CN/a b')).resolves.toEqual({ ok: true });
    expect(events).toContain('openExternal https://www.gov.cn/a%20b');
    expect(events).not.toContain('openExternal https://example.com/');
  });

  it('denies permissions and remote requests on the default session', () => {
    let granted: boolean | undefined;
    fake.state.permissionRequest({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    let cancel: boolean | undefined;
    fake.state.beforeRequest({ url: 'https://example.com/' }, (r: { cancel: boolean }) => (cancel = r.cancel));
    expect(cancel).toBe(true);
  });

  it('sets the Chinese menu whose 查找 sends menu:command find', () => {
    expect(fake.state.menu.map((m: any) => m.label)).toContain('文件');
    const find = fake.state.menu.flatMap((m: any) => m.submenu).find((i: any) => i.label === '查找…');
    find.click();
    expect(events).toContain('send menu:command find');
  });

  it('serves PDF export HTML only from its own in-memory session', () => {
    expect(fake.state.partitionHandlers.has('app')).toBe(true);
  });

  it('writes automatic backups into the user-data folder and reads the newest back (restore offer)', async () => {
    const write = fake.state.ipc.get('autobackup:write')!;
    const read = fake.state.ipc.get('autobackup:read')!;
    await expect(read(trusted)).resolves.toMatchObject({ ok: false, code: 'none' });
    // A backup is validated like an import: real annotations.
    const file = (n: number) => serializeAnnotationFile([testAnnotation({ note: `n${n}` })], '2024-05-01T08:00:00.000Z');
    await expect(write(trusted, file(1))).resolves.toMatchObject({ ok: true, skipped: false });
    await new Promise((r) => setTimeout(r, 5));
    await expect(write(trusted, file(2))).resolves.toMatchObject({ ok: true, skipped: false });
    const dir = path.join(tmp, 'paths', 'userData', 'annotation-backups');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(2);
    const latest = (await read(trusted)) as { ok: true; json: string };
    expect(JSON.parse(latest.json).annotations.map((a: { body: { value: string }[] }) => a.body[0].value)).toEqual(['n2']);
    await expect(write(trusted, 42)).rejects.toThrow(/string/);
    await expect(read({ senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow(/untrusted/);
  });

  it('stores imported files in user-data/user-library through the bridge channels, sender and arguments checked', async () => {
    const importFiles = fake.state.ipc.get('userlib:import')!;
    const list = fake.state.ipc.get('userlib:list')!;
    const remove = fake.state.ipc.get('userlib:remove')!;
    const bytes = new TextEncoder().encode('关于开展政策文件清理工作的通知\n各有关单位：……');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const file = { name: '通知.txt', kind: 'txt', bytes, hash, pages: null, rawText: '关于开展政策文件清理工作的通知', docsJson: JSON.stringify([{ doc: { id: 'u0123456789a', title: '关于开展政策文件清理工作的通知' }, placements: [] }]) };
    await expect(importFiles({ senderFrame: { url: 'https://evil.example/', parent: null } }, [file])).rejects.toThrow(/untrusted/);
    await expect(importFiles(trusted, file)).rejects.toThrow(/array/);
    await expect(importFiles(trusted, [file])).resolves.toEqual({ ok: true, hashes: [hash] });
    expect(fs.readFileSync(path.join(tmp, 'paths', 'userData', 'user-library', 'objects', hash, 'original'), 'utf8')).toContain('政策文件清理');
    await expect(list(trusted)).resolves.toMatchObject({ ok: true, files: [{ hash, name: '通知.txt', docIds: ['u0123456789a'] }] });
    await expect(remove(trusted, hash)).resolves.toEqual({ ok: true, docIds: ['u0123456789a'] });
    await expect(list(trusted)).resolves.toEqual({ ok: true, files: [] });
  });

  it('holds the quit until the backup is written', () => {
    const willQuit = fake.state.appListeners.get('will-quit')!;
    let prevented = false;
    willQuit({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('saves the window state on close', () => {
    fake.state.windows[0].handlers.get('close')();
    const saved = JSON.parse(fs.readFileSync(path.join(tmp, 'paths', 'userData', 'window-state.json'), 'utf8'));
    expect(saved).toMatchObject({ x: 10, y: 10, width: 1000, height: 700 });
  });
});
