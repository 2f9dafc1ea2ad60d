import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, type Annotation, type HighlightColour } from '../annotations/model';
import type { PolicyDocument, Unit } from '../corpus/types';
import { filterAnnotations, filterFromQuery } from '../annotations/filter';
import { base64, parseFontSlices, slicesFor } from './fonts';
import { renderExportHtml } from './html';
import { renderExportMarkdown } from './markdown';
import { buildExportModel, defaultExportOptions, describeFilter, type ExportOptions, pagesOfRange } from './model';

const load = (id: string): PolicyDocument => JSON.parse(readFileSync(new URL(`../../e2e/fixtures/corpus/docs/${id}.json`, import.meta.url), 'utf8'));
const reg = load('shili-zhengwu-banfa-2023');
const notice = load('shili-tongzhi-2024');
const docs = new Map([reg, notice].map((d) => [d.id, d]));
const docOf = (id: string) => docs.get(id) ?? null;

let seq = 0;
function ann(doc: PolicyDocument, path: string, exact: string, opts: { note?: string; colour?: HighlightColour; created?: string; tags?: string[]; bookmark?: boolean } = {}): Annotation {
  const unitId = `${doc.id}~${path}`;
  const walk = (us: Unit[]): Unit | undefined => us.map((u) => (u.id === unitId ? u : walk(u.children))).find(Boolean);
  const unit = walk(doc.units)!;
  const body = unit.paragraphs.map((p) => p.text).join('\n');
  const start = body.indexOf(exact);
  if (!opts.bookmark && start < 0) throw new Error(`${exact} not in ${unitId}`);
  const created = opts.created ?? `2026-01-${String(10 + seq).padStart(2, '0')}T08:00:00.000Z`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: opts.bookmark ? 'bookmarking' : opts.note ? 'commenting' : 'highlighting',
    created,
    modified: created,
    body: [
      ...(opts.note ? [{ type: 'TextualBody' as const, purpose: 'commenting' as const, value: opts.note, format: 'text/plain' as const }] : []),
      ...(opts.tags ?? []).map((t) => ({ type: 'TextualBody' as const, purpose: 'tagging' as const, value: t })),
    ],
    target: {
      source: `policy-reader:doc/${doc.id}#${unitId}`,
      selector: opts.bookmark
        ? undefined
        : [
            { type: 'TextQuoteSelector', exact, prefix: body.slice(Math.max(0, start - 8), start), suffix: body.slice(start + exact.length, start + exact.length + 8) },
            { type: 'TextPositionSelector', start, end: start + exact.length },
          ],
      'policyReader:document': { id: doc.id, title: doc.title, docNumber: doc.docNumber },
      'policyReader:unitId': unitId,
      'policyReader:contentHash': 'x',
    },
    ...(opts.bookmark ? {} : { 'policyReader:colour': opts.colour ?? 'yellow' }),
  };
}

const now = new Date(2026, 10, 23, 10, 0);
const options = (o: Partial<ExportOptions> = {}): ExportOptions => ({ ...defaultExportOptions(now), ...o });

const a10 = ann(reg, 'ch3.ar10', '具体管理、指导、协调', { note: '与第五条对照', colour: 'green', created: '2026-01-05T08:00:00.000Z', tags: ['待研究'] });
const a5 = ann(reg, 'ch2.ar5.it2', '就近办理', { created: '2026-01-09T08:00:00.000Z' });
const aN = ann(notice, 'o1.o2', '便民高效', { note: '原则\n第二行', colour: 'pink', created: '2026-01-01T08:00:00.000Z' });
const aB = ann(notice, 'o2.o1', '', { bookmark: true, created: '2026-01-02T08:00:00.000Z' });
const all = [a10, a5, aN, aB];

