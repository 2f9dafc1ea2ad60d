import { describe, expect, it } from 'vitest';
import type { Unit } from './types.js';
import { allUnits, clauseTrail, flattenUnits, hasBodyText, HEADING_LINE, LABEL_LINE, lineRanges, unitBodyText, unitLines, unitOwnChars, unitOwnText, unitSearchText, unitTitle } from './units.js';
import { documentIssuers, documentYear, listingDate, regionLabel, regionPath, regionTop } from './facts.js';

const u = (path: string, label: string, heading: string | null, texts: string[], children: Unit[] = []): Unit => ({
  id: `d~${path}`,
  path,
  level: 'article',
  label,
  heading,
  paragraphs: texts.map((text) => ({ text, pages: [] })),
  pages: [],
  children,
});

const tree = [u('ch3', '第三章', '政务服务事项', [], [u('ch3.ar15', '第十五条', null, ['政务服务事项实行清单管理。', '第二段。'], [u('ch3.ar15.it1', '（一）', null, ['基本目录；'])])]), u('o2', '二、', null, ['二、重点任务'])];

describe('units: one walk, one text', () => {
  it('flattens in reading order with ancestors', () => {
    expect(flattenUnits(tree).map((f) => [f.unit.path, f.depth, f.ancestors.map((a) => a.path)])).toEqual([
      ['ch3', 0, []],
      ['ch3.ar15', 1, ['ch3']],
      ['ch3.ar15.it1', 2, ['ch3', 'ch3.ar15']],
      ['o2', 0, []],
    ]);
    expect(allUnits(tree).map((x) => x.path)).toEqual(['ch3', 'ch3.ar15', 'ch3.ar15.it1', 'o2']);
  });

  it('gives the body a stored selection points into: own paragraphs joined by a newline, no label, heading or children', () => {
    const ar15 = tree[0].children[0];
    expect(unitBodyText(ar15)).toBe('政务服务事项实行清单管理。\n第二段。');
    expect(unitBodyText(tree[0])).toBe('');
  });

  it('reads the label on its own line unless the heading or first paragraph prints it', () => {
    expect(unitSearchText(tree[0])).toBe('第三章\n政务服务事项');
    expect(unitSearchText(tree[0].children[0])).toBe('第十五条\n政务服务事项实行清单管理。\n第二段。');
    expect(unitLines(tree[1])).toEqual([{ part: 0, text: '二、重点任务' }]);
    expect(unitLines(tree[0]).map((l) => l.part)).toEqual([LABEL_LINE, HEADING_LINE]);
  });

  it('maps search-text ranges back to label, heading and paragraphs', () => {
    const a15 = tree[0].children[0];
    const text = unitSearchText(a15);
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as [number, number];
    expect(lineRanges(a15, [at('第十五条'), at('清单'), at('第二段')])).toEqual([
      { part: LABEL_LINE, start: 0, end: 4 },
      { part: 0, start: 8, end: 10 },
      { part: 1, start: 0, end: 3 },
    ]);
  });

  it('says where a unit is and whether a document has text', () => {
    const f = flattenUnits(tree)[2];
    expect(clauseTrail(f.ancestors, f.unit)).toEqual(['第三章', '第十五条', '（一）']);
    expect(hasBodyText({ units: tree })).toBe(true);
    expect(hasBodyText({ units: [] })).toBe(false);
    expect(hasBodyText({ units: [u('p1', '', null, ['', '  '])] })).toBe(false);
  });
});

