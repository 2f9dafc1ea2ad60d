import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.js';
import { countOccurrences, findMatches, makeSnippet, markPieces, mergeRanges, occurrences } from './highlight.js';

describe('occurrences of a phrase', () => {
  it('are found left to right without overlapping, and counted the same way', () => {
    expect(occurrences('担保担保担保', '担保担保')).toEqual([[0, 4]]);
    expect(occurrences('融资担保和融资租赁', '融资')).toEqual([[0, 2], [5, 7]]);
    expect(occurrences('融资担保', '')).toEqual([]);
    expect(occurrences('融资担保', '租赁')).toEqual([]);
    expect(countOccurrences('担保担保担保', '担保')).toBe(3);
    expect(countOccurrences('担保担保担保', '担保担保')).toBe(1);
    expect(countOccurrences('融资担保', '租赁')).toBe(0);
  });

  it('touching or overlapping ranges are merged, in text order', () => {
    expect(mergeRanges([[5, 7], [0, 2], [2, 4]])).toEqual([[0, 4], [5, 7]]);
    expect(mergeRanges([[0, 6], [2, 4]])).toEqual([[0, 6]]);
    expect(mergeRanges([[3, 5], [1, 4]])).toEqual([[1, 5]]);
    expect(mergeRanges([[1, 2]])).toEqual([[1, 2]]);
    expect(mergeRanges([])).toEqual([]);
  });
});

describe('findMatches (highlights in the reading view)', () => {
  it('marks every word of the query, two adjacent words as one mark', () => {
    expect(findMatches('融资担保机构', '融资 担保')).toEqual([[0, 4]]);
    expect(findMatches('小微企业融资担保', '"小微" OR 担保')).toEqual([[0, 2], [6, 8]]);
    expect(findMatches('', '融资')).toEqual([]);
    expect(findMatches('融资担保', '-融资')).toEqual([]);
  });

  it('takes a query already parsed (the reading view parses once for every paragraph)', () => {
    const t = '政府性融资担保机构为小微企业提供融资担保';
    expect(findMatches(t, parseQuery('融资担保 -租赁'))).toEqual([[3, 7], [16, 20]]);
  });
});

describe('makeSnippet', () => {
  it('shows a short text whole, on one line', () => {
    expect(makeSnippet('第一条\n融资担保', [[4, 8]], 20)).toEqual({ text: '第一条 融资担保', ranges: [[4, 8]], before: false, after: false });
  });

  it('without a match, shows the start', () => {
    const t = '甲'.repeat(30) + '乙'.repeat(30);
    expect(makeSnippet(t, [], 40)).toEqual({ text: '甲'.repeat(30) + '乙'.repeat(10), ranges: [], before: false, after: true });
  });

  it('a match near the end: the window ends with the text and starts earlier to keep its width', () => {
    const t = '甲'.repeat(100) + '融资担保';
    expect(makeSnippet(t, [[100, 104]], 40)).toEqual({ text: '甲'.repeat(36) + '融资担保', ranges: [[36, 40]], before: true, after: false });
  });

  it('a match in the middle: a quarter of the window before it', () => {
    const t = '甲'.repeat(100) + '融资担保' + '乙'.repeat(100);
    expect(makeSnippet(t, [[100, 104]], 40)).toEqual({ text: '甲'.repeat(10) + '融资担保' + '乙'.repeat(26), ranges: [[10, 14]], before: true, after: true });
  });

  it('a match longer than the window is shown whole', () => {
    const t = '甲'.repeat(50) + '融资担保融资担保融资担保' + '乙'.repeat(50);
    const s = makeSnippet(t, [[50, 62]], 8);
    expect(s.text.slice(...s.ranges[0])).toBe('融资担保融资担保融资担保');
  });

  it('never cuts a character outside the basic plane in half', () => {
    // 𠀀 (U+20000) and 𠏿 (U+203FF) are two code units each, their second \udc00 and \udfff, the two ends of
    // the range of second halves: a window edge at an odd offset falls inside one.
    for (const c of ['𠀀', '𠏿']) {
      const t = c.repeat(50) + '融资' + c.repeat(50);
      const s = makeSnippet(t, [[100, 102]], 46);
      expect(s).toEqual({ text: c.repeat(6) + '融资' + c.repeat(17), ranges: [[12, 14]], before: true, after: true });
    }
  });
});

describe('markPieces', () => {
  const t = '实行告知承诺制度';
  it('cuts text into plain and marked pieces', () => {
    expect(markPieces(t, [[2, 7]])).toEqual([
      { text: '实行', mark: null },
      { text: '告知承诺制', mark: 2 },
      { text: '度', mark: null },
    ]);
    expect(markPieces(t, [[0, 2]])).toEqual([
      { text: '实行', mark: 0 },
      { text: '告知承诺制度', mark: null },
    ]);
    expect(markPieces(t, [[0, 8]])).toEqual([{ text: t, mark: 0 }]);
    expect(markPieces(t, [])).toEqual([{ text: t, mark: null }]);
    expect(markPieces('', [])).toEqual([{ text: '', mark: null }]);
  });

  it('merges overlapping and out-of-order ranges and clips those past the end', () => {
    expect(markPieces(t, [[4, 7], [2, 5]])).toEqual(markPieces(t, [[2, 7]]));
    expect(markPieces(t, [[4, 6], [0, 2]])).toEqual([
      { text: '实行', mark: 0 },
      { text: '告知', mark: null },
      { text: '承诺', mark: 4 },
      { text: '制度', mark: null },
    ]);
    expect(markPieces(t, [[6, 20]])).toEqual([
      { text: '实行告知承诺', mark: null },
      { text: '制度', mark: 6 },
    ]);
    expect(markPieces(t, [[10, 12]])).toEqual([{ text: t, mark: null }]);
    expect(markPieces(t, [[3, 3]])).toEqual([{ text: t, mark: null }]);
  });
});

describe('makeSnippet on a paragraph of a notice', () => {
  // 0为 … 18， … 27融28资29担30保 … 35， 36降37低38担39保 … 42， 43扩44大45融46资47担48保 … 53。
  const t = '为进一步加大对小微企业的金融支持力度，各地要发挥政府性融资担保机构作用，降低担保费率，扩大融资担保业务规模。';

  it('a window that ends where a mark begins leaves that mark out', () => {
    // 担保 at 29, 38 and 47; width 24 starts 6 before the first (23) and ends at 47, where the third begins.
    expect(makeSnippet(t, [[29, 31], [38, 40], [47, 49]], 24)).toEqual({ text: '挥政府性融资担保机构作用，降低担保费率，扩大融资', ranges: [[6, 8], [15, 17]], before: true, after: true });
  });

  it('a window edge on full-width punctuation stays there', () => {
    // 融资担保 at 27; width 10 starts at 27 − 2 = 25 and ends at 35, the ， after 作用.
    expect(makeSnippet(t, [[27, 31]], 10)).toEqual({ text: '府性融资担保机构作用', ranges: [[2, 6]], before: true, after: true });
  });

  it('a match longer than the window is the window: it starts a quarter before and ends with the match', () => {
    // 融资担保机构作用 (27–35) in a window of 4: 27 − 1 = 26 to 30, stretched to the match's end, 35.
    expect(makeSnippet(t, [[27, 35]], 4)).toEqual({ text: '性融资担保机构作用', ranges: [[1, 9]], before: true, after: true });
  });

  it('every line break becomes a space', () => {
    expect(makeSnippet('第十条\n【监督检查】\n市、区住房城乡建设管理部门', [[4, 10]]).text).toBe('第十条 【监督检查】 市、区住房城乡建设管理部门');
  });
});
