/**
 * Anchoring against an EDITED corpus, built the real way: a real raw file from
 * resources/corpus/raw is edited as a new version of the corpus would be, run
 * through the corpus pipeline in memory, and annotations made on the original
 * are re-anchored in the result.
 */
import { sha256Hex } from '../../test-support/sha256';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import { parseChineseNumber, toChineseNumber } from '../corpus/numerals';
import type { PolicyDocument, Unit } from '../corpus/types';
import { createSelectors, reanchor, resolveInUnit, unitBodyText } from './anchor';
import { MIN_MATCH_SCORE, matchScore } from './match-quote';
import { allUnits } from '../corpus/units';
import { fold } from '../text/normalize';
import { newAnnotation } from './create';
import { type Annotation, positionOf, quoteOf } from './model';

const RAW_DIR = path.resolve(__dirname, '../../resources/corpus/raw');
const RAW_NAME = '000_57e3cdbe4450e5ba.txt';
const RAW = fs.readFileSync(path.join(RAW_DIR, RAW_NAME), 'utf8');
const DOC_ID = 'p8878abf8d89'; // 青岛市政务服务管理办法 (title + date + 文号: unchanged by the edits below)

function build(text: string, name = RAW_NAME): PolicyDocument[] {
  return buildCorpus([{ name, bytes: new TextEncoder().encode(text) }], sha256Hex).docs;
}

function docOf(docs: PolicyDocument[], id = DOC_ID): PolicyDocument | null {
  return docs.find((d) => d.id === id) ?? null;
}

function unitWith(doc: PolicyDocument, text: string): Unit {
  const u = allUnits(doc.units).find((x) => x.paragraphs.length && unitBodyText(x).includes(text));
  if (!u) throw new Error(`no unit contains ${text}`);
  return u;
}

function unitLabelled(doc: PolicyDocument, label: string): Unit {
  const u = allUnits(doc.units).find((x) => x.label === label);
  if (!u) throw new Error(`no unit ${label}`);
  return u;
}

/** Replaces every occurrence (the file holds several copies of the document; an edition changes them all alike). */
function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), `raw text contains ${from}`).toBe(true);
  return text.split(from).join(to);
}

let original: PolicyDocument;
let seq = 0;

function highlight(quote: string, note = ''): Annotation {
  const unit = unitWith(original, quote);
  const start = unitBodyText(unit).indexOf(quote);
  return newAnnotation({
    motivation: note ? 'commenting' : 'highlighting',
    doc: original,
    unit,
    range: { start, end: start + quote.length },
    colour: 'yellow',
    note,
    tags: ['待研究'],
    contentHash: 'old-hash',
    now: '2024-05-01T08:00:00.000Z',
    id: `urn:uuid:00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  });
}

function bookmark(label: string | null): Annotation {
  return newAnnotation({
    motivation: 'bookmarking',
    doc: original,
    unit: label ? unitLabelled(original, label) : undefined,
    contentHash: 'old-hash',
    now: '2024-05-01T08:00:00.000Z',
    id: `urn:uuid:00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  });
}

/** The words the annotation now covers in the rebuilt document. */
function wordsAt(a: Annotation, doc: PolicyDocument): string {
  const unit = allUnits(doc.units).find((u) => u.id === a.target['policyReader:unitId'])!;
  const pos = positionOf(a)!;
  return unitBodyText(unit).slice(pos.start, pos.end);
}

// The quote crosses the half-width comma the PDF extraction left in 第二十六条.
const Q26 = '政务服务事项,政务服务部门应当及时作出受理';
const Q29 = '不得收取任何费用';

beforeAll(() => {
  original = docOf(build(RAW))!;
  expect(original.title).toBe('青岛市政务服务管理办法');
});