describe('units: the odd shapes', () => {
  it('reads a part that holds only chapters as its label alone', () => {
    const part = u('pt1', '第一编', null, [], [u('pt1.ch1', '第一章', '一般规定', [])]);
    expect(unitLines(part)).toEqual([{ part: LABEL_LINE, text: '第一编' }]);
    expect(unitSearchText(part)).toBe('第一编');
  });

  it('numbers the label and heading lines apart from paragraphs 0, 1, …', () => {
    expect(LABEL_LINE).toBeLessThan(0);
    expect(HEADING_LINE).toBeLessThan(0);
    expect(LABEL_LINE).not.toBe(HEADING_LINE);
  });

  it('gives a unit’s own text without its label, skipping a missing heading and empty paragraphs', () => {
    expect(unitOwnText(u('ch1', '第一章', '总则', ['', '第一条 为了规范政务服务，制定本办法。']))).toBe('总则\n第一条 为了规范政务服务，制定本办法。');
    expect(unitOwnText(u('ar2', '第二条', null, ['本办法适用于本市。', '其他法律另有规定的，从其规定。']))).toBe('本办法适用于本市。\n其他法律另有规定的，从其规定。');
    expect(unitOwnText(u('ch2', '第二章', null, []))).toBe('');
  });

  it('counts a unit’s own characters without its label or line breaks, as in its own text', () => {
    // Hand-counted: 总则 2 + 第一条… 19 (its space counts); 本办法适用于本市。 9 + 其他 2, breaks inside and at both ends.
    expect(unitOwnChars(u('ch1', '第一章', '总则', ['', '第一条 为了规范政务服务，制定本办法。']))).toBe(21);
    expect(unitOwnChars(u('ar2', '第二条', null, ['本办法\n适用于本市。', '\n其他\n\n', '']))).toBe(11);
    expect(unitOwnChars(u('ch2', '第二章', '\n', []))).toBe(0);
    expect(unitOwnChars(u('ch2', '第二章', null, []))).toBe(0);
    // Every unit of the tree: the characters of its own text that are not breaks.
    for (const x of allUnits(tree)) expect(unitOwnChars(x)).toBe(unitOwnText(x).replace(/\n/g, '').length);
  });

  it('titles a unit by its label and heading, whichever it has', () => {
    expect(unitTitle({ label: '第六章', heading: '政务服务平台' })).toBe('第六章 政务服务平台');
    expect(unitTitle({ label: '第十五条', heading: null })).toBe('第十五条');
    expect(unitTitle({ label: '', heading: '附则' })).toBe('附则');
  });

  it('maps a range that ends at a line break to the line before it only', () => {
    const a15 = tree[0].children[0];
    // 第十五条 and the '\n' after it: nothing of the first paragraph.
    expect(lineRanges(a15, [[0, 5]])).toEqual([{ part: LABEL_LINE, start: 0, end: 4 }]);
  });

  it('leaves unlabelled units out of where a unit is', () => {
    const para = u('ch3.p-0x2mz', '', null, ['本章所称政务服务事项，是指依申请办理的事项。']);
    expect(clauseTrail([tree[0]], para)).toEqual(['第三章']);
  });

  it('has text when any paragraph or heading has, wherever it is', () => {
    expect(hasBodyText({ units: [u('p1', '', null, ['现将有关事项通知如下：'])] })).toBe(true);
    expect(hasBodyText({ units: [u('p1', '', null, ['', '请认真贯彻执行。'])] })).toBe(true);
    expect(hasBodyText({ units: [u('ch1', '第一章', '总则', [])] })).toBe(true);
    expect(hasBodyText({ units: [u('ch1', '第一章', '  ', [])] })).toBe(false);
  });
});

describe('facts: one vocabulary', () => {
  it('names regions: province and city, 全国, 未注明', () => {
    expect(regionPath({ level: 'city', province: '山东省', city: '青岛市' })).toEqual(['山东省', '青岛市']);
    expect(regionTop({ level: 'national', province: null, city: null })).toBe('全国');
    expect(regionTop({ level: 'unknown', province: null, city: null })).toBe('未注明');
    expect(regionLabel({ level: 'province', province: '上海市', city: null })).toBe('上海市');
    expect(regionLabel({ level: 'city', province: '山东省', city: '青岛市' })).toBe('山东省 青岛市');
  });

  it('files a document under the year of its issue date, else of its effective date, and under no year for a date of another form', () => {
    expect(documentYear({ date: '2019-01-24', effectiveDate: '2019-03-01' })).toBe('2019');
    expect(documentYear({ date: null, effectiveDate: '2006-04-01' })).toBe('2006');
    expect(documentYear({ date: null, effectiveDate: null })).toBeNull();
    expect(documentYear({ date: '二〇二三年', effectiveDate: null })).toBeNull();
    expect(documentYear({ date: '公元2023年', effectiveDate: null })).toBeNull();
    expect(documentYear({ date: '23-06-13', effectiveDate: null })).toBeNull();
  });

  it('lists issuers, not authors; dates by issue, else effect', () => {
    expect(documentIssuers({ issuer: '李翊、柴恩旺', issuers: ['李翊', '柴恩旺'], authors: ['李翊', '柴恩旺'] })).toEqual(['未注明']);
    expect(documentIssuers({ issuer: '青岛日报', issuers: ['青岛日报', '李翊'], authors: ['李翊'] })).toEqual(['青岛日报']);
    expect(documentIssuers({ issuer: '某局', issuers: [], authors: [] })).toEqual(['某局']);
    expect(documentIssuers({ issuer: '', issuers: [], authors: [] })).toEqual(['未注明']);
    expect(listingDate({ date: null, effectiveDate: '2023-07-01' })).toEqual({ date: '2023-07-01', effective: true });
    expect(listingDate({ date: '2023-05-20', effectiveDate: '2023-07-01' })).toEqual({ date: '2023-05-20', effective: false });
    expect(listingDate({ date: null, effectiveDate: null })).toBeNull();
  });
});
