/**
 * A policy page saved from a government website (.html) or written as Markdown, as the lines
 * the parser reads: what the page shows, line for line, without its markup.
 */
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
    expect(htmlToText('<section>甲</section><article>乙</article><header>丙</header><footer>丁</footer><blockquote>戊</blockquote><pre>己</pre><ol><li>庚</li></ol><dl><dt>辛</dt><dd>壬</dd></dl><h6>癸</h6>')).toBe(
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
