import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { formatNumber, labelNumbering, withNumberLabels } from './docx-numbering';

/** numbering.xml with abstract lists given as [id, levels] and instances as [numId, abstractId, overrides]. */
function numbering(abstracts: [string, string][], nums: [string, string, string?][]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    abstracts.map(([id, levels]) => `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0">${levels}</w:abstractNum>`).join('') +
    nums.map(([n, a, o]) => `<w:num w:numId="${n}"><w:abstractNumId w:val="${a}"/>${o ?? ''}</w:num>`).join('') +
    '</w:numbering>'
  );
}
const lvl = (ilvl: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}" w15:tentative="1"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}<w:lvlJc w:val="left"/></w:lvl>`;
const p = (text: string, pPr = '') => `<w:p w:rsidR="00A1">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const num = (numId: string, ilvl?: number) => `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
const body = (...ps: string[]) => `<w:document><w:body>${ps.join('')}<w:sectPr/></w:body></w:document>`;
/** The text of each paragraph after labelling, runs joined. */
const texts = (xml: string) => [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('formatNumber: as Word shows each format', () => {
  it('Chinese counting, legal and digital forms', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
    expect([3, 11, 20].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['叁', '拾壹', '贰拾']);
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
  });
  it('enclosed numbers up to 20, stems and branches, letters and Roman numerals', () => {
    expect([1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '21']);
    expect(formatNumber(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatNumber(3, 'decimalEnclosedFullstop')).toBe('⒊');
    expect([1, 10, 11].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '癸', '11']);
    expect(formatNumber(12, 'ideographZodiac')).toBe('亥');
    expect([1, 26, 27].map((n) => formatNumber(n, 'upperLetter'))).toEqual(['A', 'Z', 'AA']);
    expect(formatNumber(2, 'lowerLetter')).toBe('b');
    expect([4, 9, 14, 1994].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'MCMXCIV']);
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect([5, 12].map((n) => formatNumber(n, 'decimalZero'))).toEqual(['05', '12']);
    expect(formatNumber(7, 'somethingNew')).toBe('7');
  });
  it('every spelling of a format shows alike; a number past a format\'s range, or under 1, is shown in digits', () => {
    for (const f of ['chineseCounting', 'chineseCountingThousand', 'japaneseCounting', 'taiwaneseCounting', 'taiwaneseCountingThousand']) expect([999, 1000].map((n) => formatNumber(n, f))).toEqual(['九百九十九', '1000']);
    for (const f of ['chineseLegalSimplified', 'ideographLegalTraditional', 'japaneseLegal']) expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 101, 1000].map((n) => formatNumber(n, f))).toEqual(['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾', '壹佰', '壹佰零壹', '1000']);
    for (const f of ['decimalEnclosedCircle', 'decimalEnclosedCircleChinese', 'ideographEnclosedCircle']) expect([0, 2].map((n) => formatNumber(n, f))).toEqual(['0', '②']);
    for (const f of ['decimalFullWidth', 'decimalFullWidth2']) expect(formatNumber(30, f)).toBe('３０');
    for (const f of ['ideographDigital', 'japaneseDigitalTenThousand']) expect(formatNumber(20, f)).toBe('二〇');
    expect([10, 13].map((n) => formatNumber(n, 'ideographZodiac'))).toEqual(['酉', '13']);
    expect([0, -1, 0].map((n, i) => formatNumber(n, ['decimal', 'decimal', 'decimalZero'][i]))).toEqual(['0', '-1', '00']);
    expect(formatNumber(0, 'upperLetter')).toBe('0');
    expect(formatNumber(10, 'decimalZero')).toBe('10');
    expect([1, 2, 3, 5, 6, 8, 40, 49, 50, 90, 99, 100, 400, 444, 500, 900, 1000, 3888].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'II', 'III', 'V', 'VI', 'VIII', 'XL', 'XLIX', 'L', 'XC', 'XCIX', 'C', 'CD', 'CDXLIV', 'D', 'CM', 'M', 'MMMDCCCLXXXVIII']);
  });
});

