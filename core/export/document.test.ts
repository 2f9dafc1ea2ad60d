/**
 * 打印 / 导出本文: the whole document as the reader sees it printed — headings where the source
 * has them, markers on their paragraphs, the user's highlights marked in place (overlapping ones
 * cut where they overlap) and their notes after the clause. Hand-made documents in the shapes
 * Chinese laws and notices take; annotations made the way the app makes them (newAnnotation).
 */
import { describe, expect, it } from 'vitest';
import { testDocument, testUnit } from '../../test-support/doc-fixtures';
import { newAnnotation } from '../annotations/create';
import type { HighlightColour } from '../annotations/model';
import type { Unit, UnitLevel } from '../corpus/types';
import { unitBodyText } from '../corpus/units';
import { documentBoldText, renderDocumentHtml } from './document';

const u = (path: string, level: UnitLevel, label: string, texts: string[], fields: Partial<Unit> = {}): Unit => testUnit('law', path, level, label, texts, fields);
const ar1 = u('ch1.ar1', 'article', '第一条', ['为了规范政务服务，制定本办法。', '本办法自公布之日起施行。'], { heading: '【目的】' });
const ar2 = u('ch1.ar2', 'article', '第二条', ['本市行政区域内的政务服务，适用本办法。']);
const doc = testDocument('law', [
  u('p1', 'part', '第一编', [], { heading: '总则', children: [u('ch1', 'chapter', '第一章', [], { heading: '一般规定', children: [ar1, ar2] })] }),
  u('o1', 'outline1', '一、', [], { heading: '总体要求', children: [u('o1.o1', 'outline2', '（一）', ['（一）已带标记的段落。'])] }),
  u('att1', 'appendix', '附件', [], { heading: '申报表' }),
], { title: '示例办法', docNumber: '示例令第1号', signature: ['示例市人民政府', '2024年1月1日'] });

let seq = 0;
const mark = (unit: Unit, quote: string, o: { colour?: HighlightColour; note?: string; bookmark?: boolean } = {}) => {
  const body = unitBodyText(unit);
  const start = body.indexOf(quote);
  return newAnnotation({
    motivation: o.bookmark ? 'bookmarking' : o.note ? 'commenting' : 'highlighting',
    doc,
    unit,
    range: o.bookmark ? undefined : { start, end: start + quote.length },
    colour: o.colour,
    note: o.note,
    contentHash: 'h',
    now: '2026-01-01T08:00:00.000Z',
    id: `urn:uuid:00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  });
};
const body = (html: string) => html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
const marks = (html: string) => [...html.matchAll(/<mark class="hl c-(\w+)">([^<]*)<\/mark>/g)].map((x) => [x[2], x[1]]);

describe('renderDocumentHtml', () => {
  it('prints parts, chapters and attachments as centred headings, an outline heading and an article heading in the text', () => {
    const html = body(renderDocumentHtml(doc, { annotations: [], date: '2026-11-23' }));
    expect(html).toContain('<h2 class="unit-h" >第一编 总则</h2>');
    expect(html).toContain('<h2 class="unit-h" >第一章 一般规定</h2>');
    expect(html).toContain('<h2 class="unit-h" >附件 申报表</h2>');
    expect(html).toContain('<h3 class="unit-h" style="margin-left:0em">一、总体要求</h3>');
    expect(html).toContain('<h3 class="unit-h" style="margin-left:2.4em">第一条【目的】</h3>');
    // An article with a heading: the heading carries the number, its paragraphs no marker.
    expect(html).toContain('<p class="para" style="margin-left:2.4em">为了规范政务服务，制定本办法。</p>');
    // An article without one: the number opens its first paragraph, with the full-width space.
    expect(html).toContain('<p class="para" style="margin-left:2.4em"><span class="marker">第二条　</span>本市行政区域内的政务服务，适用本办法。</p>');
    // A paragraph that already starts with its marker does not get it twice; outline markers take no space.
    expect(html).toContain('<p class="para" style="margin-left:1.2em">（一）已带标记的段落。</p>');
    expect(html).toContain('<p class="signature">示例市人民政府</p><p class="signature">2024年1月1日</p>');
    expect(html).toContain('导出于 2026-11-23');
  });
  it('marks highlights in place in their colours and cuts overlapping ones where they overlap', () => {
    const a = mark(ar2, '本市行政区域', { colour: 'green' });
    const b = mark(ar2, '行政区域内的政务服务', { colour: 'pink' });
    const html = body(renderDocumentHtml(doc, { annotations: [a, b], date: '2026-11-23' }));
    expect(marks(html)).toEqual([
      ['本市', 'green'],
      ['行政区域', 'pink'],
      ['内的政务服务', 'pink'],
    ]);
    expect(html).toContain('<span class="marker">第二条　</span><mark class="hl c-green">本市</mark>');
    // Highlights without a note add no note box.
    expect(html).not.toContain('doc-note');
  });
  it('marks a highlight in the second paragraph of a clause there, not in the first', () => {
    const a = mark(ar1, '自公布之日起施行', { colour: 'blue' });
    const html = body(renderDocumentHtml(doc, { annotations: [a], date: '2026-11-23' }));
    expect(html).toContain('<p class="para" style="margin-left:2.4em">本办法<mark class="hl c-blue">自公布之日起施行</mark>。</p>');
  });
  it('puts a note after its clause with its colour and quote; a bookmark or a clause no longer there marks nothing', () => {
    const noted = mark(ar1, '规范政务服务', { colour: 'pink', note: '重点 <看>' });
    const bookmark = mark(ar2, '', { bookmark: true });
    const gone = { ...mark(ar2, '适用本办法'), target: { ...mark(ar2, '适用本办法').target, 'policyReader:unitId': 'law~ch9.ar9' } };
    const html = body(renderDocumentHtml(doc, { annotations: [noted, bookmark, gone], date: '2026-11-23' }));
    expect(marks(html)).toEqual([['规范政务服务', 'pink']]);
    expect(html).toContain('<div class="note doc-note" style="margin-left:2.4em"><span class="label">批注</span><span class="colour">（粉色）</span>「规范政务服务」：重点 &lt;看&gt;</div>');
    expect(html.indexOf('doc-note')).toBeGreaterThan(html.indexOf('本办法自公布之日起施行'));
    expect(html.indexOf('doc-note')).toBeLessThan(html.indexOf('第二条'));
  });
  it('says a document without text has none, and why when the source was blank', () => {
    expect(body(renderDocumentHtml(testDocument('x', []), { annotations: [], date: '2026-11-23' }))).toContain('<p class="empty">本文件没有正文。</p>');
    expect(body(renderDocumentHtml(testDocument('x', [], { bodyMissing: { reason: 'blank-pages' } }), { annotations: [], date: '2026-11-23' }))).toContain('本文件没有正文（来源页为空白或无文字）。');
  });
});

describe('documentBoldText', () => {
  it('holds the title, 批注 and every marker and heading, the text to embed bold glyphs for', () => {
    const bold = documentBoldText(doc);
    for (const w of ['示例办法', '批注', '第一编', '总则', '第一章', '一般规定', '第一条', '【目的】', '第二条', '一、', '总体要求', '（一）', '附件', '申报表']) expect(bold, w).toContain(w);
    expect(bold).not.toContain('为了规范');
  });
});
