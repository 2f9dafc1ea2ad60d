/**
 * Electron entry (bundled to dist/electron/main.cjs). Only composition: every
 * decision lives in a small, unit-tested module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import type { FileError } from './contract';
import { createAutoBackup, holdQuitForBackup } from './autobackup';
import { openBackup, saveBackup } from './backup';
import { bindDialogs, createDialogGate } from './dialogs';
import { createElectronPdfRenderer, savePdf } from './export';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { resolveAppPaths, userDataOverride } from './paths';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme, type ServeFs } from './protocol';
import { externalHref, hardenSession, hardenWebContents, secureWebPreferences } from './security';
import { createUserLibrary } from './user-library';
import { acquireSingleInstance, openMainWindow } from './window';

const APP_NAME = '政策阅读器';
const isDev = !app.isPackaged;
const log = (message: string) => console.log(`[main] ${message}`);

// Node's fs, looked up at call time so Electron's asar patches apply.
const serveFs: ServeFs = {
  realpath: (p) => fs.promises.realpath(p),
  stat: (p) => fs.promises.stat(p),
  readFile: (p) => fs.promises.readFile(p),
};

const BUSY: FileError = { ok: false, code: 'busy', message: '另一个文件对话框已打开。' };

let mainWindow: BrowserWindow | null = null;

const userData = userDataOverride(app.isPackaged, process.env);
if (userData) app.setPath('userData', userData);

// Before 'ready': app:// gets a real, secure origin (stable IndexedDB) and fetch().
registerAppScheme(protocol);
app.enableSandbox();

function createWindow(preload: string, icon: string | undefined): void {
  mainWindow = openMainWindow({
    BrowserWindow,
    workAreas: () => {
      const primary = screen.getPrimaryDisplay();
      return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
    },
    statePath: path.join(app.getPath('userData'), 'window-state.json'),
    webPreferences: secureWebPreferences(preload, app.isPackaged),
    icon,
    url: APP_ENTRY_URL,
    log,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    mainDir: __dirname,
    env: process.env,
  });
  if (isDev) {
    log(`renderer ${paths.rendererRoot}; corpus ${paths.corpusRoot}`);
    if (!fs.existsSync(path.join(paths.rendererRoot, 'index.html'))) log('dist/renderer/index.html is missing: run `npm run build:renderer` (npm start does this).');
    if (!fs.existsSync(path.join(paths.corpusRoot, 'library.json'))) log('corpus/library.json is missing: run `npm run build:corpus`.');
  }

  hardenSession(session.defaultSession, isDev, log);
  handleAppProtocol(protocol, paths, serveFs, log);

  const dialogs = bindDialogs(dialog, () => mainWindow);
  const gate = createDialogGate();
  const renderPdf = createElectronPdfRenderer({ BrowserWindow, session }, isDev);
  const documents = () => app.getPath('documents');
  const autoBackup = createAutoBackup({ userData: app.getPath('userData'), log });
  const userLibrary = createUserLibrary({ userData: app.getPath('userData'), log });
  // Quit waits for the last backup and the last user-library change alike.
  holdQuitForBackup(app, { idle: () => Promise.all([autoBackup.idle(), userLibrary.idle()]).then(() => {}) }, log);

  registerIpcHandlers(
    ipcMain,
    {
      'app:get-info': () => ({ version: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged }),
      'shell:open-external': async (_event, url) => {
        const href = externalHref(url);
        if (!href) return { ok: false, message: '只能打开政府网站（*.gov.cn）的 https 链接。' };
        await shell.openExternal(href);
        return { ok: true };
      },
      'export:save-pdf': (_event, request) => gate(BUSY, () => savePdf(request, { render: renderPdf, dialogs, defaultDir: documents() })),
      'backup:save': (_event, request) => gate(BUSY, () => saveBackup(request, { dialogs, defaultDir: documents() })),
      'backup:open': () => gate(BUSY, () => openBackup({ dialogs, defaultDir: documents() })),
      'autobackup:write': (_event, json) => autoBackup.write(json),
      'autobackup:read': () => autoBackup.readLatest(),
      'userlib:import': (_event, files) => userLibrary.import(files),
      'userlib:remove': (_event, fileHash) => userLibrary.remove(fileHash),
      'userlib:list': () => userLibrary.list(),
      'userlib:edit': (_event, docId, edits) => userLibrary.saveEdits(docId, edits),
    },
    log,
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        isDev,
        appName: APP_NAME,
        send: (command) => mainWindow?.webContents.send('menu:command', command),
      }),
    ),
  );

  createWindow(paths.preload, paths.icon);
  app.on('activate', () => {
    if (!mainWindow) createWindow(paths.preload, paths.icon);
  });
}

if (acquireSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, log);
    // No menu item opens DevTools in a packaged build; close them if anything else does.
    if (!isDev) contents.on('devtools-opened', () => contents.closeDevTools());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      dialog.showErrorBox(`${APP_NAME}无法启动`, String(error instanceof Error ? error.stack : error));
      app.exit(1);
    });
}
