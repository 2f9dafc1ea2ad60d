import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { PolicyReaderBridge } from './contract';
import { guarded, IPC_CHANNELS, IpcArgumentError, isTrustedSender, LIMITS, registerIpcHandlers, validators, type IpcHandlers } from './ipc';

// The real preload, run against a fake `electron`: what it exposes and which
// channel each call goes to is the other side of the handlers registered here.
const preload = vi.hoisted(() => ({ exposed: {} as Record<string, unknown>, invoked: [] as unknown[][] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (preload.exposed[key] = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => void preload.invoked.push(args),
    on: () => {},
    removeListener: () => {},
  },
}));

const top = { url: 'app://reader/', parent: null };
const event = (frame: unknown) => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;

describe('isTrustedSender', () => {
  it('accepts only the top frame of app://reader', () => {
    expect(isTrustedSender(top)).toBe(true);
    expect(isTrustedSender({ url: 'app://reader/doc/1#p3', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://reader/', parent: {} })).toBe(false); // iframe
    expect(isTrustedSender({ url: 'https://www.gov.cn/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('validators', () => {
  it('has one validator per registered channel', () => {
    expect(Object.keys(validators).sort()).toEqual([...IPC_CHANNELS].sort());
  });
  it('checks arity', () => {
    expect(validators['app:get-info']([])).toEqual([]);
    expect(() => validators['app:get-info'](['x'])).toThrow(IpcArgumentError);
    expect(() => validators['backup:open']([1])).toThrow(IpcArgumentError);
    expect(() => validators['shell:open-external']([])).toThrow(IpcArgumentError);
  });
  it('openExternal takes one bounded string', () => {
    expect(validators['shell:open-external'](['https://www.gov.cn/'])).toEqual(['https://www.gov.cn/']);
    expect(() => validators['shell:open-external']([{ toString: () => 'x' }])).toThrow(/string/);
    expect(() => validators['shell:open-external'](['x'.repeat(LIMITS.urlChars + 1)])).toThrow(/longer/);
  });
  it('savePdf accepts a well-formed request and rejects anything else', () => {
    const ok = { html: '<p>x</p>', suggestedName: '通知.pdf', pageSize: 'A4', landscape: false };
    expect(validators['export:save-pdf']([ok])).toEqual([ok]);
    expect(validators['export:save-pdf']([{ html: '<p/>', suggestedName: 'a' }])).toEqual([{ html: '<p/>', suggestedName: 'a' }]);
    for (const bad of [
      null,
      'html',
      [],
      { html: '', suggestedName: 'a' },
      { html: 1, suggestedName: 'a' },
      { html: '<p/>' },
      { html: '<p/>', suggestedName: 'a', pageSize: 'B5' },
      { html: '<p/>', suggestedName: 'a', landscape: 'yes' },
      { html: '<p/>', suggestedName: 'a', extra: 1 },
      { html: '<p/>', suggestedName: 'a'.repeat(300) },
      new (class X { html = '<p/>'; suggestedName = 'a' })(),
    ]) {
      expect(() => validators['export:save-pdf']([bad]), JSON.stringify(bad)).toThrow(IpcArgumentError);
    }
  });
  it('saveBackup requires non-empty json within the size limit', () => {
    expect(validators['backup:save']([{ json: '{}' }])).toEqual([{ json: '{}' }]);
    expect(validators['backup:save']([{ json: '{}', suggestedName: 'b.json' }])).toEqual([{ json: '{}', suggestedName: 'b.json' }]);
    expect(() => validators['backup:save']([{ json: '  ' }])).toThrow(/empty/);
    expect(() => validators['backup:save']([{ json: {} }])).toThrow(/string/);
    expect(() => validators['backup:save']([{ json: '{}', path: '/etc/passwd' }])).toThrow(/unknown field/);
    expect(validators['autobackup:write'](['{}'])).toEqual(['{}']);
    expect(() => validators['autobackup:write']([{ json: '{}' }])).toThrow(/string/);
    expect(() => validators['autobackup:write']([''])).toThrow(/empty/);
    expect(() => validators['autobackup:write'](['x'.repeat(50 * 1024 * 1024 + 1)])).toThrow(/longer/);
    expect(() => validators['autobackup:read'](['/etc/passwd'])).toThrow(IpcArgumentError);
  });
});

/** A well-formed importFiles entry; the bytes are opaque to the bridge (the store checks the hash). */
function userFile(over: Record<string, unknown> = {}) {
  return { name: '通知.pdf', kind: 'pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]), hash: 'a'.repeat(64), pages: 1, rawText: '# Page 1:\n关于……的通知', docsJson: '[]', ...over };
}

describe('user library channels', () => {
  it('importFiles takes 1 to 20 well-formed files and nothing else', () => {
    const ok = userFile();
    expect(validators['userlib:import']([[ok]])).toEqual([[ok]]);
    expect(validators['userlib:import']([[userFile({ pages: null, kind: 'docx' })]])[0][0]).toMatchObject({ pages: null, kind: 'docx' });
    for (const bad of [
      [],
      ok,
      Array(21).fill(ok),
      [userFile({ bytes: 'JVBERi0=' })],
      [userFile({ bytes: [1, 2, 3] })],
      [userFile({ bytes: new Uint8Array(0) })],
      [userFile({ name: '../../etc/passwd' })],
      [userFile({ name: 'C:\\x.pdf' })],
      [userFile({ name: '' })],
      [userFile({ kind: 'exe' })],
      [userFile({ hash: 'A'.repeat(64) })],
      [userFile({ hash: 'a'.repeat(63) })],
      [userFile({ pages: -1 })],
      [userFile({ pages: '3' })],
      [userFile({ rawText: 5 })],
      [userFile({ docsJson: '' })],
      [userFile({ path: '/etc/passwd' })],
    ]) {
      expect(() => validators['userlib:import']([bad]), JSON.stringify(bad).slice(0, 80)).toThrow(IpcArgumentError);
    }
    expect(() => validators['userlib:import']([[ok], 'extra'])).toThrow(/argument/);
  });
  it('importFiles refuses bytes far over the 50 MB limit outright (just over it, the store answers in Chinese)', () => {
    const far = new Uint8Array(LIMITS.importBytes * 2 + 1);
    expect(() => validators['userlib:import']([[userFile({ bytes: far })]])).toThrow(/size limit/);
    const just = new Uint8Array(LIMITS.importBytes + 1);
    expect(validators['userlib:import']([[userFile({ bytes: just })]])[0][0].bytes).toBe(just);
  });
  it('removeUserDocument takes a file hash; saveUserDocEdits a user document id and known fields', () => {
    expect(validators['userlib:remove'](['b'.repeat(64)])).toEqual(['b'.repeat(64)]);
    for (const bad of [[], ['x'], [5], ['../objects'], ['b'.repeat(64), 1]]) expect(() => validators['userlib:remove'](bad)).toThrow(IpcArgumentError);
    expect(validators['userlib:list']([])).toEqual([]);
    expect(() => validators['userlib:list'](['x'])).toThrow(IpcArgumentError);
    expect(validators['userlib:edit'](['u0123456789a', { title: 't', docNumber: null, date: '2024-01-01' }])).toEqual(['u0123456789a', { title: 't', docNumber: null, date: '2024-01-01' }]);
    const region = { level: 'city', province: '山东省', city: '青岛市' };
    expect(validators['userlib:edit'](['u0123456789a', { region }])).toEqual(['u0123456789a', { region }]);
    for (const bad of [
      ['p0123456789a', {}],
      ['u0123456789a'],
      ['u0123456789a', { title: 5 }],
      ['u0123456789a', { title: null }],
      ['u0123456789a', { id: 'u1' }],
      ['u0123456789a', { issuer: 'x'.repeat(LIMITS.editFieldChars + 1) }],
      ['u0123456789a', { region: '山东省' }],
      ['u0123456789a', { region: { level: 'planet', province: null, city: null } }],
      ['u0123456789a', { region: { level: 'city', province: 5, city: null } }],
    ]) {
      expect(() => validators['userlib:edit'](bad), JSON.stringify(bad)).toThrow(IpcArgumentError);
    }
  });
  it('an untrusted sender is refused before the arguments are even looked at', async () => {
    const handler = vi.fn();
    const h = guarded('userlib:import', handler);
    await expect(h(event({ url: 'app://reader/', parent: {} }), [userFile()])).rejects.toThrow(/untrusted sender/);
    await expect(h(event({ url: 'https://www.gov.cn/', parent: null }), [userFile()])).rejects.toThrow(/untrusted sender/);
    await expect(guarded('userlib:remove', handler)(event(null), 'a'.repeat(64))).rejects.toThrow(/untrusted sender/);
    await expect(h(event(top), [userFile({ kind: 'exe' })])).rejects.toThrow(IpcArgumentError);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('guarded handlers', () => {
  it('runs the handler for a trusted sender with validated args', async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    const h = guarded('shell:open-external', handler);
    await expect(h(event(top), 'https://www.gov.cn/')).resolves.toEqual({ ok: true });
    expect(handler).toHaveBeenCalledWith(expect.anything(), 'https://www.gov.cn/');
  });
  it('rejects untrusted senders before validating or running anything', async () => {
    const handler = vi.fn();
    const log = vi.fn();
    const h = guarded('backup:open', handler, log);
    await expect(h(event({ url: 'https://evil.example/', parent: null }))).rejects.toThrow(/untrusted sender/);
    await expect(h(event(null))).rejects.toThrow(/untrusted sender/);
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(2);
  });
  it('rejects bad arguments without running the handler', async () => {
    const handler = vi.fn();
    await expect(guarded('backup:save', handler)(event(top), { json: 5 })).rejects.toThrow(IpcArgumentError);
    expect(handler).not.toHaveBeenCalled();
  });
  it('every call the preload makes reaches the handler of its own channel, and nothing else is registered', async () => {
    await import('./preload');
    const bridge = preload.exposed.policyReader as PolicyReaderBridge & Record<string, (...a: unknown[]) => Promise<unknown>>;
    // Well-formed arguments for each invoking method of the bridge.
    const samples: Record<string, unknown[]> = {
      getAppInfo: [],
      openExternal: ['https://www.gov.cn/'],
      savePdf: [{ html: '<p>正文</p>', suggestedName: '通知' }],
      saveBackup: [{ json: '{"notes":[]}' }],
      openBackup: [],
      writeAutoBackup: ['{"format":"policy-reader/annotations","formatVersion":1,"annotations":[]}'],
      readAutoBackup: [],
      importFiles: [[userFile()]],
      removeUserDocument: ['a'.repeat(64)],
      listUserLibrary: [],
      saveUserDocEdits: ['u0123456789a', { title: '标题' }],
    };
    const invoking = Object.keys(bridge).filter((m) => m !== 'onMenuCommand');
    expect(invoking.filter((m) => !samples[m]), 'bridge methods without sample arguments in this test').toEqual([]);
    preload.invoked.length = 0;
    for (const m of invoking) await bridge[m](...samples[m]);
    expect(preload.invoked).toHaveLength(invoking.length);

    const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const calls: { channel: string; args: unknown[] }[] = [];
    const handlers = new Proxy({} as IpcHandlers, {
      get: (_t, channel: string) => (_e: unknown, ...args: unknown[]) => calls.push({ channel, args }),
    });
    registerIpcHandlers({ handle: (c, l) => registered.set(c, l) }, handlers);

    for (const [channel, ...args] of preload.invoked as [string, ...unknown[]][]) {
      const listener = registered.get(channel);
      expect(listener, `no handler registered for ${channel}`).toBeDefined();
      calls.length = 0;
      await listener!(event(top), ...args);
      expect(calls).toEqual([{ channel, args }]);
    }
    // No handler that the preload never calls (an unused channel is attack surface).
    expect([...registered.keys()].sort()).toEqual([...new Set(preload.invoked.map((c) => c[0] as string))].sort());
  });
});
