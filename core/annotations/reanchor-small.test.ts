/**
 * Re-anchoring on small hand-made documents, one rule at a time: where an
 * annotation lands (or that it becomes an orphan) when its clause is edited,
 * moved, split or deleted. anchor.test.ts does the same on a real raw file
 * run through the corpus pipeline.
 */
import { describe, expect, it } from 'vitest';
import { testDocument, testUnit } from '../../test-support/doc-fixtures';
import type { PolicyDocument, Unit } from '../corpus/types';
import { createSelectors, reanchor, resolveInUnit, unitBodyText, unitOpening } from './anchor';
import { confirmPlacement, newAnnotation } from './create';
import { type Annotation, positionOf } from './model';

const art = (path: string, ...texts: string[]) => testUnit('pd', path, 'article', path, texts);
const docOf = (...units: Unit[]): PolicyDocument => testDocument('pd', units, { title: '测试办法' });

/** A highlight of the `nth` occurrence (0-based) of `quote` in the unit `path` of `doc`. */
function mark(doc: PolicyDocument, path: string, quote: string, nth = 0): Annotation {
  const unit = doc.units.find((u) => u.path === path) ?? doc.units.flatMap((u) => u.children).find((u) => u.path === path)!;
  const text = unitBodyText(unit);
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  expect(start, `${quote} in ${path}`).toBeGreaterThanOrEqual(0);
  return newAnnotation({ motivation: 'highlighting', doc, unit, range: { start, end: start + quote.length }, contentHash: 'old', now: '2024-05-01T08:00:00.000Z', id: 'urn:uuid:a' });
}

function bookmark(doc: PolicyDocument, path: string | null): Annotation {
  const unit = path ? doc.units.find((u) => u.path === path)! : undefined;
  return newAnnotation({ motivation: 'bookmarking', doc, unit, contentHash: 'old', now: '2024-05-01T08:00:00.000Z', id: 'urn:uuid:b' });
}

/** Status, clause and the words the annotation covers in `doc` after re-anchoring. */
function landing(a: Annotation, doc: PolicyDocument): [string, string | null, string | null] {
  const r = reanchor(a, doc, 'new');
  const unitId = r.annotation.target['policyReader:unitId'];
  const pos = positionOf(r.annotation);
  const unit = [...doc.units, ...doc.units.flatMap((u) => u.children)].find((u) => u.id === unitId);
  const words = r.status === 'orphaned' || !unit || !pos ? null : unitBodyText(unit).slice(pos.start, pos.end);
  return [r.status, r.status === 'orphaned' ? null : (unitId?.split('~')[1] ?? null), words];
}

const before = docOf(art('ar1', '为了规范政务服务，制定本办法。'), art('ar2', '政务服务部门应当及时作出受理决定。'), art('ar3', '申请材料不齐全的，应当一次性告知。'));