describe('selectors', () => {
  it('quote, up to 32 characters of context each side, and position', () => {
    const text = 'x'.repeat(50) + '目标文字' + 'y'.repeat(50);
    const [q, p] = createSelectors(text, 50, 54);
    expect(q).toEqual({ type: 'TextQuoteSelector', exact: '目标文字', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
    expect(p).toEqual({ type: 'TextPositionSelector', start: 50, end: 54 });
    expect(createSelectors('目标文字', 0, 4)[0]).toMatchObject({ prefix: '', suffix: '' });
    expect(() => createSelectors('abc', 2, 2)).toThrow(RangeError);
    expect(() => createSelectors('abc', 1, 9)).toThrow(RangeError);
  });

  it('a new highlight records the unit, the document and the quote in its body text', () => {
    const a = highlight(Q26, '与我局现行做法不一致');
    expect(a.target.source).toBe(`policy-reader:doc/${DOC_ID}#${DOC_ID}~ch4.ar26.k1`);
    expect(quoteOf(a)!.exact).toBe(Q26);
    expect(resolveInUnit(a, unitWith(original, Q26))).toEqual({ start: positionOf(a)!.start, end: positionOf(a)!.end });
  });
});

describe('re-anchoring after a rebuild of an edited raw file', () => {
  it('the unchanged corpus keeps every annotation where it was', () => {
    const rebuilt = docOf(build(RAW))!;
    for (const a of [highlight(Q26), highlight(Q29), bookmark('第二十七条'), bookmark(null)]) {
      const r = reanchor(a, rebuilt, 'new-hash');
      expect(r.status).toBe('kept');
      expect(r.annotation.target['policyReader:contentHash']).toBe('new-hash');
      expect(r.annotation.target['policyReader:unitId']).toBe(a.target['policyReader:unitId']);
    }
  });

  it('a paragraph inserted before the clause: same words, new position', () => {
    const a = highlight(Q26);
    const text = edit(RAW, '第二十六条对申请人', '第二十六条政务服务部门应当公开受理标准。\n\n对申请人');
    const rebuilt = docOf(build(text))!;
    const r = reanchor(a, rebuilt, 'h2');
    expect(['moved', 'kept']).toContain(r.status);
    expect(r.status).toBe('moved');
    expect(wordsAt(r.annotation, rebuilt)).toBe(Q26);
    expect(r.annotation['policyReader:orphaned']).toBeUndefined();
  });

  it('a preamble paragraph inserted before the first chapter moves nothing off its words', () => {
    const a = highlight(Q29);
    const b = bookmark('第二十七条');
    const text = edit(RAW, ' 青岛市政务服务管理办法\n\n第一章总则', ' 青岛市政务服务管理办法\n\n本办法经市政府常务会议研究通过，现予公布。\n\n第一章总则');
    const rebuilt = docOf(build(text))!;
    expect(rebuilt, 'the inserted paragraph leaves title, date and 文号 (the document id) alone').not.toBeNull();
    const ra = reanchor(a, rebuilt, 'h');
    expect(ra.status).not.toBe('orphaned');
    expect(wordsAt(ra.annotation, rebuilt)).toBe(Q29);
    const rb = reanchor(b, rebuilt, 'h');
    expect(rb.status).not.toBe('orphaned');
    expect(unitBodyText(allUnits(rebuilt.units).find((u) => u.id === rb.annotation.target['policyReader:unitId'])!)).toMatch(/^政务服务实行限时办结制度/);
  });

  it('punctuation width changed: the same place, and the quote stays the words the user marked', () => {
    const a = highlight(Q26);
    const rebuilt = docOf(build(edit(RAW, '政务服务事项,政务服务部门', '政务服务事项，政务服务部门')))!;
    const r = reanchor(a, rebuilt, 'h3');
    expect(r.status).toBe('kept');
    expect(positionOf(r.annotation)).toEqual(positionOf(a));
    expect(quoteOf(r.annotation)).toEqual(quoteOf(a));
    expect(wordsAt(r.annotation, rebuilt)).toBe('政务服务事项，政务服务部门应当及时作出受理');
    expect(r.annotation.target['policyReader:approximate']).toBeUndefined();
  });

  it('a typo inside the quote: found approximately, on the same words, flagged, the original quote kept beside the words shown', () => {
    const a = highlight(Q26);
    const rebuilt = docOf(build(edit(RAW, '应当及时作出受理或不予受', '应当及时做出受理或不予受')))!;
    const r = reanchor(a, rebuilt, 'h4');
    expect(r.status).toBe('fuzzy');
    expect(wordsAt(r.annotation, rebuilt)).toBe('政务服务事项,政务服务部门应当及时做出受理');
    expect(r.annotation.target['policyReader:unitId']).toBe(`${DOC_ID}~ch4.ar26.k1`);
    expect(quoteOf(r.annotation)).toEqual(quoteOf(a));
    const approx = r.annotation.target['policyReader:approximate']!;
    expect(approx.exact).toBe('政务服务事项,政务服务部门应当及时做出受理');
    expect(approx.score).toBeGreaterThanOrEqual(MIN_MATCH_SCORE);
    expect(approx.score).toBeLessThan(1);
    expect(approx.confirmed).toBeUndefined();
    // The reader paints the words shown now.
    const unit = allUnits(rebuilt.units).find((u) => u.id === r.annotation.target['policyReader:unitId'])!;
    expect(resolveInUnit(r.annotation, unit)).toEqual({ start: positionOf(r.annotation)!.start, end: positionOf(r.annotation)!.end });
    // The next rebuild restores the original words: the flag goes, the original quote was never lost.
    const back = reanchor(r.annotation, original, 'h4b');
    expect(back.status).toBe('kept');
    expect(back.annotation.target['policyReader:approximate']).toBeUndefined();
    expect(wordsAt(back.annotation, original)).toBe(Q26);
  });

  it('a typo outside the quote changes nothing for it: the stored suffix stays as it was made', () => {
    const a = highlight(Q26);
    const rebuilt = docOf(build(edit(RAW, '理的决定并回复申请人', '理的决定并答复申请人')))!;
    const r = reanchor(a, rebuilt, 'h5');
    expect(r.status).toBe('kept');
    expect(wordsAt(r.annotation, rebuilt)).toBe(Q26);
    expect(quoteOf(r.annotation)).toEqual(quoteOf(a));
  });

  it('issue 16, item 2: 第十五条 deleted, a new 第十条 inserted, 10–14 renumbered: the highlight becomes an orphan, its words intact, not a guess in 第十七条', () => {
    const Q15 = '政务服务事项实行清单管理';
    const a = highlight(Q15, '清单管理的要求');
    expect(a.target['policyReader:unitId']).toMatch(/ar15/);
    const text = RAW.replace(/第十五条政务服务事项实行清单管理[\s\S]*?(?=第十六条)/g, '')
      .replace(/第(十[一二三四]?)条/g, (_m, n: string) => `第${toChineseNumber(parseChineseNumber(n)! + 1)}条`)
      .split('第十一条')
      .join('第十条政务服务管理办公室应当建立政务服务事项动态调整机制。\n\n第十一条');
    const rebuilt = docOf(build(text))!;
    expect(unitLabelled(rebuilt, '第十条').paragraphs.map((p) => p.text).join('')).toContain('动态调整机制');
    expect(allUnits(rebuilt.units).some((u) => unitBodyText(u).includes(Q15))).toBe(false);
    const r = reanchor(a, rebuilt, 'h10');
    expect(r.status).toBe('orphaned');
    expect(r.annotation['policyReader:orphaned']).toBe(true);
    expect(quoteOf(r.annotation)).toEqual(quoteOf(a));
    expect(r.annotation.body).toEqual(a.body);
    expect(r.annotation.target['policyReader:unitId']).toBe(a.target['policyReader:unitId']);
  });

  it('issue 19 M09: a highlight ending at the very end of a renumbered clause follows its words', () => {
    const unit = unitWith(original, Q26);
    const body = unitBodyText(unit);
    const tail = body.slice(body.length - 14);
    const a = highlight(tail);
    expect(positionOf(a)!.end).toBe(body.length);
    const text = RAW.replace(/第([一二三四五六七八九十]+)条/g, (m, n: string) => {
      const v = parseChineseNumber(n)!;
      return v >= 26 ? `第${toChineseNumber(v + 1)}条` : m;
    }).split('第二十七条对申请人').join('第二十六条政务服务部门应当建立首问负责制度。\n\n第二十七条对申请人');
    const rebuilt = docOf(build(text))!;
    const r = reanchor(a, rebuilt, 'h11');
    expect(r.status).toBe('moved');
    expect(wordsAt(r.annotation, rebuilt)).toBe(tail);
  });

  it('articles renumbered: highlights follow their words, bookmarks their clause, not the old ids', () => {
    const a = highlight(Q26);
    const c = highlight(Q29, '收费问题');
    const b = bookmark('第二十七条');
    // A new 第二十六条 inserted; every later article number goes up by one.
    const text = RAW.replace(/第([一二三四五六七八九十]+)条/g, (m, n: string) => {
      const v = parseChineseNumber(n)!;
      return v >= 26 ? `第${toChineseNumber(v + 1)}条` : m;
    }).split('第二十七条对申请人').join('第二十六条政务服务部门应当建立首问负责制度。\n\n第二十七条对申请人');
    const rebuilt = docOf(build(text))!;
    expect(unitLabelled(rebuilt, '第二十七条').paragraphs.length + unitLabelled(rebuilt, '第二十七条').children.length).toBeGreaterThan(0);

    const ra = reanchor(a, rebuilt, 'h6');
    expect(ra.status).toBe('moved');
    expect(ra.annotation.target['policyReader:unitId']).toBe(`${DOC_ID}~ch4.ar27.k1`);
    expect(wordsAt(ra.annotation, rebuilt)).toBe(Q26);

    const rc = reanchor(c, rebuilt, 'h6');
    expect(wordsAt(rc.annotation, rebuilt)).toBe(Q29);
    expect(rc.annotation.target['policyReader:unitId']).toBe(`${DOC_ID}~ch4.ar30`);

    // The old id ar27 now holds other words (old 第二十六条); the bookmark goes where its clause went.
    const rb = reanchor(b, rebuilt, 'h6');
    expect(rb.status).toBe('moved');
    expect(rb.annotation.target['policyReader:unitId']).toBe(`${DOC_ID}~ch4.ar28`);
    expect(rb.annotation.target.source).toBe(`policy-reader:doc/${DOC_ID}#${DOC_ID}~ch4.ar28`);
  });

  it('the document removed: an orphan that keeps its quote, note and document title', () => {
    const a = highlight(Q26, '与我局现行做法不一致');
    const docs = build(fs.readFileSync(path.join(RAW_DIR, '001_3ae65a0b828b041b.txt'), 'utf8'), '001.txt');
    const r = reanchor(a, docOf(docs), 'h7');
    expect(r.status).toBe('orphaned');
    expect(r.annotation['policyReader:orphaned']).toBe(true);
    expect(quoteOf(r.annotation)!.exact).toBe(Q26);
    expect(r.annotation.body).toEqual(a.body);
    expect(r.annotation.target['policyReader:document']).toEqual({ id: DOC_ID, title: '青岛市政务服务管理办法', docNumber: original.docNumber });
    // The old hash stays, so the next corpus tries again.
    expect(r.annotation.target['policyReader:contentHash']).toBe('old-hash');
  });

  it('a quote whose words are gone from the document is an orphan, not a wild guess', () => {
    const a = highlight(Q29);
    const rebuilt = docOf(build(edit(RAW, '政务服务部门提供政务服务不得收取任何费用', '政务服务部门提供政务服务按规定执行')))!;
    const r = reanchor(a, rebuilt, 'h8');
    expect(r.status).toBe('orphaned');
  });

  it('an orphan placed again when its text comes back', () => {
    const a = { ...highlight(Q29), 'policyReader:orphaned': true as const };
    const r = reanchor(a, original, 'h9');
    expect(r.status).toBe('kept');
    expect(r.annotation['policyReader:orphaned']).toBeUndefined();
  });
});

describe('resolveInUnit', () => {
  it('falls back to the quote when the position no longer matches, and to null when the quote is gone', () => {
    const a = highlight(Q29);
    const unit = unitWith(original, Q29);
    const shifted: Pick<Unit, 'paragraphs'> = { paragraphs: [{ text: '新增一句。', pages: [] }, ...unit.paragraphs] };
    const r = resolveInUnit(a, shifted)!;
    expect(unitBodyText(shifted).slice(r.start, r.end)).toBe(Q29);
    expect(resolveInUnit(a, { paragraphs: [{ text: '无关文字', pages: [] }] })).toBeNull();
  });
});

describe('matchScore (quote, prefix, suffix and position, weighted, 0–1)', () => {
  const q = { type: 'TextQuoteSelector' as const, exact: '实行清单管理', prefix: '政务服务事项', suffix: '，事项清单包括' };
  // Candidates are scored in folded document text, as reanchor does.
  const score = (t: string, start: number, end: number, errors: number, quote: typeof q, near: number) => matchScore(fold(t), start, end, errors, quote, near);
  const text = '政务服务事项实行清单管理，事项清单包括目录';
  it('is 1 for the quote in its own context at its old place, and falls with each part that disagrees', () => {
    expect(score(text, 6, 12, 0, q, 6)).toBeCloseTo(1, 5);
    const noContext = '其他文字其他文实行清单管理。另起一段的文字';
    expect(score(noContext, 7, 13, 0, q, 7)).toBeLessThan(MIN_MATCH_SCORE);
    const oneError = score('政务服务事项实施清单管理，事项清单包括目录', 6, 12, 1, q, 6);
    expect(oneError).toBeGreaterThan(MIN_MATCH_SCORE);
    expect(oneError).toBeLessThan(1);
    expect(score(text, 6, 12, 0, q, 0)).toBeLessThan(1);
  });
  it('an empty prefix means the quote began its clause: only a candidate at a clause start agrees', () => {
    const atStart = { ...q, prefix: '' };
    expect(score('实行清单管理，事项清单包括', 0, 6, 0, atStart, 0)).toBeCloseTo(1, 5);
    expect(score('前文\n实行清单管理，事项清单包括', 3, 9, 0, atStart, 3)).toBeCloseTo(1, 5);
    expect(score('前文实行清单管理，事项清单包括', 2, 8, 0, atStart, 2)).toBeLessThan(0.8);
  });
});
