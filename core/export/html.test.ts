/**
 * The exported HTML page as a reader sees it: each passage's words, the colour it was marked in,
 * the clause with the passages marked where they are, the note's paragraphs, tags, and what is
 * said when a passage's document or clause is gone. The model is given as the export builds it.
 */
import { describe, expect, it } from 'vitest';
import { embedFonts, exportHtmlWithFonts, renderExportHtml } from './html';
import { escapeHtml } from '../util/escape-html';
import type { FontSlice } from './fonts';
import type { ExportGroup, ExportModel, ExportPassage } from './model';
import { defaultExportOptions } from './model';
import { COLOUR_NAMES } from '../annotations/model';

const passage = (p: Partial<ExportPassage> = {}): ExportPassage => ({
  annotationId: 'a1',
  kind: 'highlight',
  colour: 'yellow',
  quote: '具体管理',
  clause: null,
  note: '',
  tags: [],
  citation: '《示例市政务服务管理办法》第十条',
  locator: '第十条',
  pages: '（第3页）',
  created: '2026-01-01T08:00:00.000Z',
  unplaced: false,
  ...p,
});
const group = (passages: ExportPassage[], g: Partial<ExportGroup> = {}): ExportGroup => ({ docId: 'd1', title: '示例市政务服务管理办法', docNumber: '示例市人民政府令第1号', issuer: '示例市人民政府', date: '2023-05-01', missing: false, passages, ...g });
const model = (groups: ExportGroup[], m: Partial<ExportModel> = {}): ExportModel => ({
  title: '标注摘编',
  author: '',
  date: '2026-11-23',
  filters: [],
  counts: { passages: groups.reduce((n, g) => n + g.passages.length, 0), documents: groups.length, notes: 0 },
  options: defaultExportOptions(new Date(2026, 10, 23)),
  groups,
  ...m,
});
/** The page's text without its style sheet and markup, one block a line. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<\/(title|p|h1|h2|div|section|header)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .filter(Boolean);
const marks = (html: string) => [...html.matchAll(/<mark class="m-([\w-]+)">([^<]*)<\/mark>/g)].map((x) => [x[2], x[1]]);

describe('renderExportHtml', () => {
  it('shows each passage with its colour, citation, note paragraphs and tags', () => {
    const html = renderExportHtml(model([group([passage({ colour: 'green', note: '与第五条对照\n\n  \n再议', tags: ['待研究', '重点'] })])], { counts: { passages: 1, documents: 1, notes: 1 } }));
    expect(visible(html)).toEqual([
      '标注摘编',
      '标注摘编',
      '2026-11-23',
      '共 1 处摘录，来自 1 份文件，含批注 1 条',
      '范围：全部标注',
      '《示例市政务服务管理办法》',
      '示例市人民政府令第1号 · 示例市人民政府 · 2023-05-01',
      '具体管理',
      '绿色标注《示例市政务服务管理办法》第十条（第3页）',
      '批注与第五条对照',
      '再议',
      '标签：待研究、重点',
    ]);
    expect(html).toContain('<section class="passage c-green">');
  });
  it('says 书签 for a bookmark and shows nothing for a passage without a colour', () => {
    const html = renderExportHtml(model([group([passage({ kind: 'bookmark', colour: 'blue', quote: '（一）优化服务流程' }), passage({ colour: null, quote: '就近办理' })])]));
    const v = visible(html);
    expect(v).toContain('书签《示例市政务服务管理办法》第十条（第3页）');
    expect(v).toContain('《示例市政务服务管理办法》第十条（第3页）');
    expect(html).toContain('<section class="passage c-blue bookmark">');
    expect(html).toContain('<section class="passage">');
  });
  it('says when the clause or the whole document is no longer in the library', () => {
    const v = visible(renderExportHtml(model([group([passage({ unplaced: true, pages: '' })], { missing: true, docNumber: null, issuer: '', date: null })])));
    expect(v).toContain('（当前文库中已无此文件）');
    expect(v).toContain('黄色标注《示例市政务服务管理办法》第十条（原条款在当前文库中未能定位）');
  });
  it('says so when nothing was selected, and counts without notes when there are none', () => {
    const v = visible(renderExportHtml(model([], { filters: ['颜色：粉色'], author: '办公室 张三' })));
    expect(v).toEqual(['标注摘编', '标注摘编', '办公室 张三', '2026-11-23', '共 0 处摘录，来自 0 份文件', '颜色：粉色', '所选范围内没有标注。']);
  });
  it('marks the passages in a clause of several paragraphs, each on its own line, a mark across a break cut at it', () => {
    const clause = '第十条　甲乙丙丁。\n\n戊己庚辛。';
    // 丙 is at 6, the two line breaks at 9 and 10, 戊己 at 11–12, 庚 at 13.
    const p = passage({ clause, clauseMarks: [{ start: 6, end: 13, colour: 'pink' }, { start: 13, end: 14, colour: null }] });
    const html = renderExportHtml(model([group([p])]));
    expect(marks(html)).toEqual([
      ['丙丁。', 'pink'],
      ['戊己', 'pink'],
      ['庚', 'none'],
    ]);
    expect(html).toContain('<div class="clausebox"><p class="clause">第十条　甲乙<mark class="m-pink">丙丁。</mark></p><p class="clause"><mark class="m-pink">戊己</mark><mark class="m-none">庚</mark>辛。</p></div>');
  });
  it('escapes every character that could open markup in what the user wrote', () => {
    expect(escapeHtml(`<b title="x" data-y='z'>&</b>`)).toBe('&lt;b title=&quot;x&quot; data-y=&#39;z&#39;&gt;&amp;&lt;/b&gt;');
  });
  it('keeps the running footer one CSS string whatever the title holds', () => {
    const html = renderExportHtml(model([], { title: '第一行\n第二行\\尾' }));
    expect(html).toContain('@bottom-left { content: "第一行 第二行\\\\尾";');
  });
});

describe('print colours', () => {
  it('gives every highlight colour its own visible background and bar, the same for a passage and for its mark in the clause', () => {
    const css = renderExportHtml(model([]));
    const bars = new Set<string>();
    const bgs = new Set<string>();
    for (const c of Object.keys(COLOUR_NAMES)) {
      const passage = new RegExp(`\\.passage\\.c-${c} \\{ border-left-color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6}); \\}`).exec(css);
      const inClause = new RegExp(`\\.clause mark\\.m-${c} \\{ background: (#[0-9a-f]{6}); box-shadow: inset 0 -1\\.2pt 0 (#[0-9a-f]{6}); \\}`).exec(css);
      expect(passage, c).not.toBeNull();
      expect(inClause, c).not.toBeNull();
      expect([inClause![2], inClause![1]], c).toEqual([passage![1], passage![2]]);
      // A background light enough to print text on, a bar darker than it.
      expect(parseInt(passage![2].slice(1, 3), 16), c).toBeGreaterThan(0xd0);
      expect(passage![1], c).not.toBe(passage![2]);
      bars.add(passage![1]);
      bgs.add(passage![2]);
    }
    expect(bars.size).toBe(Object.keys(COLOUR_NAMES).length);
    expect(bgs.size).toBe(Object.keys(COLOUR_NAMES).length);
  });
});

describe('fonts embedded in the page', () => {
  const slice = (file: string, lo: number, hi: number): FontSlice => ({ file, ranges: [[lo, hi]], unicodeRange: `U+${lo.toString(16)}-${hi.toString(16)}` });
  const slices = { regular: [slice('r-latin.woff2', 0x20, 0x7e), slice('r-cjk.woff2', 0x4e00, 0x9fff), slice('r-hangul.woff2', 0xac00, 0xd7a3)], bold: [slice('b-latin.woff2', 0x20, 0x7e), slice('b-cjk.woff2', 0x4e00, 0x9fff), slice('b-hangul.woff2', 0xac00, 0xd7a3)] };
  it('loads only the slices the page needs, and embeds them as data URLs at the right weight', async () => {
    const loaded: string[] = [];
    const load = async (file: string) => {
      loaded.push(file);
      return new TextEncoder().encode(file);
    };
    const html = await exportHtmlWithFonts(model([group([passage()])]), slices, load);
    // The bold text (the cover title, 批注, document titles) is all Chinese: no bold Latin slice.
    expect(loaded.sort()).toEqual(['b-cjk.woff2', 'r-cjk.woff2', 'r-latin.woff2']);
    const faces = [...html.matchAll(/font-weight:(\d+);src:url\(data:font\/woff2;base64,([^)]+)\)/g)].map((m) => [m[1], atob(m[2])]);
    expect(faces.sort()).toEqual([
      ['400', 'r-cjk.woff2'],
      ['400', 'r-latin.woff2'],
      ['700', 'b-cjk.woff2'],
    ]);
  });
  it('sets in bold only the slices of the bold text', async () => {
    const html = await embedFonts(() => '<p>abc</p>', '标题', slices, async (f) => new TextEncoder().encode(f));
    expect([...html.matchAll(/font-weight:(\d+);src:url\(data:font\/woff2;base64,([^)]+)\)/g)].map((m) => [m[1], atob(m[2])])).toEqual([]);
    let css = '';
    await embedFonts((c) => ((css = c), ''), '标题', slices, async (f) => new TextEncoder().encode(f));
    expect([...css.matchAll(/font-weight:(\d+);src:url\(data:font\/woff2;base64,([^)]+)\)/g)].map((m) => [m[1], atob(m[2])])).toEqual([['700', 'b-cjk.woff2']]);
  });
});