describe('highlights', () => {
  it('stay where they are in an unchanged clause, and follow their words inside an edited one', () => {
    expect(landing(mark(before, 'ar2', '及时作出'), before)).toEqual(['kept', 'ar2', '及时作出']);
    const edited = docOf(before.units[0], art('ar2', '各级政务服务部门应当及时作出受理决定。'), before.units[2]);
    const r = reanchor(mark(before, 'ar2', '及时作出'), edited, 'new');
    expect(r.status).toBe('moved');
    expect(positionOf(r.annotation)).toMatchObject({ start: 10, end: 14 });
    expect(r.annotation.target['policyReader:contentHash']).toBe('new');
  });

  it('of two occurrences in the clause, the one whose surroundings agree is taken', () => {
    const two = docOf(art('ar1', '应当及时作出受理决定，并及时作出书面答复。'));
    const a = mark(two, 'ar1', '及时作出', 1);
    const shifted = docOf(art('ar1', '此外，应当及时作出受理决定，并及时作出书面答复。'));
    const r = reanchor(a, shifted, 'new');
    expect(positionOf(r.annotation)).toMatchObject({ start: 15, end: 19 });
    // Both agree alike: the one nearest the old place.
    const alike = docOf(art('ar1', '乙甲受理决定。甲受理决定。甲'));
    expect(positionOf(reanchor(mark(docOf(art('ar1', '甲受理决定。甲')), 'ar1', '受理决定。'), alike, 'new').annotation)).toMatchObject({ start: 2 });
    const late = mark(docOf(art('ar1', '前文前文前文前文甲受理决定。甲')), 'ar1', '受理决定。');
    expect(positionOf(reanchor(late, alike, 'new').annotation)).toMatchObject({ start: 8 });
  });

  it('a clause deleted and its words moved to another clause: the highlight follows them', () => {
    const after = docOf(before.units[0], art('ar3', '申请材料不齐全的，应当一次性告知。'), art('ar4', '政务服务部门应当及时作出受理决定。'));
    expect(landing(mark(before, 'ar2', '及时作出'), after)).toEqual(['moved', 'ar4', '及时作出']);
    // Words at the very start of a clause and at the very end of the document.
    expect(landing(mark(before, 'ar2', '政务服务部门'), after)).toEqual(['moved', 'ar4', '政务服务部门']);
    expect(landing(mark(before, 'ar2', '受理决定。'), after)).toEqual(['moved', 'ar4', '受理决定。']);
    const inFirst = docOf(art('ar9', '政务服务部门应当及时作出受理决定。'), before.units[0]);
    expect(landing(mark(before, 'ar2', '政务服务部门应当'), inFirst)).toEqual(['moved', 'ar9', '政务服务部门应当']);
  });

  it('the same words elsewhere in alike surroundings: the place nearest the old clause wins', () => {
    const a = mark(docOf(art('ar1', '说明文字说明文字说明文字说明文字说明文字说明文字。'), art('ar2', '各部门应当建立首问负责制度。'), art('ar3', '其他。')), 'ar2', '首问负责');
    const after = docOf(
      art('ar1', '各部门应当建立首问负责制度。说明文字说明文字说明文字说明文字说明文字。'),
      art('ar2', '本条已修改为其他内容。'),
      art('ar3', '各部门应当建立首问负责制度。'),
    );
    expect(landing(a, after)).toEqual(['moved', 'ar3', '首问负责']);
  });

  it('a long quote found exactly once is taken whatever its surroundings; a shorter one, or one found twice, is not', () => {
    const long = '政务服务事项实行清单管理制'; // 13 characters
    const base = docOf(art('ar1', `甲乙丙丁${long}戊己庚辛`));
    const a12 = mark(base, 'ar1', long.slice(0, 12));
    const a11 = mark(base, 'ar1', long.slice(0, 11));
    const elsewhere = docOf(art('ar5', `子丑寅卯${long}辰巳午未`));
    expect(landing(a12, elsewhere)).toEqual(['moved', 'ar5', long.slice(0, 12)]);
    expect(landing(a11, elsewhere)[0]).toBe('orphaned');
    const twice = docOf(art('ar5', `子丑寅卯${long}辰巳午未`), art('ar6', `申酉戌亥${long}天地玄黄`));
    expect(landing(a12, twice)[0]).toBe('orphaned');
  });

  it('a quote over two paragraphs is not placed across two clauses', () => {
    const two = docOf(art('ar1', '政务服务部门应当及时作出受理决定。', '不得收取任何费用。'));
    const a = mark(two, 'ar1', '受理决定。\n不得收取');
    expect(landing(a, two)).toEqual(['kept', 'ar1', '受理决定。\n不得收取']);
    const split = docOf(art('ar1', '政务服务部门应当及时作出受理决定。'), art('ar2', '不得收取任何费用。'));
    expect(landing(a, split)[0]).toBe('orphaned');
    // Nor when the split clause follows others, nor when the quote reaches a single character into the next clause.
    const later = docOf(art('ar0', '前言。'), art('ar1', '政务服务部门应当及时作出受理决定。'), art('ar2', '不得收取任何费用。'));
    expect(landing(a, later)[0]).toBe('orphaned');
    const oneInto = mark(two, 'ar1', '应当及时作出受理决定。\n不');
    expect(landing(oneInto, later)[0]).toBe('orphaned');
  });

  it('an imported annotation with a quote and no position (as other tools write them) is placed by its quote', () => {
    const a = mark(before, 'ar2', '及时作出');
    const quoteOnly: Annotation = { ...a, target: { ...a.target, selector: a.target.selector!.filter((x) => x.type === 'TextQuoteSelector') } };
    expect(landing(quoteOnly, before)).toEqual(['moved', 'ar2', '及时作出']);
    const moved = docOf(before.units[0], art('ar4', '政务服务部门应当及时作出受理决定。'));
    expect(landing(quoteOnly, moved)).toEqual(['moved', 'ar4', '及时作出']);
    expect(resolveInUnit(quoteOnly, before.units[1])).toEqual({ start: 8, end: 12 });
  });

  it('a typo inside the quote: placed approximately on the words now there, the user asked to confirm; a confirmation lasts while the words stay', () => {
    const a = mark(before, 'ar2', '及时作出受理决定');
    const typo = docOf(before.units[0], art('ar2', '政务服务部门应当及时做出受理决定。'), before.units[2]);
    const r = reanchor(a, typo, 'new');
    expect(r.status).toBe('fuzzy');
    const approx = r.annotation.target['policyReader:approximate']!;
    expect(approx.exact).toBe('及时做出受理决定');
    expect(approx.score).toBeGreaterThan(0.75);
    expect(approx.score).toBeLessThan(1);
    const confirmed = confirmPlacement(r.annotation, '2024-06-01T00:00:00.000Z');
    expect(reanchor(confirmed, typo, 'newer').annotation.target['policyReader:approximate']!.confirmed).toBe('2024-06-01T00:00:00.000Z');
    const otherTypo = docOf(before.units[0], art('ar2', '政务服务部门应当即时做出受理决定。'), before.units[2]);
    const again = reanchor(confirmed, otherTypo, 'newer');
    expect(again.status).toBe('fuzzy');
    expect(again.annotation.target['policyReader:approximate']).not.toHaveProperty('confirmed');
    // The original words back: an exact place again, nothing left to confirm.
    const back = reanchor(confirmed, before, 'newest');
    expect(back.status).toBe('kept');
    expect(back.annotation.target['policyReader:approximate']).toBeUndefined();
  });

  it('a four-character quote with one character changed is still found; a shorter one is an orphan', () => {
    expect(landing(mark(before, 'ar2', '及时作出'), docOf(before.units[0], art('ar2', '政务服务部门应当及时做出受理决定。')))).toEqual(['fuzzy', 'ar2', '及时做出']);
    expect(landing(mark(before, 'ar2', '作出受'), docOf(before.units[0], art('ar2', '政务服务部门应当及时做出受理决定。')))[0]).toBe('orphaned');
  });

  it('a quote whose clause ended right after it matches a place at a clause end better than one mid-clause', () => {
    const a = mark(docOf(art('ar1', '前言。'), art('ar2', '应当及时作出受理决定')), 'ar2', '受理决定');
    const after = docOf(art('ar1', '及时作出受理决定并答复'), art('ar2', '前言。'), art('ar3', '及时作出受理决定'));
    expect(landing(a, after)).toEqual(['moved', 'ar3', '受理决定']);
    // A clause end is one inside the document too, not only the end of its text.
    const first = docOf(art('ar1', '及时作出受理决定'), art('ar2', '前言。'), art('ar3', '及时作出受理决定并答复'));
    expect(landing(a, first)).toEqual(['moved', 'ar1', '受理决定']);
  });

  it('no document any more: an orphan that keeps everything', () => {
    const a = mark(before, 'ar2', '及时作出');
    const r = reanchor(a, null, 'new');
    expect(r.status).toBe('orphaned');
    expect(r.annotation).toEqual({ ...a, 'policyReader:orphaned': true });
  });
});

