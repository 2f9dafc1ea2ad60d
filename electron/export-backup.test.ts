import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultBackupName, openBackup, saveBackup } from './backup';
import type { Dialogs } from './dialogs';
import { createDialogGate } from './dialogs';
import { EXPORT_CSP, isPdf, savePdf, withCspMeta } from './export';
import { readFileLimited, safeFileName, withExtension } from './fs-safe';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-export-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(code), { code });
const PDF = new TextEncoder().encode('%PDF-1.7\n…');

function dialogs(savePath?: string, openPath?: string): Dialogs & { saveOptions: unknown[] } {
  const saveOptions: unknown[] = [];
  return {
    saveOptions,
    showSaveDialog: async (o) => {
      saveOptions.push(o);
      return savePath ? { canceled: false, filePath: savePath } : { canceled: true };
    },
    showOpenDialog: async () => (openPath ? { canceled: false, filePaths: [openPath] } : { canceled: true, filePaths: [] }),
  };
}

describe('file names', () => {
  it('safeFileName strips folders, reserved characters and adds the extension', () => {
    expect(safeFileName('关于印发《办法》的通知', 'pdf', 'x')).toBe('关于印发《办法》的通知.pdf');
    expect(safeFileName('../../etc/passwd', 'pdf', 'x')).toBe('etc passwd.pdf');
    expect(safeFileName('a:b*c?.PDF', 'pdf', 'x')).toBe('a b c.pdf');
    expect(safeFileName('CON', 'json', 'x')).toBe('_CON.json');
    expect(safeFileName('  ...  ', 'json', '备份')).toBe('备份.json');
    expect(Array.from(safeFileName('长'.repeat(300), 'pdf', 'x'))).toHaveLength(84);
  });
  it('withExtension', () => {
    expect(withExtension('/a/b', 'pdf')).toBe('/a/b.pdf');
    expect(withExtension('/a/b.PDF', 'pdf')).toBe('/a/b.PDF');
  });
});

