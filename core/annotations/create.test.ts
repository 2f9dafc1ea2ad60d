/**
 * Making and editing annotations as the reader does: what the user gets back
 * (kind, colour, note, tags, where it points), on small hand-made clauses.
 */
import { describe, expect, it } from 'vitest';
import { testDocument, testUnit } from '../../test-support/doc-fixtures';
import { cleanTags, confirmPlacement, newAnnotation, retarget, updateAnnotation } from './create';
import { type Annotation, COLOUR_NAMES, displayedQuote, HIGHLIGHT_COLOURS, kindOf, needsConfirmation, noteOf, positionOf, quoteOf, tagsOf, unitIdOf } from './model';

const clause = testUnit('pa', 'ar3', 'article', '第三条', ['政务服务部门应当及时作出受理决定。', '不得收取任何费用。']);
const other = testUnit('pa', 'ar4', 'article', '第四条', ['申请材料不齐全的，应当一次性告知。']);
const doc = testDocument('pa', [clause, other], { title: '青岛市政务服务管理办法', docNumber: '青政发〔2020〕1号' });
const NOW = '2024-05-01T08:00:00.000Z';
const LATER = '2024-06-01T08:00:00.000Z';

function highlight(fields: Partial<Parameters<typeof newAnnotation>[0]> = {}): Annotation {
  return newAnnotation({ motivation: 'highlighting', doc, unit: clause, range: { start: 8, end: 12 }, contentHash: 'h1', now: NOW, id: 'urn:uuid:1', ...fields });
}

describe('cleanTags', () => {
  it('trims, collapses inner white space, drops empty and repeated tags, keeps the order given', () => {
    expect(cleanTags([' 待研究 ', '汇报\t 用', '', '   ', '待研究', '汇报 用', '重点'])).toEqual(['待研究', '汇报 用', '重点']);
  });
});

describe('newAnnotation', () => {
  it('a highlight quotes the selected words of its clause, in yellow unless told, with no note', () => {
    const a = highlight();
    expect(quoteOf(a)).toEqual({ type: 'TextQuoteSelector', exact: '及时作出', prefix: '政务服务部门应当', suffix: '受理决定。\n不得收取任何费用。' });
    expect(positionOf(a)).toEqual({ type: 'TextPositionSelector', start: 8, end: 12 });
    expect(a.target.source).toBe('policy-reader:doc/pa#pa~ar3');
    expect(a.target['policyReader:unitId']).toBe('pa~ar3');
    expect(a.target['policyReader:document']).toEqual({ id: 'pa', title: '青岛市政务服务管理办法', docNumber: '青政发〔2020〕1号' });
    expect(a.target['policyReader:contentHash']).toBe('h1');
    expect(a.target['policyReader:opening']).toBeUndefined();
    expect(a['policyReader:colour']).toBe('yellow');
    expect(kindOf(a)).toBe('highlight');
    expect(a.body).toEqual([]);
    expect([a.created, a.modified]).toEqual([NOW, NOW]);
    expect(highlight({ colour: 'green' })['policyReader:colour']).toBe('green');
  });

  it('a note keeps its text as typed, line breaks and all; a blank note is no note', () => {
    const a = highlight({ motivation: 'commenting', note: '  第一行\n第二行 ', tags: ['待研究', ' 待研究 '] });
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: '  第一行\n第二行 ', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: '待研究' },
    ]);
    expect(highlight({ note: ' \n ' }).body).toEqual([]);
  });

  it('a clause bookmark remembers the clause and its opening words, has no quote and no colour', () => {
    const b = newAnnotation({ motivation: 'bookmarking', doc, unit: clause, range: { start: 0, end: 2 }, colour: 'blue', contentHash: 'h1', now: new Date(NOW), id: 'urn:uuid:2' });
    expect(b.target.source).toBe('policy-reader:doc/pa#pa~ar3');
    expect(b.target['policyReader:opening']).toBe('政务服务部门应当及时作出受理决定。\n不得收取任何费用。');
    expect(b.target.selector).toBeUndefined();
    expect(b['policyReader:colour']).toBeUndefined();
    expect(kindOf(b)).toBe('bookmark');
    expect(b.created).toBe(NOW);
  });

  it('a document bookmark points at the document alone', () => {
    const b = newAnnotation({ motivation: 'bookmarking', doc, contentHash: 'h1', now: NOW });
    expect(b.target.source).toBe('policy-reader:doc/pa');
    expect(b.target['policyReader:unitId']).toBeNull();
    expect(b.target['policyReader:opening']).toBeUndefined();
    expect(b.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newAnnotation({ motivation: 'bookmarking', doc, contentHash: 'h1', now: NOW }).id).not.toBe(b.id);
  });

  it('refuses a highlight or note without a clause and a range, and an unknown colour', () => {
    expect(() => highlight({ range: undefined })).toThrow(RangeError);
    expect(() => highlight({ unit: undefined })).toThrow(RangeError);
    expect(() => highlight({ motivation: 'commenting', range: undefined, note: '笔记' })).toThrow(RangeError);
    expect(() => highlight({ colour: 'red' as never })).toThrow(/unknown colour red/);
  });
});