describe('bookmarks', () => {
  it('of a clause: kept on the clause, or moved to the clause that now opens with its words, the nearest of several', () => {
    const b = bookmark(before, 'ar2');
    expect(landing(b, before)).toEqual(['kept', 'ar2', null]);
    // ar2 still exists but opens otherwise now: of the two clauses that open with its words, the one next to it.
    const renumbered = docOf(art('ar0', '政务服务部门应当及时作出受理决定。'), before.units[0], art('ar2', '本条已修改。'), art('ar4', '政务服务部门应当及时作出受理决定。'));
    expect(landing(b, renumbered)).toEqual(['moved', 'ar4', null]);
    expect(landing(b, docOf(art('ar0', '政务服务部门应当及时作出受理决定。'), art('ar7', '其他。'), art('ar4', '政务服务部门应当及时作出受理决定。')))).toEqual(['moved', 'ar0', null]);
    const r = reanchor(b, renumbered, 'new');
    expect(r.annotation.target.source).toBe('policy-reader:doc/pd#pd~ar4');
    expect(r.annotation.target.selector).toBeUndefined();
  });

  it('of a clause whose opening words were edited a little: placed approximately; edited beyond recognition: an orphan', () => {
    const b = bookmark(before, 'ar2');
    const edited = docOf(before.units[0], art('ar5', '政务服务部门应当及时做出受理决定。'), before.units[2]);
    const r = reanchor(b, edited, 'new');
    expect(r.status).toBe('fuzzy');
    expect(r.annotation.target['policyReader:unitId']).toBe('pd~ar5');
    expect(r.annotation.target['policyReader:opening']).toBe('政务服务部门应当及时做出受理决定。');
    // The closest opening wins over a looser one.
    const two = docOf(art('ar4', '政务服务机构应当及时做出受理决定。'), art('ar5', '政务服务部门应当及时做出受理决定。'));
    expect(landing(b, two)).toEqual(['fuzzy', 'ar5', null]);
    // The edited opening must still be the start of a clause, not words in its middle.
    expect(landing(b, docOf(art('ar5', '本条规定：政务服务部门应当及时作出受理决定。')))[0]).toBe('orphaned');
    expect(landing(b, docOf(before.units[0], art('ar2', '本办法自发布之日起施行。')))[0]).toBe('orphaned');
  });

  it('a short opening must be found exactly', () => {
    const short = docOf(art('ar1', '总则。'), art('ar2', '附则'));
    const b = bookmark(short, 'ar2');
    expect(landing(b, docOf(art('ar1', '总则。'), art('ar3', '附件')))[0]).toBe('orphaned');
  });

  it('an older bookmark without opening words: kept while its clause id exists, else an orphan', () => {
    const b = bookmark(before, 'ar2');
    delete b.target['policyReader:opening'];
    expect(landing(b, before)).toEqual(['kept', 'ar2', null]);
    expect(landing(b, docOf(before.units[0]))[0]).toBe('orphaned');
  });

  it('of the whole document: kept, pointing at the document', () => {
    const r = reanchor(bookmark(before, null), docOf(before.units[2]), 'new');
    expect(r.status).toBe('kept');
    expect(r.annotation.target.source).toBe('policy-reader:doc/pd');
    expect(r.annotation.target['policyReader:contentHash']).toBe('new');
  });
});