describe('labelNumbering', () => {
  const articles = numbering([['0', lvl(0, 'chineseCounting', '第%1条')]], [['1', '0']]);
  it('writes each numbered paragraph\'s label as a run at its start, a full-width space after it', () => {
    const out = labelNumbering(body(p('甲。', num('1', 0)), p('乙。'), p('丙。', num('1', 0))), articles, null);
    expect(texts(out)).toEqual(['第一条　甲。', '乙。', '第二条　丙。']);
    // The run goes after the paragraph's properties, where a run may stand.
    expect(out).toContain('</w:pPr><w:r><w:t xml:space="preserve">第一条　</w:t></w:r><w:r><w:t>甲。');
  });
  it('leaves the document as it was when nothing is numbered, or there is no numbering part', () => {
    const doc = body(p('甲。'), '<w:p/>', '<w:p w:rsidR="1"/>');
    expect(labelNumbering(doc, articles, null)).toBe(doc);
    expect(labelNumbering(body(p('甲。', num('1', 0))), null, null)).toBe(body(p('甲。', num('1', 0))));
  });
  it('restarts deeper levels after a shallower one, and prints 一、 and （一） without a space', () => {
    const xml = numbering([['0', lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.')]], [['5', '0']]);
    const out = labelNumbering(body(p('总体要求', num('5', 0)), p('指导思想。', num('5', 1)), p('细则。', num('5', 2)), p('基本原则。', num('5', 1)), p('重点任务', num('5', 0)), p('建设平台。', num('5', 1))), xml, null);
    expect(texts(out)).toEqual(['一、总体要求', '（一）指导思想。', '1.细则。', '（二）基本原则。', '二、重点任务', '（一）建设平台。']);
  });
  it('shows every level named in the level text; legal numbering puts them all in digits', () => {
    const xml = numbering([['0', lvl(0, 'chineseCounting', '第%1章') + lvl(1, 'chineseCounting', '%1.%2', '<w:isLgl/>')]], [['1', '0']]);
    expect(texts(labelNumbering(body(p('总则', num('1', 0)), p('甲', num('1', 1)), p('乙', num('1', 1))), xml, null))).toEqual(['第一章　总则', '1.1　甲', '1.2　乙']);
  });
  it('continues a list across its instances, and starts one again where an instance overrides its start', () => {
    const xml = numbering([['0', lvl(0, 'decimal', '%1.')]], [['1', '0'], ['2', '0'], ['3', '0', '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>']]);
    expect(texts(labelNumbering(body(p('a', num('1', 0)), p('b', num('2', 0)), p('c', num('3', 0)), p('d', num('3', 0))), xml, null))).toEqual(['1.a', '2.b', '1.c', '2.d']);
  });
  it('takes numbering from the paragraph style, through basedOn; numId 0 takes it off; a bullet gets no label', () => {
    const xml = numbering([['0', lvl(0, 'chineseCounting', '第%1条')], ['1', lvl(0, 'bullet', '')]], [['1', '0'], ['2', '1']]);
    const styles = `<w:styles><w:style w:type="paragraph" w:styleId="Article"><w:name w:val="条"/><w:pPr>${num('1')}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="ArticleBold"><w:basedOn w:val="Article"/><w:rPr><w:b/></w:rPr></w:style></w:styles>`;
    const out = labelNumbering(body(p('甲。', '<w:pStyle w:val="Article"/>'), p('乙。', '<w:pStyle w:val="ArticleBold"/>'), p('丙。', `<w:pStyle w:val="Article"/>${num('0')}`), p('丁。', num('2', 0))), xml, styles);
    expect(texts(out)).toEqual(['第一条　甲。', '第二条　乙。', '丙。', '丁。']);
  });
  it('reads a level text written with character references, and no space where the level says nothing follows', () => {
    const xml = numbering([['0', lvl(0, 'chineseCounting', '&#x7B2C;%1&#26465;', '<w:suff w:val="nothing"/>')]], [['1', '0']]);
    expect(texts(labelNumbering(body(p('甲。', num('1', 0))), xml, null))).toEqual(['第一条甲。']);
  });
  it('ignores the old numbering of a tracked change of the properties, and the run goes after the whole of them', () => {
    const pPr = `<w:pStyle w:val="Normal"/><w:pPrChange w:id="1" w:author="a"><w:pPr>${num('1', 0)}</w:pPr></w:pPrChange>`;
    expect(labelNumbering(body(p('甲。', pPr)), articles, null)).toBe(body(p('甲。', pPr)));
    const out = labelNumbering(body(p('乙。', num('1', 0) + `<w:pPrChange w:id="2" w:author="a"><w:pPr/></w:pPrChange>`)), articles, null);
    expect(out).toContain('</w:pPrChange></w:pPr><w:r><w:t xml:space="preserve">第一条　</w:t></w:r>');
  });
  it('a level that says it never restarts keeps counting under a new shallower item; a list or level not defined gets no label', () => {
    const xml = numbering([['0', lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>') + lvl(2, 'decimal', '(%3)', '<w:lvlRestart w:val="1"/>')]], [['1', '0']]);
    const out = labelNumbering(body(p('甲', num('1', 0)), p('a', num('1', 1)), p('x', num('1', 2)), p('乙', num('1', 0)), p('b', num('1', 1)), p('y', num('1', 2)), p('z', num('9', 0)), p('w', num('1', 5))), xml, null);
    expect(texts(out)).toEqual(['一、甲', '1.a', '(1)x', '二、乙', '2.b', '(1)y', 'z', 'w']);
  });
  it('a level without a start counts from 1; an instance\'s override starts at its own number', () => {
    const xml = numbering([['0', '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' + lvl(1, 'decimal', '%1.%2')]], [['1', '0', '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>']]);
    expect(texts(labelNumbering(body(p('a', num('1', 0)), p('b', num('1', 1)), p('c', num('1', 1))), xml, null))).toEqual(['1.a', '1.5　b', '1.6　c']);
  });
  // A list style (Word's 定义新的多级列表样式, a template's 第一章 / 第一条): the list the paragraphs use names the style
  // (numStyleLink) and has no levels; the style's own instance leads to the list that holds them (styleLink).
  it('takes the levels of a list style through the style it names, counting with the style\'s own list', () => {
    const xml = numbering(
      [
        ['0', '<w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="LawList"/>'],
        ['1', '<w:multiLevelType w:val="multilevel"/><w:styleLink w:val="LawList"/>' + lvl(0, 'chineseCounting', '第%1章') + lvl(1, 'chineseCounting', '第%2条', '<w:lvlRestart w:val="0"/>')],
      ],
      [['1', '1'], ['2', '0'], ['3', '0']],
    );
    const styles = `<w:styles><w:style w:type="numbering" w:styleId="LawList"><w:name w:val="法规列表"/><w:pPr>${num('1')}</w:pPr></w:style></w:styles>`;
    const paras = body(p('总则', num('2', 0)), p('甲。', num('2', 1)), p('乙。', num('2', 1)), p('附则', num('3', 0)), p('丙。', num('3', 1)));
    expect(texts(labelNumbering(paras, xml, styles))).toEqual(['第一章　总则', '第一条　甲。', '第二条　乙。', '第二章　附则', '第三条　丙。']);
    // The style missing, or its instance naming no list: no label, as for any list not defined.
    expect(texts(labelNumbering(paras, xml, null))).toEqual(['总则', '甲。', '乙。', '附则', '丙。']);
    const dangling = `<w:styles><w:style w:type="numbering" w:styleId="LawList"><w:pPr>${num('9')}</w:pPr></w:style></w:styles>`;
    expect(texts(labelNumbering(paras, xml, dangling))).toEqual(['总则', '甲。', '乙。', '附则', '丙。']);
    // Two lists naming each other's styles in a loop end, unlabelled.
    const loop = numbering([['0', '<w:numStyleLink w:val="A"/>'], ['1', '<w:numStyleLink w:val="B"/>']], [['1', '1'], ['2', '0']]);
    const loopStyles = `<w:styles><w:style w:type="numbering" w:styleId="A"><w:pPr>${num('1')}</w:pPr></w:style><w:style w:type="numbering" w:styleId="B"><w:pPr>${num('2')}</w:pPr></w:style></w:styles>`;
    expect(texts(labelNumbering(body(p('甲。', num('2', 0))), loop, loopStyles))).toEqual(['甲。']);
  });
  it('escapes what it writes', () => {
    const xml = numbering([['0', lvl(0, 'decimal', '%1&amp;&lt;')]], [['1', '0']]);
    expect(labelNumbering(body(p('甲', num('1', 0))), xml, null)).toContain('<w:t xml:space="preserve">1&amp;&lt;　</w:t>');
  });
});

describe('withNumberLabels', () => {
  it('gives back the same bytes for what is not a zip, or a package without numbering', async () => {
    const notZip = new TextEncoder().encode('not a zip');
    expect(await withNumberLabels(notZip)).toBe(notZip);
    const zip = new JSZip();
    zip.file('word/document.xml', body(p('甲。')));
    const plain = await zip.generateAsync({ type: 'uint8array' });
    expect(await withNumberLabels(plain)).toBe(plain);
  });
});