describe('updateAnnotation', () => {
  it('adding a note makes a highlight a note; removing it makes it a highlight again; created stays, modified moves', () => {
    const a = highlight({ tags: ['待研究'] });
    const noted = updateAnnotation(a, { note: '与现行做法不一致' }, LATER);
    expect([noted.motivation, kindOf(noted), noteOf(noted), tagsOf(noted)]).toEqual(['commenting', 'note', '与现行做法不一致', ['待研究']]);
    expect([noted.created, noted.modified]).toEqual([NOW, LATER]);
    const cleared = updateAnnotation(noted, { note: '' }, LATER);
    expect([cleared.motivation, kindOf(cleared), noteOf(cleared)]).toEqual(['highlighting', 'highlight', '']);
    expect(updateAnnotation(noted, { note: '  ' }, LATER).motivation).toBe('highlighting');
  });

  it('a patch changes only what it names', () => {
    const a = highlight({ motivation: 'commenting', note: '原笔记', tags: ['甲', '乙'], colour: 'pink' });
    const recoloured = updateAnnotation(a, { colour: 'blue' }, LATER);
    expect([recoloured['policyReader:colour'], noteOf(recoloured), tagsOf(recoloured), recoloured.motivation]).toEqual(['blue', '原笔记', ['甲', '乙'], 'commenting']);
    const retagged = updateAnnotation(a, { tags: ['丙', ' 丙'] }, LATER);
    expect([retagged['policyReader:colour'], noteOf(retagged), tagsOf(retagged)]).toEqual(['pink', '原笔记', ['丙']]);
    expect(quoteOf(retagged)).toEqual(quoteOf(a));
  });

  it('a bookmark stays a bookmark: a note does not make it a comment and it takes no colour', () => {
    const b = newAnnotation({ motivation: 'bookmarking', doc, unit: clause, contentHash: 'h1', now: NOW });
    const noted = updateAnnotation(b, { note: '备忘', colour: 'green' }, LATER);
    expect(noted.motivation).toBe('bookmarking');
    expect(noted['policyReader:colour']).toBeUndefined();
    expect(noteOf(noted)).toBe('备忘');
  });

  it('refuses an unknown colour', () => {
    expect(() => updateAnnotation(highlight(), { colour: 'red' as never }, LATER)).toThrow(/unknown colour red/);
  });
});