describe('unitOpening', () => {
  it('is the start of the clause text: the first 款 when the article has no text of its own, else its heading, else its label', () => {
    const withKuan = testUnit('pd', 'ar1', 'article', '第一条', [], { children: [testUnit('pd', 'ar1.k1', 'clause', '', []), testUnit('pd', 'ar1.k2', 'clause', '', ['第二款的文字。'])] });
    expect(unitOpening(withKuan)).toBe('第二款的文字。');
    expect(unitOpening(testUnit('pd', 'ch1', 'chapter', '第一章', [], { heading: '总则' }))).toBe('总则');
    expect(unitOpening(testUnit('pd', 'ch1', 'chapter', '第一章', []))).toBe('第一章');
    expect(unitOpening(testUnit('pd', 'ar1', 'article', '第一条', ['本条文字。'], { children: [testUnit('pd', 'ar1.k1', 'clause', '', ['款的文字。'])] }))).toBe('本条文字。');
  });

  it('keeps 32 characters, a character outside the BMP counted once', () => {
    const text = '𠀀'.repeat(40);
    expect(Array.from(unitOpening(art('ar1', text)))).toHaveLength(32);
    expect(unitOpening(art('ar1', text))).toBe('𠀀'.repeat(32));
  });
});

describe('createSelectors and resolveInUnit', () => {
  it('refuses a selection that is not whole characters or starts before the text', () => {
    expect(() => createSelectors('abcdef', 1.5, 3)).toThrow(/selection 1.5–3 is empty or outside a text of 6 characters/);
    expect(() => createSelectors('abcdef', 1, 2.5)).toThrow(RangeError);
    expect(() => createSelectors('abcdef', -1, 2)).toThrow(RangeError);
    expect(createSelectors('abcdef', 0, 6)[0].exact).toBe('abcdef');
  });

  it('an annotation with a position and no quote is shown at that position while it fits the clause', () => {
    const a = mark(before, 'ar2', '及时作出');
    const positionOnly = (start: number, end: number): Annotation => ({ ...a, target: { ...a.target, selector: [{ type: 'TextPositionSelector', start, end }] } });
    const unit = { paragraphs: [{ text: '政务服务部门', pages: [] }] };
    expect(resolveInUnit(positionOnly(0, 6), unit)).toEqual({ start: 0, end: 6 });
    expect(resolveInUnit(positionOnly(2, 4), unit)).toEqual({ start: 2, end: 4 });
    expect(resolveInUnit(positionOnly(0, 7), unit)).toBeNull();
    expect(resolveInUnit(positionOnly(-1, 3), unit)).toBeNull();
    expect(resolveInUnit(positionOnly(3, 3), unit)).toBeNull();
    expect(resolveInUnit(positionOnly(4, 3), unit)).toBeNull();
  });

  it('the quote is found again where its position no longer holds it, nearest the old place among equals', () => {
    const whole = mark(docOf(art('ar1', '受理决定。')), 'ar1', '受理决定。');
    expect(resolveInUnit(whole, { paragraphs: [{ text: '说明：受理决定。另：受理决定。', pages: [] }] })).toEqual({ start: 3, end: 8 });
    const late = mark(docOf(art('ar1', '前文前文前文前文前文前文受理决定。')), 'ar1', '受理决定。');
    expect(resolveInUnit(late, { paragraphs: [{ text: '受理决定。说明受理决定。', pages: [] }] })).toEqual({ start: 7, end: 12 });
    // Equally near on either side: the first in reading order.
    const mid = mark(docOf(art('ar1', '甲乙受理')), 'ar1', '受理');
    expect(resolveInUnit(mid, { paragraphs: [{ text: '丙受理受理', pages: [] }] })).toEqual({ start: 1, end: 3 });
  });
});
