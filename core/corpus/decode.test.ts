import { describe, expect, it } from 'vitest';
import { decodeRaw } from './decode.js';
import { MAX_LINE_CHARS, toLines } from './lines.js';

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
  it('rejects a UTF-16 file of random bytes, and one of random Chinese characters, naming why', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const bytes = new Uint8Array(4002).map((_, i) => (i === 0 ? 0xff : i === 1 ? 0xfe : Math.floor(rnd() * 256)));
    const r = decodeRaw(bytes);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/UTF-16.*outside the scripts/);
    const units = Array.from({ length: 400 }, () => 0x4e00 + Math.floor(rnd() * 0x5000));
    const han = new Uint8Array(2 + units.length * 2);
    han.set([0xff, 0xfe]);
    units.forEach((u, i) => han.set([u & 0xff, u >> 8], 2 + i * 2));
    const h = decodeRaw(han);
    expect(!h.ok && h.reason).toMatch(/rare/);
  });
  it('tells Big5 from GB18030 by which reading gives common characters', () => {
    // "第一條 為規範本市政務服務，優化營商環境，制定本辦法。" in Big5
    const BIG5 = 'b2c4a440b1f820acb0b357bd64a5bba5abac46b0c8aa41b0c8a141c075a4c6c0e7b0d3c0f4b9d2a141a8eea977a5bbbfecaa6ba143';
    const r = decodeRaw(hex(BIG5.repeat(4)));
    expect(r).toMatchObject({ ok: true, encoding: 'big5' });
    expect(r.ok && r.text.slice(0, 27)).toBe('第一條 為規範本市政務服務，優化營商環境，制定本辦法。');
    expect(r.ok && r.warnings.join()).toMatch(/Big5/);
    expect(decodeRaw(hex(GB.repeat(4)))).toMatchObject({ ok: true, encoding: 'gb18030' });
  });
  it('reads an otherwise valid UTF-8 file with one invalid byte, replacing it and naming its line', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `第${i + 1}条 本办法适用于青岛市行政区域内的政务服务活动。`);
    const bytes = utf8(lines.join('\n'));
    const at = bytes.indexOf(0x0a, Math.floor(bytes.length / 2)) + 4; // inside line 1502, after its first character
    const lineNo = utf8(lines.join('\n')).subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const broken = new Uint8Array(bytes);
    broken[at] = 0xff;
    const r = decodeRaw(broken);
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8' });
    if (!r.ok) return;
    expect(r.warnings.join()).toContain(`第 ${lineNo} 行`);
    expect(r.warnings.join()).toMatch(/无效的 UTF-8 字节/);
    const out = r.text.split('\n');
    expect(out).toHaveLength(3000);
    expect(out[lineNo - 1]).toContain('\ufffd');
    // Every other line is read exactly.
    expect(out.filter((l, i) => l !== lines[i])).toHaveLength(1);
  });
  it('does not read GBK text as UTF-8 with replacements, even when it is mostly ASCII', () => {
    expect(decodeRaw(hex(GB))).toMatchObject({ ok: true, encoding: 'gb18030' });
    const mostlyAscii = new Uint8Array([...utf8('Article 1 (2024) '.repeat(20)), ...hex('b5dad2bbccf5')]);
    expect(decodeRaw(mostlyAscii)).not.toMatchObject({ ok: true, encoding: 'utf-8' });
  });
  it('keeps raw line numbers when it splits an enormous line', () => {
    const { lines, splitLines } = toLines(`第一行\n${'政'.repeat(MAX_LINE_CHARS * 2 + 5)}\n第三行`);
    expect(splitLines).toBe(1);
    expect(lines.map((l) => [l.no, l.text.length])).toEqual([[1, 3], [2, MAX_LINE_CHARS], [2, MAX_LINE_CHARS], [2, 5], [3, 3]]);
  });
  it('splits a line of long runs of spaces in linear time (trailing space is not found by a backtracking regex)', () => {
    // 300,000 spaces between words took 37 s when each line was trimmed with /[\s\u3000]+$/ before splitting.
    const run = ' '.repeat(100_000);
    const { lines } = toLines(`第一条${run}第二条${run}第三条${run}第四条 \u3000\n末行`);
    expect(lines.filter((l) => l.no === 1).map((l) => l.text).join('')).toBe(`第一条${run}第二条${run}第三条${run}第四条`);
    expect(lines.at(-1)).toMatchObject({ no: 2, text: '末行' });
  });
});
