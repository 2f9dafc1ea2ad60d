import { describe, expect, it } from 'vitest';
import { looksLikeMarkdown, markdownToText } from './markdown';

describe('looksLikeMarkdown', () => {
  it('a heading line of Chinese text makes a file Markdown, wherever it is', () => {
    expect(looksLikeMarkdown('# 中华人民共和国消防法\n\n第一条 为了预防火灾。')).toBe(true);
    expect(looksLikeMarkdown('前言\n   ## 第一章 总则\n第一条')).toBe(true);
    expect(looksLikeMarkdown('标题\n###### 附则')).toBe(true);
    expect(looksLikeMarkdown('#\t\t第一章 总则')).toBe(true);
  });
  it('page markers, a # run on to its word, an indented code line and plain text are not', () => {
    expect(looksLikeMarkdown('# Page 1:\n关于印发办法的通知\n# Page 2:\n第一条')).toBe(false);
    expect(looksLikeMarkdown('#标签 第一条')).toBe(false);
    expect(looksLikeMarkdown('    # 代码')).toBe(false);
    expect(looksLikeMarkdown('####### 七级')).toBe(false);
    expect(looksLikeMarkdown('关于印发办法的通知\n第一条 为了规范管理。\n一、总体要求 # 不是标题')).toBe(false);
  });
});

describe('markdownToText keeps line numbers', () => {
  it('a comment over several lines leaves its line breaks, so the lines after it keep their numbers', () => {
    const md = '# 标题\n<!-- 说明\n第二行 -->\n第一条 正文。\n<!-- INFO END -->\n第二条 正文。';
    const lines = markdownToText(md).split('\n');
    expect(lines).toEqual(['标题', '', '', '第一条 正文。', '', '第二条 正文。']);
  });
});

describe('markdownToText', () => {
  it('drops Markdown markup but keeps the words', () => {
    expect(markdownToText('# 第一章 总则\n\n**第一条** 为了[规范](http://x)管理。\n- （一）事项')).toBe('第一章 总则\n\n第一条 为了规范管理。\n（一）事项');
  });
  it('drops headings marks, bullets, quotes, emphasis, code marks, links and images but keeps their words', () => {
    const md = ['# 第一章 总则', '   ## 第一节 一般规定', '###### 六级标题', '- 一网通办', '* 一网统管', '+ 一件事', '> 引文', '**第一条**　为了__规范__`管理`。', '详见[办法](https://example.gov.cn/a.html)和![图](a.png)。  ', '<!-- 注释 -->正文'];
    expect(markdownToText(md.join('\n')).split('\n')).toEqual(['第一章 总则', '第一节 一般规定', '六级标题', '一网通办', '一网统管', '一件事', '引文', '第一条　为了规范管理。', '详见办法和图。', '正文']);
  });
  it('takes every space after a mark, not only the first', () => {
    expect(markdownToText('##   第一章 总则\n-  （一）事项\n>\t\t引文')).toBe('第一章 总则\n（一）事项\n引文');
  });
  it('leaves a line alone that only looks like markup', () => {
    expect(markdownToText('#标签\n    # 代码\n-1 度\n2023-2025年')).toBe('#标签\n    # 代码\n-1 度\n2023-2025年');
  });
});
