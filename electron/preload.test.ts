/**
 * Loads the BUILT preload.cjs against a fake `electron` module: it must expose
 * exactly the PolicyReaderBridge methods under `policyReader`, map each to its
 * contract channel, and never hand the IPC event to renderer code.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../scripts/build-electron';
import { BRIDGE_METHODS, type PolicyReaderBridge } from './contract';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-preload-'));
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true };
    },
    on: (ch: string, l: (...a: unknown[]) => void) => {
      if (!listeners.has(ch)) listeners.set(ch, new Set());
      listeners.get(ch)!.add(l);
    },
    removeListener: (ch: string, l: (...a: unknown[]) => void) => listeners.get(ch)?.delete(l),
  },
};
const moduleAny = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = moduleAny._load;

beforeAll(async () => {
  await buildElectron(tmp, true);
  moduleAny._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : originalLoad.call(this, request, ...rest);
  };
  createRequire(import.meta.url)(path.join(tmp, 'preload.cjs'));
}, 60_000);

afterAll(() => {
  moduleAny._load = originalLoad;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('preload bridge', () => {
  it('exposes only window.policyReader with exactly the contract methods', () => {
    expect(Object.keys(exposed)).toEqual(['policyReader']);
    const expected = BRIDGE_METHODS;
    const bridge = exposed.policyReader as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(expected).sort());
    for (const v of Object.values(bridge)) expect(typeof v).toBe('function');
  });

  it('maps each method to its channel', async () => {
    const b = exposed.policyReader as PolicyReaderBridge;
    invoked.length = 0;
    await b.getAppInfo();
    await b.openExternal('https://www.gov.cn/');
    await b.savePdf({ html: '<p/>', suggestedName: 'a' });
    await b.saveBackup({ json: '{}' });
    await b.openBackup();
    await b.writeAutoBackup('{"a":1}');
    await b.readAutoBackup();
    expect(invoked).toEqual([
      ['app:get-info'],
      ['shell:open-external', 'https://www.gov.cn/'],
      ['export:save-pdf', { html: '<p/>', suggestedName: 'a' }],
      ['backup:save', { json: '{}' }],
      ['backup:open'],
      ['autobackup:write', '{"a":1}'],
      ['autobackup:read'],
    ]);
  });

  it('onMenuCommand passes only known commands, never the event, and unsubscribes', () => {
    const b = exposed.policyReader as PolicyReaderBridge;
    const got: unknown[][] = [];
    const off = b.onMenuCommand((...args: unknown[]) => got.push(args));
    const emit = (...a: unknown[]) => listeners.get('menu:command')!.forEach((l) => l({ sender: 'EVENT' }, ...a));
    emit('find');
    emit('rm -rf');
    emit('toString'); // an inherited property name is not a command
    expect(got).toEqual([['find']]);
    off();
    emit('find');
    expect(got).toHaveLength(1);
    expect(() => b.onMenuCommand(null as never)).toThrow(TypeError);
  });
});
