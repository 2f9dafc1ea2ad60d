import { describe, expect, it } from 'vitest';
import { readChosenFiles } from './read-chosen';

/** A file Chromium can no longer read: its arrayBuffer() rejects as Chromium's does (NotReadableError). */
class GoneFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
  }
}

describe('reading the chosen files', () => {
  it('reads every file it can, and refuses the one it cannot by name, in Chinese, keeping the order', async () => {
    const files = [new File(['第一条 甲'], '甲.txt'), new GoneFile(['x'], '已移走.pdf'), new File([new Uint8Array([1, 2, 3])], '丙.docx')];
    const read = await readChosenFiles(files);
    expect(read.map((r) => r.name)).toEqual(['甲.txt', '已移走.pdf', '丙.docx']);
    expect(new TextDecoder().decode((read[0] as { bytes: ArrayBuffer }).bytes)).toBe('第一条 甲');
    expect([...new Uint8Array((read[2] as { bytes: ArrayBuffer }).bytes)]).toEqual([1, 2, 3]);
    expect(read[1]).toEqual({ name: '已移走.pdf', error: '无法读取文件：已移走.pdf。它可能已被移动、删除或在选择后被修改，也可能所在的磁盘已断开；请重新选择该文件。' });
    expect('bytes' in read[1]).toBe(false);
  });
});