describe('savePdf', () => {
  it('renders with a CSP, asks where to save and writes the PDF', async () => {
    const target = path.join(dir, '通知');
    const render = vi.fn(async () => PDF);
    const d = dialogs(target);
    const res = await savePdf({ html: '<html><head><title>t</title></head><body>正文</body></html>', suggestedName: '通知' }, { render, dialogs: d, defaultDir: dir });
    expect(res).toEqual({ ok: true, path: `${target}.pdf` });
    expect(fs.readFileSync(`${target}.pdf`, 'utf8')).toContain('%PDF-');
    expect((render.mock.calls[0] as unknown[])[0]).toContain(EXPORT_CSP);
    expect((render.mock.calls[0] as unknown[])[1]).toEqual({ pageSize: 'A4', landscape: false });
    expect(d.saveOptions[0]).toMatchObject({ defaultPath: path.join(dir, '通知.pdf') });
  });
  it('returns canceled without writing', async () => {
    const write = vi.fn();
    expect(await savePdf({ html: '<p/>', suggestedName: 'a' }, { render: async () => PDF, dialogs: dialogs(), defaultDir: dir, write })).toMatchObject({
      ok: false,
      code: 'canceled',
    });
    expect(write).not.toHaveBeenCalled();
  });
  it('reports a full disk clearly and keeps an existing file', async () => {
    const target = path.join(dir, 'old.pdf');
    fs.writeFileSync(target, 'OLD');
    const res = await savePdf(
      { html: '<p/>', suggestedName: 'old' },
      { render: async () => PDF, dialogs: dialogs(target), defaultDir: dir, write: async () => Promise.reject(errno('ENOSPC')) },
    );
    expect(res).toMatchObject({ ok: false, code: 'no-space' });
    expect((res as { message: string }).message).toContain('磁盘空间不足');
    expect(fs.readFileSync(target, 'utf8')).toBe('OLD');
  });
  it('reports render failures and non-PDF output before asking the user', async () => {
    const d = dialogs(path.join(dir, 'x.pdf'));
    expect(await savePdf({ html: '<p/>', suggestedName: 'x' }, { render: async () => Promise.reject(new Error('渲染超时')), dialogs: d, defaultDir: dir })).toMatchObject({
      code: 'failed',
    });
    expect(await savePdf({ html: '<p/>', suggestedName: 'x' }, { render: async () => new Uint8Array(0), dialogs: d, defaultDir: dir })).toMatchObject({
      code: 'invalid',
    });
    expect(d.saveOptions).toHaveLength(0);
  });
  it('withCspMeta puts the CSP in <head> or wraps a fragment', () => {
    expect(withCspMeta('<html><head lang="zh"><title>x</title></head></html>')).toMatch(/^<html><head lang="zh"><meta http-equiv="Content-Security-Policy"/);
    expect(withCspMeta('<p>x</p>')).toMatch(/<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy".*<body><p>x<\/p><\/body>/);
    expect(isPdf(PDF)).toBe(true);
    expect(isPdf(new TextEncoder().encode('<html>'))).toBe(false);
  });
});

describe('backup', () => {
  it('saves valid JSON under a dated default name', async () => {
    const d = dialogs(path.join(dir, 'b.json'));
    const res = await saveBackup({ json: '{"notes":[]}' }, { dialogs: d, defaultDir: dir, now: () => new Date(2026, 0, 5) });
    expect(res).toEqual({ ok: true, path: path.join(dir, 'b.json') });
    expect(d.saveOptions[0]).toMatchObject({ defaultPath: path.join(dir, '政策阅读器备份-2026-01-05.json') });
    expect(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('{"notes":[]}');
    expect(defaultBackupName(new Date(2026, 10, 23))).toBe('政策阅读器备份-2026-11-23.json');
  });
  it('refuses to save text that is not JSON', async () => {
    const d = dialogs(path.join(dir, 'b.json'));
    expect(await saveBackup({ json: '{oops' }, { dialogs: d, defaultDir: dir })).toMatchObject({ ok: false, code: 'invalid' });
    expect(d.saveOptions).toHaveLength(0);
  });
  it('maps write errors', async () => {
    const res = await saveBackup({ json: '{}' }, { dialogs: dialogs(path.join(dir, 'b.json')), defaultDir: dir, write: async () => Promise.reject(errno('EACCES')) });
    expect(res).toMatchObject({ ok: false, code: 'permission' });
  });
  it('opens UTF-8 JSON (BOM stripped)', async () => {
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"标题":"通知"}')]));
    expect(await openBackup({ dialogs: dialogs(undefined, file), defaultDir: dir })).toEqual({ ok: true, path: file, json: '{"标题":"通知"}' });
  });
  it('refuses non-UTF-8, non-JSON, oversized and missing files', async () => {
    const gbk = path.join(dir, 'gbk.json');
    fs.writeFileSync(gbk, Buffer.from([0x7b, 0x22, 0xd5, 0xfe, 0xb2, 0xdf, 0x22, 0x7d])); // {"政策"} in GBK (0xFE is never UTF-8; 通知's bytes happen to decode)
    expect(await openBackup({ dialogs: dialogs(undefined, gbk), defaultDir: dir })).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('不是 UTF-8 编码的文本') });
    const txt = path.join(dir, 'x.json');
    fs.writeFileSync(txt, 'hello');
    expect(await openBackup({ dialogs: dialogs(undefined, txt), defaultDir: dir })).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('不是 JSON 格式') });
    expect(await openBackup({ dialogs: dialogs(undefined, txt), defaultDir: dir, read: async () => null })).toMatchObject({ ok: false, code: 'too-large' });
    expect(await openBackup({ dialogs: dialogs(undefined, path.join(dir, 'missing.json')), defaultDir: dir })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await openBackup({ dialogs: dialogs(), defaultDir: dir })).toMatchObject({ ok: false, code: 'canceled' });
  });
  it('a PDF or Word file picked by mistake is named as such, not as an encoding problem', async () => {
    const pdf = path.join(dir, '通知.pdf');
    fs.writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]));
    const docx = path.join(dir, '通知.docx');
    fs.writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe]));
    const fromPdf = await openBackup({ dialogs: dialogs(undefined, pdf), defaultDir: dir });
    expect(fromPdf).toMatchObject({ ok: false, code: 'invalid' });
    expect((fromPdf as { message: string }).message).toContain('这不是政策阅读器的标注备份（它看起来是PDF 文件）');
    expect((fromPdf as { message: string }).message).toContain('未做任何更改');
    const fromDocx = await openBackup({ dialogs: dialogs(undefined, docx), defaultDir: dir });
    expect((fromDocx as { message: string }).message).toContain('它看起来是Word 文档或压缩包');
  });
  it('reads backups up to 50 MiB (the contract limit) and refuses anything larger, with the size in the message', async () => {
    // Sparse files: the size is real for the reader, no disk space is used.
    const atLimit = path.join(dir, 'at-limit.json');
    const over = path.join(dir, 'over.json');
    fs.closeSync(fs.openSync(atLimit, 'w'));
    fs.truncateSync(atLimit, 50 * 1024 * 1024);
    fs.closeSync(fs.openSync(over, 'w'));
    fs.truncateSync(over, 50 * 1024 * 1024 + 1);
    // At the limit it is read, then refused only because NUL bytes are not JSON.
    expect(await openBackup({ dialogs: dialogs(undefined, atLimit), defaultDir: dir })).toMatchObject({ ok: false, code: 'invalid' });
    const big = await openBackup({ dialogs: dialogs(undefined, over), defaultDir: dir });
    expect(big).toMatchObject({ ok: false, code: 'too-large' });
    expect((big as { message: string }).message).toContain('50 MB');
  });
  it('readFileLimited stops past the limit', async () => {
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, 'x'.repeat(1000));
    expect(await readFileLimited(file, 999)).toBeNull();
    expect((await readFileLimited(file, 1000))!.byteLength).toBe(1000);
  });
});

