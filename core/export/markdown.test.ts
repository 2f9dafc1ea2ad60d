/**
 * The Markdown export must keep its own structure whatever the user wrote:
 * nothing in a quote, note, tag or title may open a fence, make a heading,
 * a list, a quote, a table, a thematic break or HTML (issue 16, item 11).
 *
 * No Markdown parser is installed (none may be added), so the output is
 * checked line by line against CommonMark's block-start rules: every line
 * the exporter did not write itself must start as plain paragraph text, and
 * every inline markup character in user text must arrive escaped.
 */
import { describe, expect, it } from 'vitest';
import { mdEscape, renderExportMarkdown } from './markdown';
import type { ExportModel, ExportPassage } from './model';

/** Lines a person could paste into a note or import in a file, each one a way CommonMark starts a block or markup. */
const HOSTILE = [
  '~~~',
  '~~~ js',
  '```',
  '``` python',
  '===',
  '---',
  '- - -',
  '***',
  '___',
  '# 标题',
  '###### 六级',
  '   ## 缩进的标题',
  '> 引用',
  '- 列表',
  '+ 列表',
  '* 列表',
  '1. 编号',
  '23) 编号',
  '    缩进四格是代码',
  '\t制表符缩进',
  '<div>html</div>',
  '<script>alert(1)</script>',
  '<!-- 注释',
  '| a | b |',
  '|---|---|',
  '[链接]: http://evil.example/',
  '[文字](http://evil.example/)',
  '![图](http://evil.example/x.png)',
  '<http://evil.example/>',
  '**粗体** _斜体_ ~~删除~~ `代码`',
  '行尾反斜杠\\',
  '&lt;实体&gt; &#35;',
  '第一行\r# 回车后的标题',
  '第一行\r\n===',
  '',
  '最后一行',
];

function passage(quote: string, note: string, tags: string[]): ExportPassage {
  return {
    annotationId: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    kind: 'highlight',
    colour: 'yellow',
    quote,
    clause: quote,
    note,
    tags,
    citation: '《示例办法》第十条',
    locator: '第十条',
    pages: '（第3页）',
    created: '2024-05-01T08:00:00.000Z',
    unplaced: false,
  };
}

function model(text: string): ExportModel {
  return {
    title: text,
    author: text,
    date: '2024-05-01',
    filters: [text],
    counts: { passages: 1, documents: 1, notes: 1 },
    options: { title: text, author: text, order: 'position', includeNotes: true, includeClause: true, includeBookmarks: false },
    groups: [{ docId: 'pdoc', title: text, docNumber: text, issuer: text, date: '2024-05-01', missing: false, passages: [passage(text, text, [text])] }],
  };
}

