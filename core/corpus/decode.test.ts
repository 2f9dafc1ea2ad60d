import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, decodeRaw } from './decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
// "第一条 本办法适用于青岛市政务服务。" encoded as GB18030
const GB = 'b5dad2bbccf520b1beb0ecb7a8cacad3c3d3dac7e0b5bacad0d5fecef1b7fecef1a1a3';

describe('decodeRaw', () => {
  it('reads UTF-8 and strips a BOM', () => {
    const r = decodeRaw(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('第一条\r\n第二条')]));
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', text: '第一条\n第二条' });
  });
  it('falls back to GB18030 for GBK text and says so', () => {
    const r = decodeRaw(hex(GB));
    expect(r.ok && r.text).toBe('第一条 本办法适用于青岛市政务服务。');
    expect(r.ok && r.warnings.join()).toMatch(/GB18030/);
  });
  it('reads UTF-16 with a BOM', () => {
    const body = '通知';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    expect(decodeRaw(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le', text: '通知' });
  });
  it('rejects empty and binary files with a reason', () => {
    expect(decodeRaw(new Uint8Array())).toEqual({ ok: false, reason: 'file is empty' });
    const r = decodeRaw(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/binary/);
  });
  it('rejects bytes that are neither UTF-8 nor Chinese GB18030', () => {
    const r = decodeRaw(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xff : 0x80))));
    expect(r.ok).toBe(false);
  });
  it('splits an enormous line instead of choking on it', () => {
    const r = decodeRaw(utf8('政'.repeat(MAX_LINE_CHARS * 2 + 5)));
    expect(r.ok && r.text.split('\n').map((l) => l.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS, 5]);
    expect(r.ok && r.warnings.join()).toMatch(/split/);
  });
});