describe('odd files (issue 16, item 8)', () => {
  /** Resolves with the result, or with 'hung' when the call has not returned after `ms`. */
  const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms))]);

  it.skipIf(process.platform === 'win32')('opening a FIFO is refused at once in Chinese, and the dialog lock is released for the next open', async () => {
    const fifo = path.join(dir, 'backup.json');
    execFileSync('mkfifo', [fifo]);
    const gate = createDialogGate();
    const open = () => gate({ ok: false as const, code: 'busy', message: 'busy' }, () => openBackup({ dialogs: dialogs(undefined, fifo), defaultDir: dir }));
    const r = await within(open(), 2000);
    // A reader blocked on the FIFO holds a libuv thread: unblock it whatever the outcome.
    if (r === 'hung') fs.writeFileSync(fifo, '');
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    if (r !== 'hung' && !r.ok) expect(r.message).toMatch(/^读取备份失败：.*不是普通文件/);
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, '{}');
    expect(await within(gate({ ok: false, code: 'busy', message: 'busy' }, () => openBackup({ dialogs: dialogs(undefined, good), defaultDir: dir })), 2000)).toMatchObject({ ok: true });
  });

  it('a folder or a device is refused the same way', async () => {
    for (const p of [dir, ...(process.platform === 'win32' ? [] : ['/dev/zero'])]) {
      expect(await within(openBackup({ dialogs: dialogs(undefined, p), defaultDir: dir }), 2000), p).toMatchObject({ ok: false, code: 'invalid' });
    }
  });
});

describe('dialog gate', () => {
  it('answers busy while a dialog is open', async () => {
    const gate = createDialogGate();
    let release!: () => void;
    const first = gate('busy', () => new Promise<string>((r) => (release = () => r('done'))));
    expect(await gate('busy', async () => 'second')).toBe('busy');
    release();
    expect(await first).toBe('done');
    expect(await gate('busy', async () => 'third')).toBe('third');
  });
});
