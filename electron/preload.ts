/**
 * Sandboxed preload (bundled to CommonJS: dist/electron/preload.cjs). Exposes
 * exactly the methods of PolicyReaderBridge as `window.policyReader` — never
 * ipcRenderer itself, never the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type IpcChannel, type IpcContract, type IpcEvents, isMenuCommand, type PolicyReaderBridge } from './contract';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcContract[C]['args']): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcContract[C]['result']>;
}

const MENU_EVENT: keyof IpcEvents = 'menu:command';

const bridge: PolicyReaderBridge = {
  getAppInfo: () => invoke('app:get-info'),
  openExternal: (url) => invoke('shell:open-external', url),
  savePdf: (request) => invoke('export:save-pdf', request),
  saveBackup: (request) => invoke('backup:save', request),
  openBackup: () => invoke('backup:open'),
  writeAutoBackup: (json) => invoke('autobackup:write', json),
  readAutoBackup: () => invoke('autobackup:read'),
  importFiles: (files) => invoke('userlib:import', files),
  removeUserDocument: (fileHash) => invoke('userlib:remove', fileHash),
  listUserLibrary: () => invoke('userlib:list'),
  saveUserDocEdits: (docId, edits) => invoke('userlib:edit', docId, edits),
  onMenuCommand: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand: listener must be a function');
    const wrapped = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('policyReader', bridge);