describe('export model', () => {
  it('groups by document with its metadata, newest document first, passages in reading order', () => {
    const m = buildExportModel({ annotations: all, docOf, options: options(), filters: [], now });
    expect(m.title).toBe('标注摘编 2026-11-23');
    expect(m.groups.map((g) => [g.title, g.docNumber, g.issuer, g.date])).toEqual([
      ['关于印发示例实施方案的通知', '沪示商〔2024〕12号', '示例区商务委员会、示例区发展和改革委员会', '2024-03-01'],
      ['示例市政务服务管理办法', '示例市人民政府令第1号', '示例市人民政府', '2023-05-20'],
    ]);
    // 第五条（二） comes before 第十条 although it was marked later; the bookmark is left out by default.
    expect(m.groups[1].passages.map((p) => p.quote)).toEqual(['就近办理', '具体管理、指导、协调']);
    expect(m.groups[0].passages.map((p) => p.quote)).toEqual(['便民高效']);
    expect(m.counts).toEqual({ passages: 3, documents: 2, notes: 2 });
  });

  it('orders by date: documents by their first mark, passages by time', () => {
    const m = buildExportModel({ annotations: all, docOf, options: options({ order: 'date', includeBookmarks: true }), filters: [], now });
    expect(m.groups.map((g) => g.docId)).toEqual([notice.id, reg.id]);
    expect(m.groups[0].passages.map((p) => p.kind)).toEqual(['highlight', 'bookmark']);
    expect(m.groups[1].passages.map((p) => p.quote)).toEqual(['具体管理、指导、协调', '就近办理']);
  });

  it('orders two passages of one clause by where they are in the text, not by when they were marked', () => {
    // The later words were marked first: reading order must still put 具体管理 before 业务指导.
    const late = ann(reg, 'ch3.ar10', '业务指导', { created: '2026-01-01T08:00:00.000Z' });
    const early = ann(reg, 'ch3.ar10', '具体管理', { created: '2026-01-03T08:00:00.000Z' });
    const m = buildExportModel({ annotations: [late, early], docOf, options: options(), filters: [], now });
    expect(m.groups[0].passages.map((p) => p.quote)).toEqual(['具体管理', '业务指导']);
  });

  it('with the whole clause: a clause with two passages is printed once, both passages marked in it', () => {
    const one = ann(reg, 'ch3.ar10', '具体管理', { colour: 'yellow', created: '2026-01-01T08:00:00.000Z' });
    const two = ann(reg, 'ch3.ar10', '业务指导', { colour: 'blue', note: '看这里', created: '2026-01-02T08:00:00.000Z' });
    const m = buildExportModel({ annotations: [two, one], docOf, options: options({ includeClause: true }), filters: [], now });
    const [p1, p2] = m.groups[0].passages;
    const clause = '第十条　市、区（市）政务服务管理办公室具体管理、指导、协调本行政区域政务服务工作，对下级审批服务、政务服务体系建设等进行业务指导。';
    expect(p1.clause).toBe(clause);
    expect(p1.clauseMarks?.map((k) => [clause.slice(k.start, k.end), k.colour])).toEqual([
      ['具体管理', 'yellow'],
      ['业务指导', 'blue'],
    ]);
    expect(p2.clause).toBeNull();
    expect(p2.clauseAbove).toBe(true);
    const html = renderExportHtml(m);
    expect(html.match(/class="clausebox"/g)).toHaveLength(1);
    expect([...html.matchAll(/<mark class="m-(\w+)">([^<]*)<\/mark>/g)].map((x) => [x[2], x[1]])).toEqual([
      ['具体管理', 'yellow'],
      ['业务指导', 'blue'],
    ]);
    expect(html).toContain('（所在条款全文见上）');
    expect(renderExportMarkdown(m).match(/原文：/g)).toHaveLength(1);
  });

  it('keeps each document heading with its first passage: one unbreakable block', () => {
    const html = renderExportHtml(buildExportModel({ annotations: all, docOf, options: options(), filters: [], now }));
    const leads = [...html.matchAll(/<div class="lead"><h2>(.*?)<\/h2>.*?<section class="passage[^"]*">/g)].map((x) => x[1]);
    expect(leads).toEqual(['《关于印发示例实施方案的通知》', '《示例市政务服务管理办法》']);
    expect(html).toMatch(/\.lead \{ break-inside: avoid; \}/);
  });

  it('gives each passage its exact citation, page, colour, note; the clause when asked', () => {
    const m = buildExportModel({ annotations: all, docOf, options: options({ includeClause: true, includeBookmarks: true }), filters: [], now });
    const [p5, p10] = m.groups[1].passages;
    expect(p10.citation + p10.pages).toBe('《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）');
    expect(p5.citation).toBe('《示例市政务服务管理办法》（示例市人民政府令第1号）第五条（二）');
    expect(p10.colour).toBe('green');
    expect(p10.note).toBe('与第五条对照');
    expect(p10.tags).toEqual(['待研究']);
    expect(p5.clause).toBe('（二）就近办理；');
    const [pn, pb] = m.groups[0].passages;
    expect(pn.citation + pn.pages).toBe('《关于印发示例实施方案的通知》（沪示商〔2024〕12号）一、·（二）（第2页）');
    expect(pb).toMatchObject({ kind: 'bookmark', quote: '（一）优化服务流程', citation: '《关于印发示例实施方案的通知》（沪示商〔2024〕12号）二、·（一）' });
    const noNotes = buildExportModel({ annotations: all, docOf, options: options({ includeNotes: false }), filters: [], now });
    expect(noNotes.groups.flatMap((g) => g.passages.map((p) => p.note))).toEqual(['', '', '']);
  });

  it('keeps a passage whose document or clause is gone, with what the annotation remembers', () => {
    const gone = { ...a10, target: { ...a10.target, 'policyReader:unitId': `${reg.id}~ch9.ar99` } };
    const m = buildExportModel({ annotations: [gone, aN], docOf: (id) => (id === notice.id ? null : docOf(id)), options: options(), filters: [], now });
    const g = m.groups.find((x) => x.docId === notice.id)!;
    expect(g).toMatchObject({ missing: true, title: notice.title, docNumber: notice.docNumber, issuer: '', date: null });
    expect(g.passages[0]).toMatchObject({ quote: '便民高效', citation: `《${notice.title}》（${notice.docNumber}）`, pages: '' });
    expect(m.groups.find((x) => x.docId === reg.id)!.passages[0]).toMatchObject({ unplaced: true, quote: '具体管理、指导、协调' });
  });

  it('cites the page of the paragraph a passage is in, not the whole clause', () => {
    const unit: Unit = { id: 'd~a', path: 'a', level: 'article', label: '第一条', heading: null, paragraphs: [{ text: 'ab', pages: [4] }, { text: 'cd', pages: [5] }, { text: 'ef', pages: [6] }], pages: [4, 5, 6], children: [] };
    expect(pagesOfRange(unit, 3, 5)).toEqual([5]);
    expect(pagesOfRange(unit, 1, 4)).toEqual([4, 5]);
    expect(pagesOfRange(unit, 6, 8)).toEqual([6]);
  });

  it('describes the filter for the cover', () => {
    expect(describeFilter({ colours: ['yellow', 'green'], tags: ['待研究'], docIds: [notice.id], from: '2026-01-01', types: ['note'] }, (id) => docOf(id)!.title)).toEqual([
      '类型：批注',
      '颜色：黄色、绿色',
      '标签：待研究',
      '文件：《关于印发示例实施方案的通知》',
      '标注日期：2026-01-01 至 …',
    ]);
  });
});

describe('export model: what the reader of the export sees, whatever order the annotations come in', () => {
  /** An annotation on the n-th occurrence (from 0) of `exact` in the clause. */
  const annAt = (path: string, exact: string, nth: number, created: string): Annotation => {
    const a = ann(reg, path, exact, { created, colour: 'blue' });
    const sel = a.target.selector!;
    const pos = sel.find((x) => x.type === 'TextPositionSelector')!;
    const quote = sel.find((x) => x.type === 'TextQuoteSelector')!;
    const body = '市、区（市）政务服务管理办公室具体管理、指导、协调本行政区域政务服务工作，对下级审批服务、政务服务体系建设等进行业务指导。';
    let at = body.indexOf(exact);
    for (let k = 0; k < nth; k++) at = body.indexOf(exact, at + 1);
    Object.assign(pos, { start: at, end: at + exact.length });
    Object.assign(quote, { prefix: body.slice(Math.max(0, at - 8), at), suffix: body.slice(at + exact.length, at + exact.length + 8) });
    return a;
  };
  const clause = '第十条　市、区（市）政务服务管理办公室具体管理、指导、协调本行政区域政务服务工作，对下级审批服务、政务服务体系建设等进行业务指导。';
  const nthIn = (text: string, word: string, nth: number) => {
    let at = text.indexOf(word);
    for (let k = 0; k < nth; k++) at = text.indexOf(word, at + 1);
    return at;
  };

  it('orders by date the same whatever order the annotations are stored in', () => {
    const m = buildExportModel({ annotations: [...all].reverse(), docOf, options: options({ order: 'date', includeBookmarks: true }), filters: [], now });
    expect(m.groups.map((g) => g.docId)).toEqual([notice.id, reg.id]);
    expect(m.groups.map((g) => g.passages.map((p) => p.annotationId))).toEqual([
      [aN.id, aB.id],
      [a10.id, a5.id],
    ]);
  });
  it('marks in the printed clause the occurrence of a repeated word the user marked, not the first', () => {
    const third = annAt('ch3.ar10', '政务服务', 2, '2026-01-01T08:00:00.000Z');
    const m = buildExportModel({ annotations: [third], docOf, options: options({ includeClause: true }), filters: [], now });
    const p = m.groups[0].passages[0];
    expect(p.clause).toBe(clause);
    expect(p.clauseMarks).toEqual([{ start: nthIn(clause, '政务服务', 2), end: nthIn(clause, '政务服务', 2) + 4, colour: 'blue' }]);
  });
  it('lists the marks of a clause in text order when the passages are ordered by date', () => {
    const later = annAt('ch3.ar10', '政务服务', 1, '2026-01-01T08:00:00.000Z');
    const earlier = annAt('ch3.ar10', '政务服务', 0, '2026-01-02T08:00:00.000Z');
    const m = buildExportModel({ annotations: [earlier, later], docOf, options: options({ includeClause: true, order: 'date' }), filters: [], now });
    expect(m.groups[0].passages[0].clauseMarks!.map((k) => k.start)).toEqual([nthIn(clause, '政务服务', 0), nthIn(clause, '政务服务', 1)]);
  });
  it('marks no words in the clause for a bookmark on it', () => {
    const bm = ann(reg, 'ch3.ar10', '', { bookmark: true, created: '2026-01-01T08:00:00.000Z' });
    const hl = ann(reg, 'ch3.ar10', '业务指导', { created: '2026-01-02T08:00:00.000Z' });
    const m = buildExportModel({ annotations: [bm, hl], docOf, options: options({ includeClause: true, includeBookmarks: true }), filters: [], now });
    const marks = m.groups[0].passages.flatMap((p) => p.clauseMarks ?? []);
    expect(marks.map((k) => clause.slice(k.start, k.end))).toEqual(['业务指导']);
  });
  it('describes every kind of filter for the cover, in words', () => {
    expect(describeFilter({ types: ['highlight', 'bookmark', 'other'], regions: ['上海市', '上海市 · 黄浦区'], to: '2026-02-01', text: '  营商环境 ', orphaned: true }, () => '')).toEqual([
      '类型：划线、书签、other',
      '地区：上海市、上海市 · 黄浦区',
      '标注日期：… 至 2026-02-01',
      '关键词：营商环境',
      '仅未能定位的标注',
    ]);
    expect(describeFilter({ text: '   ', orphaned: false, types: [], regions: [] }, () => '')).toEqual([]);
  });
});

describe('selection by the 我的标注 filter (the #/export query)', () => {
  const summaryOf = (id: string) => docOf(id);
  const select = (query: string) => {
    const m = buildExportModel({ annotations: filterAnnotations(all, filterFromQuery(query), summaryOf), docOf, options: options({ includeBookmarks: true }), filters: [], now });
    return m.groups.flatMap((g) => g.passages.map((p) => p.annotationId));
  };
  it('no query: everything', () => expect(select('').sort()).toEqual(all.map((a) => a.id).sort()));
  it('one document', () => expect(select(`doc=${reg.id}`)).toEqual([a5.id, a10.id]));
  it('colour', () => expect(select('colour=pink')).toEqual([aN.id]));
  it('tag', () => expect(select(`tag=${encodeURIComponent('待研究')}`)).toEqual([a10.id]));
  it('date range of marking', () => {
    // Local days: the marks were made at 08:00 UTC on 1, 2, 5 and 9 January.
    expect(select('from=2026-01-04&to=2026-01-06')).toEqual([a10.id]);
    expect(select('from=2026-01-02').sort()).toEqual([a10.id, a5.id, aB.id].sort());
  });
  it('type and words', () => {
    expect(select('type=note').sort()).toEqual([a10.id, aN.id].sort());
    expect(select(`q=${encodeURIComponent('就近')}`)).toEqual([a5.id]);
  });
});

describe('HTML and Markdown', () => {
  const model = buildExportModel({ annotations: all, docOf, options: options({ author: '办公室 张三' }), filters: ['标签：待研究'], now });

  it('HTML: one self-contained page with cover, groups, colour bars that print, footer with page numbers', () => {
    const html = renderExportHtml(model);
    expect(html).not.toMatch(/<script|src=["']?http|url\(http/i);
    expect(html).toContain('print-color-adjust: exact');
    expect(html).toMatch(/@bottom-right \{ content: "第 " counter\(page\)/);
    expect(html).toContain('@bottom-left { content: "标注摘编 2026-11-23"');
    expect(html).toContain('<h1>标注摘编 2026-11-23</h1>');
    expect(html).toContain('共 3 处摘录，来自 2 份文件，含批注 2 条');
    expect(html).toContain('<p>标签：待研究</p>');
    expect(html).toContain('<section class="passage c-green">');
    expect(html).toContain('《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）');
    expect(html).toContain('<p class="notetext">原则</p><p class="notetext">第二行</p>');
    expect(html.indexOf('就近办理')).toBeLessThan(html.indexOf('具体管理'));
  });

  it('HTML escapes user text, in the body and in the CSS footer', () => {
    const evil = buildExportModel({ annotations: [ann(reg, 'ch3.ar10', '具体管理', { note: '<img src=x onerror=alert(1)>' })], docOf, options: options({ title: 'a"</style><script>x</script>' }), filters: [], now });
    const html = renderExportHtml(evil);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('content: "a\\"\\3c /style>\\3c script>x\\3c /script>"');
  });

  it('Markdown: the same groups, quotes, citations and notes', () => {
    const md = renderExportMarkdown(model);
    expect(md).toBe(
      [
        '# 标注摘编 2026-11-23',
        '办公室 张三',
        '2026-11-23 · 共 3 处摘录，来自 2 份文件，含批注 2 条',
        '- 标签：待研究',
        '## 《关于印发示例实施方案的通知》',
        '沪示商〔2024〕12号 · 示例区商务委员会、示例区发展和改革委员会 · 2024-03-01',
        '> 便民高效',
        '—— 《关于印发示例实施方案的通知》（沪示商〔2024〕12号）一、·（二）（第2页）（粉色标注）',
        '**批注**：原则  \n第二行',
        '## 《示例市政务服务管理办法》',
        '示例市人民政府令第1号 · 示例市人民政府 · 2023-05-20',
        '> 就近办理',
        '—— 《示例市政务服务管理办法》（示例市人民政府令第1号）第五条（二）（第2页）（黄色标注）',
        '> 具体管理、指导、协调',
        '—— 《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）（绿色标注）',
        '**批注**：与第五条对照',
        '标签：待研究',
      ].join('\n\n') + '\n',
    );
    expect(renderExportMarkdown({ ...model, groups: [], counts: { passages: 0, documents: 0, notes: 0 } })).toContain('所选范围内没有标注。');
  });
});

describe('fonts', () => {
  // Resolved as a package, not as ../../node_modules: Stryker's sandbox has no node_modules folder of its own
  // when the worktree's is a symlink, and finds packages in the folder above.
  const css = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'), 'utf8');
  const slices = parseFontSlices(css);

  it('reads every woff2 slice of the bundled font and picks only those the text needs', () => {
    expect(slices.length).toBeGreaterThan(90);
    const need = slicesFor('第十条 2026', slices);
    // 第, 十, 条 and the digits; nothing else.
    for (const ch of '第十条2') expect(need.some((s) => s.ranges.some(([lo, hi]) => ch.codePointAt(0)! >= lo && ch.codePointAt(0)! <= hi)), ch).toBe(true);
    expect(need.length).toBeLessThan(6);
    expect(slicesFor('', slices)).toEqual([]);
  });

  it('base64 matches Node', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + 11) & 255);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('whole document (打印 / 导出本文)', () => {
  it('prints the structure with markers as printed, highlights marked in place and notes after their clause', async () => {
    const { renderDocumentHtml } = await import('./document');
    const plain = renderDocumentHtml(reg, { annotations: [], date: '2026-11-23' });
    expect(plain).toContain('<h1 class="doc-title">示例市政务服务管理办法</h1>');
    expect(plain).toContain('示例市人民政府令第1号 · 示例市人民政府 · 2023-05-20');
    expect(plain).toMatch(/<h2 class="unit-h" >第一章 总则<\/h2>/);
    expect(plain).toContain('<span class="marker">第十条　</span>市、区（市）政务服务管理办公室');
    expect(plain).toContain('<span class="marker">（二）</span>就近办理；');
    expect(plain).not.toContain('<mark');
    const marked = renderDocumentHtml(reg, { annotations: [a10, a5], date: '2026-11-23' });
    expect(marked).toContain('政务服务管理办公室<mark class="hl c-green">具体管理、指导、协调</mark>本行政区域');
    expect(marked).toContain('<mark class="hl c-yellow">就近办理</mark>；');
    expect(marked).toContain('<span class="label">批注</span><span class="colour">（绿色）</span>「具体管理、指导、协调」：与第五条对照');
    // The note follows its clause, before the next one.
    expect(marked.indexOf('与第五条对照')).toBeLessThan(marked.indexOf('第十一条'));
    expect(marked).not.toMatch(/<script/);
  });
});