describe('retarget', () => {
  it('an orphan attached to a new selection is placed again, with its id, note, tags and colour', () => {
    const a = { ...highlight({ motivation: 'commenting', note: '笔记', tags: ['甲'], colour: 'green' }), 'policyReader:orphaned': true as const };
    const r = retarget(a, { doc, unit: other, range: { start: 0, end: 4 }, contentHash: 'h2' }, LATER);
    expect(r['policyReader:orphaned']).toBeUndefined();
    expect([r.id, noteOf(r), tagsOf(r), r['policyReader:colour'], r.created, r.modified]).toEqual(['urn:uuid:1', '笔记', ['甲'], 'green', NOW, LATER]);
    expect(quoteOf(r)!.exact).toBe('申请材料');
    expect(r.target['policyReader:unitId']).toBe('pa~ar4');
    expect(r.target['policyReader:contentHash']).toBe('h2');
  });

  it('a bookmark moved to another clause remembers that clause\'s opening; a highlight needs a range', () => {
    const b = newAnnotation({ motivation: 'bookmarking', doc, unit: clause, contentHash: 'h1', now: NOW });
    const moved = retarget(b, { doc, unit: other, range: { start: 0, end: 2 }, contentHash: 'h2' }, LATER);
    expect(moved.target['policyReader:opening']).toBe('申请材料不齐全的，应当一次性告知。');
    expect(moved.target.selector).toBeUndefined();
    expect(() => retarget(highlight(), { doc, unit: other, contentHash: 'h2' }, LATER)).toThrow(RangeError);
    expect(() => retarget(highlight(), { doc, range: { start: 0, end: 2 }, contentHash: 'h2' }, LATER)).toThrow(RangeError);
  });
});

describe('confirmPlacement', () => {
  const placedApprox = (confirmed?: string): Annotation => {
    const a = highlight();
    return { ...a, target: { ...a.target, 'policyReader:approximate': { exact: '及时做出', score: 0.9, ...(confirmed ? { confirmed } : {}) } } };
  };

  it('an approximate place the user confirms stops asking, and still shows the words now there', () => {
    const a = placedApprox();
    expect(needsConfirmation(a)).toBe(true);
    expect(displayedQuote(a)).toBe('及时做出');
    const c = confirmPlacement(a, LATER);
    expect(needsConfirmation(c)).toBe(false);
    expect(c.target['policyReader:approximate']).toEqual({ exact: '及时做出', score: 0.9, confirmed: LATER });
    expect(c.modified).toBe(LATER);
    expect(quoteOf(c)!.exact).toBe('及时作出');
  });

  it('a confirmed place or an exact one is left as it is', () => {
    const done = placedApprox(NOW);
    expect(confirmPlacement(done, LATER)).toBe(done);
    const exact = highlight();
    expect(confirmPlacement(exact, LATER)).toBe(exact);
    expect(needsConfirmation(exact)).toBe(false);
    expect(displayedQuote(exact)).toBe('及时作出');
  });

  it('an orphan is not asked about', () => {
    expect(needsConfirmation({ ...placedApprox(), 'policyReader:orphaned': true })).toBe(false);
  });
});

describe('reading an annotation', () => {
  it('its kind: a note is anything with a note text or made as a comment', () => {
    expect(kindOf({ ...highlight(), motivation: 'commenting' })).toBe('note');
    expect(kindOf({ ...highlight(), body: [{ type: 'TextualBody', purpose: 'commenting', value: '笔记', format: 'text/plain' }] })).toBe('note');
    expect(kindOf({ ...highlight(), body: [{ type: 'TextualBody', purpose: 'commenting', value: ' \n', format: 'text/plain' }] })).toBe('highlight');
  });

  it('its quote, position and clause, whatever the order of the selectors; none for a bookmark', () => {
    const a = highlight();
    const reversed: Annotation = { ...a, target: { ...a.target, selector: [...a.target.selector!].reverse() } };
    expect(quoteOf(reversed)!.exact).toBe('及时作出');
    expect(positionOf(reversed)).toEqual({ type: 'TextPositionSelector', start: 8, end: 12 });
    expect(unitIdOf(a)).toBe('pa~ar3');
    const b = newAnnotation({ motivation: 'bookmarking', doc, contentHash: 'h1', now: NOW });
    expect([quoteOf(b), positionOf(b), displayedQuote(b)]).toEqual([null, null, null]);
  });

  it('each colour has its Chinese name', () => {
    expect(HIGHLIGHT_COLOURS.map((c) => COLOUR_NAMES[c])).toEqual(['黄色', '绿色', '蓝色', '粉色', '紫色', '橙色']);
  });
});