/** The block a line opens in CommonMark (after its container prefix is removed), or null for paragraph text. */
function blockStart(line: string): string | null {
  if (/^ {0,3}(`{3,}|~{3,})/.test(line)) return 'fence';
  if (/^ {0,3}#{1,6}(\s|$)/.test(line)) return 'heading';
  if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return 'thematic break';
  if (/^ {0,3}[-+*](\s|$)/.test(line)) return 'list';
  if (/^ {0,3}(=+|-+)\s*$/.test(line)) return 'setext underline';
  if (/^ {0,3}\d{1,9}[.)](\s|$)/.test(line)) return 'ordered list';
  if (/^ {0,3}>/.test(line)) return 'quote';
  if (/^ {0,3}</.test(line)) return 'html';
  if (/^( {4}|\t)/.test(line)) return 'indented code';
  if (/^ {0,3}\[[^\]]*\]:/.test(line)) return 'link definition';
  if (/^ {0,3}\|/.test(line)) return 'table';
  return null;
}

/** Inline markup characters not preceded by a backslash (an escaped backslash does not escape what follows). */
function unescapedMarkup(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if ('*_`[]<>|~'.includes(text[i])) out.push(text[i]);
    if (text[i] === '&' && /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text.slice(i)) && !/^&(#32|#9|nbsp);/.test(text.slice(i))) out.push('&');
  }
  return out;
}

describe('Markdown export against hostile user text', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('%s in every user field changes nothing of the structure', (_name, hostile) => {
    const md = renderExportMarkdown(model(hostile));
    expect(md).not.toMatch(/\r/);
    const lines = md.split('\n');
    // The exporter's own blocks, in order: one title, one document heading, the quote and clause blocks, the filter list item.
    expect(lines.filter((l) => blockStart(l) === 'heading').map((l) => l.split(' ')[0])).toEqual(['#', '##']);
    expect(lines.filter((l) => blockStart(l) === 'list')).toHaveLength(1);
    for (const line of lines) {
      // Strip the containers the exporter writes, then what remains must be paragraph text.
      let body = line;
      if (/^# |^## |^- /.test(body)) body = body.replace(/^(#|##|-) /, '');
      else if (body.startsWith('>')) body = body.replace(/^> ?/, '');
      else if (body.startsWith('**批注**：')) body = body.slice('**批注**：'.length);
      if (body === '') continue;
      expect(blockStart(body), `line ${JSON.stringify(line)}`).toBeNull();
      expect(unescapedMarkup(body), `line ${JSON.stringify(line)}`).toEqual([]);
    }
  });

  it('a note of several hostile lines stays one note paragraph: no blank line ends it early, every line is a hard break', () => {
    const md = renderExportMarkdown(model(HOSTILE.join('\n')));
    const noteStart = md.indexOf('**批注**：');
    const noteEnd = md.indexOf('\n\n', noteStart);
    const note = md.slice(noteStart, noteEnd).split('\n');
    // HOSTILE has two \r and one \r\n line break besides its \n: each is one line of the note.
    expect(note).toHaveLength(HOSTILE.length + 2);
    for (const l of note.slice(0, -1)) expect(l.endsWith('  '), l).toBe(true);
  });

  it('the words themselves survive: escaping adds backslashes, it does not drop text', () => {
    const md = renderExportMarkdown(model('**粗体** <b>x</b> ~~~ # 1. a|b'));
    const unescaped = md.replace(/\\(.)/g, '$1');
    expect(unescaped).toContain('> **粗体** <b>x</b> ~~~ # 1. a|b');
  });
});

describe('Markdown export: what the pasted text reads as', () => {
  const p = (o: Partial<ExportPassage>): ExportPassage => ({
    annotationId: 'a',
    kind: 'highlight',
    colour: 'yellow',
    quote: '具体管理',
    clause: null,
    note: '',
    tags: [],
    citation: '《示例办法》第十条',
    locator: '第十条',
    pages: '（第3页）',
    created: '2026-01-01T08:00:00.000Z',
    unplaced: false,
    ...o,
  });
  const m = (passages: ExportPassage[], o: Partial<ExportModel> = {}): ExportModel => ({
    title: '标注摘编',
    author: '',
    date: '2026-11-23',
    filters: [],
    counts: { passages: passages.length, documents: 1, notes: 0 },
    options: { title: '', author: '', order: 'position', includeNotes: true, includeClause: false, includeBookmarks: true },
    groups: [{ docId: 'd', title: '示例办法', docNumber: null, issuer: '', date: null, missing: false, passages }],
    ...o,
  });
  it('keeps leading spaces and tabs as characters, and escapes list numbers and entities, so the words read as written', () => {
    expect(mdEscape('  缩进的段落')).toBe('&#32;&#32;缩进的段落');
    expect(mdEscape('\t制表')).toBe('&#9;制表');
    expect(mdEscape('1. 第一项')).toBe('1\\. 第一项');
    expect(mdEscape('2) 第二项')).toBe('2\\) 第二项');
    expect(mdEscape('&amp; 与 &#32; 与 a & b')).toBe('\\&amp; 与 \\&#32; 与 a & b');
    expect(mdEscape('第1. 条')).toBe('第1. 条');
  });
  it('says 书签 for a bookmark, the colour for a highlight, nothing for neither, and when the clause is lost', () => {
    const md = renderExportMarkdown(m([p({ kind: 'bookmark', colour: 'blue' }), p({ colour: 'green' }), p({ colour: null, unplaced: true, pages: '' })]));
    expect(md).toContain('—— 《示例办法》第十条（第3页）（书签）\n');
    expect(md).toContain('—— 《示例办法》第十条（第3页）（绿色标注）\n');
    expect(md).toContain('—— 《示例办法》第十条（原条款在当前文库中未能定位）\n');
  });
  it('writes tags on one line, a note with an empty line as a no-break space, and a quote without its empty lines', () => {
    const md = renderExportMarkdown(m([p({ quote: '甲\n\n乙', note: '第一行\n\n第三行', tags: ['待研究', '重点'] })]));
    expect(md).toContain('> 甲\n>\n> 乙\n');
    expect(md).toContain('**批注**：第一行  \n&nbsp;  \n第三行');
    expect(md).toContain('标签：待研究、重点');
  });
  it('leaves out the author and filter lines when there are none, and says when a document is gone', () => {
    const md = renderExportMarkdown(m([p({})], { groups: [{ docId: 'd', title: '示例办法', docNumber: null, issuer: '', date: null, missing: true, passages: [p({})] }] }));
    expect(md.split('\n\n').slice(0, 4)).toEqual(['# 标注摘编', '2026-11-23 · 共 1 处摘录，来自 1 份文件', '## 《示例办法》', '（当前文库中已无此文件）']);
    const plain = renderExportMarkdown(m([p({})]));
    expect(plain.split('\n\n').slice(0, 3)).toEqual(['# 标注摘编', '2026-11-23 · 共 1 处摘录，来自 1 份文件', '## 《示例办法》']);
  });
});
