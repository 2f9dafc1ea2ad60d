import { describe, expect, it } from 'vitest';
import { removeFurniture, titleFromHeader } from './furniture.js';
import { toLines } from './lines.js';

const run = (text: string) => {
  const r = removeFurniture(toLines(text).lines);
  return { kept: r.lines.filter((l) => l.text.trim()).map((l) => l.text.trim()), removed: r.removed.map((x) => [x.kind, x.text]) };
};
const body = (n: number) => Array.from({ length: n }, (_, i) => `第${i}行正文内容，这一行足够长以便确定页面的排版宽度和换行位置，`).join('\n');

describe('removeFurniture', () => {
  it('removes Latin page furniture and page numbers', () => {
    const r = run(`${body(6)}\n INFORMATION\n\n- 12 -\n本行结束。`);
    expect(r.removed).toEqual([['latin', 'INFORMATION'], ['page-number', '- 12 -']]);
    expect(r.kept.at(-1)).toBe('本行结束。');
  });
  it('removes a running header that lands inside a sentence and learns its publication tail', () => {
    const text = `${body(6)}\n不得擅自取消、下放和调整。因承接、\n\n青岛市人民政府关于青岛市政务服务管理办法\n的通知政策简讯\n\n下放、取消等事由变动的，应当及时更新清单。\n\n${body(3)}。\n\n中国银保监会办公厅关于小微企业\n金融服务质量的通知政策简讯\n\n第二条适用本办法。`;
    const r = run(text);
    expect(r.removed).toEqual([
      ['running-header', '青岛市人民政府关于青岛市政务服务管理办法的通知政策简讯'],
      ['running-header', '中国银保监会办公厅关于小微企业金融服务质量的通知政策简讯'],
    ]);
    expect(titleFromHeader(r.removed[1][1])).toBe('中国银保监会办公厅关于小微企业金融服务质量的通知');
  });
  it('keeps a heading that follows a finished sentence', () => {
    const r = run(`${body(6)}\n本条完。\n\n第三章政务服务事项\n\n第十五条事项实行清单管理。`);
    expect(r.removed).toEqual([]);
  });
  it('recognises a title printed after the first paragraphs of a signed article', () => {
    const r = run(`${body(6)}\n加之相应的约束\n\n地方政府招商引资应完善项目评价机制\n防范骗补套利烂尾等现象\n\n李翊  柴恩旺\n\n措施不到位，导致项目建设受阻。`);
    expect(r.removed).toEqual([
      ['trailing-title', '地方政府招商引资应完善项目评价机制防范骗补套利烂尾等现象'],
      ['byline', '李翊  柴恩旺'],
    ]);
    expect(r.kept.slice(-2)).toEqual(['加之相应的约束', '措施不到位，导致项目建设受阻。']);
  });
  it('removes a header repeated at the top of many pages', () => {
    const pages = Array.from({ length: 5 }, (_, i) => `# Page ${i + 1}:\n营商环境政策汇编\n${body(3)}`).join('\n');
    const r = run(pages);
    expect(r.removed.filter((x) => x[0] === 'page-repeat')).toHaveLength(5);
    expect(r.kept.some((t) => t === '营商环境政策汇编')).toBe(false);
  });
});
