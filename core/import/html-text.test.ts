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

describe('htmlToText: telling the document from the page, piece by piece', () => {
  // A sentence long enough to be a paragraph (25 characters of its own, with commas), and a page around it.
  const S = '为进一步优化营商环境，激发市场主体活力，现就有关事项通知如下。';
  const page = (content: string, around = '') => `<html><head><title>关于优化营商环境的通知_通知公告_某某市人民政府</title></head><body><div class="nav"><a href="/">首页</a> &gt; <a href="/x">通知公告</a></div>${around}<div class="text">${content}</div><div class="foot">主办单位：某某市人民政府办公室 技术支持：某某信息中心 网站标识码：1234567890</div></body></html>`;
  const chosen = (html: string) => htmlToText(html).split('\n');
  it('takes the element the paragraphs sit in, not the page around it', () => {
    expect(chosen(page(`<p>${S}</p><p>${S}</p>`))).toEqual(['关于优化营商环境的通知', S, S]);
  });
  it('reads paragraphs left open, as old pages write them', () => {
    expect(chosen(page(`<p>${S}<p>${S}<ul><li>一、甲<li>二、乙</ul><dl><dt>丙<dd>丁</dl><table><tr><td>戊<td>己<tr><td>庚</table><select><option>辛<option>壬</select>`))).toEqual(['关于优化营商环境的通知', S, S, '一、甲', '二、乙', '丙', '丁', '戊 己', '庚']);
  });
  it('a <p> inside a cell or a list does not close one outside it', () => {
    expect(chosen(page(`<div><p>${S}<table><tr><td><p>${S}</p></td></tr></table>${S}</p></div>`))).toEqual(['关于优化营商环境的通知', S, S, S]);
  });
  it('does not take elements that never close (br, img, input …) for containers', () => {
    const voids = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'];
    const text = voids.map((v) => `<${v}>${S}`).join('');
    const lines = chosen(page(`<div>${text}</div>`));
    expect(lines[0]).toBe('关于优化营商环境的通知');
    expect(lines.join('')).toContain(S.repeat(voids.length));
    expect(lines.join('')).not.toMatch(/首页|主办单位/);
  });
  it('leaves out what is not text, inside the document too', () => {
    const junk = ['<script>var a = "甲乙丙";</script>', '<style>.x{}</style>', '<noscript>请启用脚本</noscript>', '<template>模板</template>', '<iframe>框架</iframe>', '<object>对象</object>', '<svg><text>图形</text></svg>', '<canvas>画布</canvas>', '<select><option>选项</option></select>', '<button>按钮</button>', '<textarea>输入框</textarea>', '<nav>导航</nav>', '<aside>侧栏</aside>', '<footer>页脚</footer>', '<form>表单</form>'];
    for (const j of junk) expect(chosen(page(`<p>${S}</p>${j}<p>${S}</p>`)), j).toEqual(['关于优化营商环境的通知', S, S]);
  });
  it('leaves out what the page hides, whichever way it hides it', () => {
    for (const h of ['hidden', 'hidden=""', 'aria-hidden="true"', 'style="display: none"', 'style="color:red;visibility:hidden"', "style='DISPLAY:NONE'"])
      expect(chosen(page(`<p>${S}</p><div ${h}>隐藏的摘要，供分享使用，不是正文的一部分，读者看不到。</div><p>${S}</p>`)), h).toEqual(['关于优化营商环境的通知', S, S]);
    // Words that only look like it are shown.
    expect(chosen(page(`<p>${S}</p><div data-hidden="no" title="aria-hidden">看得见</div><p>${S}</p>`))).toContain('看得见');
  });
  it('weighs links against an element: a list of related titles is not the text', () => {
    const related = `<ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/${i}">某某市人民政府办公室关于印发第${i}批改革举措清单的通知，请各单位认真贯彻落实</a></li>`).join('')}</ul>`;
    expect(chosen(page(`<p>${S}</p><p>${S}</p>`, `<div class="related">相关文件${related}</div>`)).join('')).not.toContain('改革举措清单');
  });
  it('counts entities, comments, a DOCTYPE and an XML declaration as what they are', () => {
    const html = `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">${page(`<p>${S}<!-- 这是注释，不是正文，也不能算作正文的字数，哪怕它很长很长很长 --></p><p>${S}</p>`)}`;
    expect(chosen(html)).toEqual(['关于优化营商环境的通知', S, S]);
  });
  it('cleans the site names off the <title>, whichever mark parts them', () => {
    const withTitle = (t: string) => chosen(`<html><head><title>${t}</title></head><body><div><a href="/">首页</a></div><div><p>${S}</p><p>${S}</p></div></body></html>`)[0];
    expect(['甲通知_某某市人民政府', '甲通知|某某网', '甲通知｜某某网', '甲通知 - 某某网', '甲通知— 某某网', ' 甲通知 '].map(withTitle)).toEqual(['甲通知', '甲通知', '甲通知', '甲通知', '甲通知', '甲通知']);
    // A hyphen inside words is not a separator.
    expect(withTitle('COVID-19防控通知')).toBe('COVID-19防控通知');
  });
  it('takes an <h1> outside the text for the title, not one the page hides or a dropped element holds', () => {
    const h = (around: string) => chosen(page(`<p>${S}</p><p>${S}</p>`, around))[0];
    expect(h('<h1>某某市优化营商环境通知</h1>')).toBe('某某市优化营商环境通知');
    expect(h('<h1 style="display:none">隐藏标题</h1>')).toBe('关于优化营商环境的通知');
    expect(h('<nav><h1>导航标题</h1></nav>')).toBe('关于优化营商环境的通知');
  });
  it('takes the title from the block above the text that reads as one, before a logo\'s <h1> or a <title> that is only the site', () => {
    const site = (above: string) => chosen(`<html><head><title>浙江省人民政府门户网站</title></head><body><h1 class="logo"><a href="/">浙江省人民政府</a></h1><div class="crumb"><a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>${above}<div class="TRS_Editor"><p>${S}</p><p>${S}</p></div></body></html>`)[0];
    expect(site('<div class="title">浙江省人民政府办公厅关于加强数据管理的通知</div><div class="info">发布日期：2024-03-01　来源：省政府办公厅</div>')).toBe('浙江省人民政府办公厅关于加强数据管理的通知');
    expect(site('<div class="title"><h2>浙江省数据资源管理办法</h2></div>')).toBe('浙江省数据资源管理办法');
    // A block that is a sentence, or too short, is not a title: the <h1> then, even a logo's.
    expect(site('<div class="note">本页面内容已于近日更新，请注意查看最新的通知</div><div>通知</div>')).toBe('浙江省人民政府');
  });
  it('a paragraph needs 25 characters of its own: shorter ones leave the page whole', () => {
    const at = (p: string) => chosen(`<html><head><title>通知_某某网</title></head><body><div><a href="/">首页</a></div><div>${p}${p}</div><div>版权所有</div></body></html>`);
    expect(at(`<p>${'甲'.repeat(24)}</p>`)).toEqual(['通知_某某网', '首页', '甲'.repeat(24), '甲'.repeat(24), '版权所有']);
    expect(at(`<p>${'甲'.repeat(25)}</p>`)).toEqual(['通知', '甲'.repeat(25), '甲'.repeat(25)]);
  });
  it('an element with less than half the page\'s words is not its text, however its paragraphs score', () => {
    const footer = '主办单位：某某市人民政府办公室，技术支持：某某信息中心，网站标识码：1234567890';
    const at = (n: number) => chosen(`<body><div>${'<p>甲乙丙丁。</p>'.repeat(n)}</div><div class="foot">${footer}</div></body>`);
    // The footer's line is the only paragraph: chosen while it holds half the words or more, not below.
    expect(at(8)).toEqual([footer]);
    expect(at(9)).toEqual([...Array(9).fill('甲乙丙丁。'), footer]);
  });
  it('prefers the element with more paragraphs, and more commas in them', () => {
    const two = (a: string, b: string) => chosen(`<body><div id="a">${a}</div><div id="b">${b}</div></body>`);
    const plain = '甲'.repeat(30) + '。';
    expect(two(`<p>${plain}</p>`, `<p>${plain}</p><p>${plain}</p>`)).toEqual([plain, plain]);
    expect(two(`<p>${'甲，'.repeat(20)}</p>`, `<p>${plain}</p>`)).toEqual(['甲，'.repeat(20)]);
    // A long paragraph scores up to three more, by its hundreds of characters.
    expect(two(`<p>${'甲'.repeat(400)}</p>`, `<p>${plain}</p><p>${plain}</p><p>${plain}</p>`)).toEqual(['甲'.repeat(400)]);
  });
  it('a <div> with text of its own is a paragraph and a container at once', () => {
    expect(chosen(page(`${S}<br>${S}`))).toEqual(['关于优化营商环境的通知', S, S]);
  });
});
