/**
 * A policy page saved from a government website (.html) or written as Markdown, as the lines
 * the parser reads: what the page shows, line for line, without its markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('reads a saved government web page as its title and paragraphs', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发《示例办法》的通知</title>
      <style>p { margin: 0 }</style><script>var x = "<p>不是正文</p>";</script></head>
      <body><!-- 页眉 --><div class="nav">首页 &gt; 政策文件</div>
      <h1>关于印发《示例办法》的通知</h1>
      <p>各区人民政府：</p><p>现将《示例办法》印发给你们，
      请认真贯彻执行。</p><br><ul><li>附件：示例办法</li></ul></body></html>`;
    expect(htmlToText(page).split('\n')).toEqual([
      '关于印发《示例办法》的通知',
      '首页 > 政策文件',
      '关于印发《示例办法》的通知',
      '各区人民政府：',
      '现将《示例办法》印发给你们， 请认真贯彻执行。',
      '附件：示例办法',
    ]);
  });
  it('reads a table row as one line with its cells apart', () => {
    expect(htmlToText('<table><tr><th>序号</th><th>事项</th></tr><tr><td>1</td><td>企业开办</td></tr></table>')).toBe('序号 事项\n1 企业开办');
  });
  it('decodes named and numeric entities, and leaves a broken one as written', () => {
    expect(htmlToText('<p>&ldquo;一网通办&rdquo;&middot;&lsquo;甲&rsquo;&mdash;&hellip;&quot;&apos;&amp;&lt;&nbsp;x&ensp;y</p>')).toBe('“一网通办”·‘甲’—…"\'&< x y');
    expect(htmlToText('<p>&#x4E00;&#X4E8C;&#19977;&#0;&#x110000;&nosuch;&AMP;</p>')).toBe('一二三&#0;&#x110000;&nosuch;&');
    // The last code point there is, written as Ext B characters are: beyond U+FFFF.
    expect(htmlToText('<p>&#x20000;&#x10FFFF;</p>')).toBe('\u{20000}\u{10ffff}');
  });
  it('ends a line at every block element and drops empty lines', () => {
    expect(htmlToText('<section>甲</section><article>乙</article><header>丙</header><main>丁</main><blockquote>戊</blockquote><pre>己</pre><ol><li>庚</li></ol><dl><dt>辛</dt><dd>壬</dd></dl><h6>癸</h6>')).toBe(
      '甲\n乙\n丙\n丁\n戊\n己\n庚\n辛\n壬\n癸',
    );
    expect(htmlToText('<P CLASS="x">甲</P><DIV>乙</DIV><br/>   <p> </p><span>丙</span>')).toBe('甲\n乙\n丙');
  });
  it('keeps the words of inline markup and of a page without a head', () => {
    expect(htmlToText('<p>第一条　<b>为了</b><a href="x">规范</a>\t\t管理。</p>')).toBe('第一条　为了规范 管理。');
    expect(htmlToText('<HEAD><TITLE>标题</TITLE></HEAD><p>正文</p>')).toBe('标题\n正文');
    expect(htmlToText('<head><meta charset="utf-8"></head><p>正文</p>')).toBe('正文');
  });
});

describe('htmlToText: the document in a page saved from a government site', () => {
  const page = readFileSync(join('test-data', 'import', 'govcn-notice-page.html'), 'utf8');
  it('keeps the text the paragraphs sit in, and leaves out the share menu, breadcrumbs, index table, 纠错, QR code, 相关稿件 and hidden copies', () => {
    const lines = htmlToText(page).split('\n');
    expect(lines.slice(0, 4)).toEqual(['国务院办公厅关于复制推广', '营商环境创新试点改革举措的通知', '国办发〔2022〕35号', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：']);
    expect(lines.slice(-3)).toEqual(['国务院办公厅', '2022年9月28日', '（此件公开发布）']);
    for (const chrome of ['分享到', 'QQ空间', '首页', '索 引 号', '我要纠错', '责任编辑', '扫一扫', '相关稿件', '政务大数据体系建设指南', '回到', '中国政府网']) expect(lines.join('\n')).not.toContain(chrome);
  });
  it('puts the page\'s title and the index table\'s 文号 before a text that lacks them', () => {
    // The same page with the title and 文号 lines taken out of the text, as many sites print it.
    const bare = page.replace(/<p style="text-align: center;"><strong>[\s\S]*?<\/p>\s*<p style="text-align: center;">国办发〔2022〕35号<\/p>/, '');
    expect(bare).not.toBe(page);
    expect(htmlToText(bare).split('\n').slice(0, 3)).toEqual(['国务院办公厅关于复制推广营商环境创新试点改革举措的通知', '国办发〔2022〕35号', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：']);
  });
  const para = (n: number) => `<p>${'第一条规定的事项，应当依法办理，'.repeat(n)}</p>`;
  it('takes the <h1> outside the text for its title, before the <title> with its site name', () => {
    const withH1 = `<html><head><title>示例办法_政策文件_某某市人民政府</title></head><body><div class="top"><a href="/">首页</a></div><h1>某某市示例管理办法</h1><div class="text">${para(3)}${para(2)}</div></body></html>`;
    expect(htmlToText(withH1).split('\n')[0]).toBe('某某市示例管理办法');
    expect(htmlToText(withH1.replace('<h1>某某市示例管理办法</h1>', '')).split('\n')[0]).toBe('示例办法');
  });
  it('finds a text laid out in a table cell, and drops what is hidden by style, attribute or aria-hidden', () => {
    const old = `<body><table><tr><td><a href="/">网站首页</a> <a href="/a">机构概况</a></td></tr><tr><td class="bt">关于做好示例工作的通知</td></tr><tr><td>${'各镇人民政府，区直各单位：为做好示例工作，现就有关事项通知如下，'.repeat(2)}<br>一、加强组织领导，明确责任分工。</td></tr><tr><td>版权所有：某某区人民政府办公室</td></tr></table><div style="display: none">隐藏的标题</div><p hidden>隐藏段落</p><span aria-hidden="true">读屏不读</span></body>`;
    const lines = htmlToText(old).split('\n');
    expect(lines[lines.length - 1]).toBe('一、加强组织领导，明确责任分工。');
    expect(lines.join('')).not.toMatch(/网站首页|版权所有|隐藏|读屏不读/);
  });
  it('reads a page of short paragraphs whole, as before, without what navigation, asides, footers and forms hold', () => {
    expect(htmlToText('<body><nav>导航</nav><h1>通知</h1><p>甲。</p><aside>侧栏</aside><form><input>搜索</form><footer>页脚</footer></body>')).toBe('通知\n甲。');
  });
});
