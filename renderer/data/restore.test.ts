import { describe, expect, it } from 'vitest';
import { restoreDocument, restoreLibrary } from './restore';

describe('renderer corpus validation messages', () => {
  it('says in Chinese what is wrong with a corpus file', () => {
    expect(() => restoreLibrary({})).toThrow('library.json 不是文档列表');
    expect(() => restoreDocument({ id: 'a', title: '甲', formatVersion: 1 }, 'b')).toThrow(/文档编号不符：期望 b/);
    expect(() => restoreDocument({ id: 'a', title: '甲', formatVersion: 99 }, 'a')).toThrow(/不支持的语料格式版本/);
    expect(() => restoreDocument(null, 'a')).toThrow('文档文件格式不正确');
  });
});
