import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guarded, IPC_CHANNELS, IpcArgumentError, isTrustedSender, LIMITS, registerIpcHandlers, validators, type IpcHandlers } from './ipc';

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
  it('has one validator per contract channel', () => {
    expect(Object.keys(validators).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(IPC_CHANNELS).toHaveLength(7);
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
  it('registerIpcHandlers registers exactly the contract channels', () => {
    const channels: string[] = [];
    const handlers = Object.fromEntries(IPC_CHANNELS.map((c) => [c, vi.fn()])) as unknown as IpcHandlers;
    registerIpcHandlers({ handle: (c) => channels.push(c) }, handlers);
    expect(channels).toEqual(IPC_CHANNELS);
  });
});
