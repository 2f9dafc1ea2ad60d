import { describe, expect, it } from 'vitest';
import type { AnswerKey, KeyDoc } from './key.js';
import { scoreCorpus, type ParsedDoc } from './score.js';

// A hand-made slice: two files, three key documents, five parsed sources. Every expected figure below was counted by hand.
const base = { adoptedDate: null, effectiveDate: null, docNumber: null, issuerAlternatives: [], wrapPhrases: [], versionGroup: null, source: { repo: 'r', path: 'p', commit: 'c' } };
const k1: KeyDoc = { ...base, key: 'a#1', title: '甲条例', date: '2020-01-01', issuer: '国务院', region: { level: 'national', province: null, city: null }, kind: '条例', articles: 10, startLine: 2, titleLine: 2, endLine: 10, sentences: ['甲乙丙'], wrapPhrases: ['一二'], versionGroup: 'G' };
const k2: KeyDoc = { ...base, key: 'a#2', title: '上海市乙法', date: null, issuer: null, region: { level: 'province', province: '上海市', city: null }, kind: '法', articles: 5, startLine: 12, titleLine: 12, endLine: 20, sentences: ['丁戊'] };
const k3: KeyDoc = { ...base, key: 'b#1', title: '甲条例', date: '2019-05-05', issuer: '北京市人民代表大会常务委员会', issuerAlternatives: ['北京市人民代表大会'], region: { level: 'province', province: '北京市', city: null }, kind: '规定', articles: 0, startLine: 1, titleLine: 1, endLine: 30, sentences: ['己庚', '辛壬'], versionGroup: 'G' };
const key: AnswerKey = {
  formatVersion: 1,
  note: '',
  files: [
    { file: 'a.txt', layout: 'LA', genre: 'law', extractor: 'pdftotext', pages: 2, accuracy: 1, docs: [k1, k2] },
    { file: 'b.txt', layout: 'LB', genre: 'law', extractor: 'pdfjs', pages: 1, accuracy: 1, docs: [k3] },
  ],
};
const doc = (id: string, over: Partial<ParsedDoc>): ParsedDoc => ({ id, title: '', issuer: '', issuers: [], docNumber: null, date: null, region: { level: 'unknown', province: null, city: null }, kind: '其他', sources: [], articles: 0, ...over });
const parsed: ParsedDoc[] = [
  // k1: start and end right (11 is a blank before k2), every field right.
  doc('d1', { title: '甲条例', issuer: '国务院', issuers: ['国务院'], date: '2020-01-01', region: { level: 'national', province: null, city: null }, kind: '条例', articles: 10, sources: [{ file: 'a.txt', startLine: 2, endLine: 11 }] }),
  // k2: starts one line late (within the slack), ends right; title, place, kind and 条 wrong.
  doc('d2', { title: '上海市乙', region: { level: 'province', province: '上海市', city: '浦东' }, articles: 4, sources: [{ file: 'a.txt', startLine: 13, endLine: 20 }] }),
  // a false split inside k2: a start that is no key start.
  doc('d3', { title: '第三条', sources: [{ file: 'a.txt', startLine: 16, endLine: 16 }] }),
  // k3: taken by d5 (start right, ends too early); d4 starts 4 lines late, beyond the slack.
  doc('d4', { title: '甲条例', sources: [{ file: 'b.txt', startLine: 5, endLine: 30 }] }),
  doc('d5', { title: '甲条例', issuer: '北京市人民代表大会', issuers: ['北京市人民代表大会'], kind: '规定', sources: [{ file: 'b.txt', startLine: 1, endLine: 3 }] }),
];
const found = new Map([
  ['d1', ['甲乙丙', '一二']],
  ['d5', ['己庚']],
]);
const probes = { foundIn: (id: string, p: string) => (found.get(id) ?? []).includes(p), revisions: [{ a: 'd5', b: 'd1' }] };

describe('scoreCorpus on a hand-checked slice', () => {
  const s = scoreCorpus(key, parsed, probes);
  it('counts boundaries: a start within two lines, one source per key document', () => {
    expect(s.overall['boundary-precision']).toEqual({ ok: 3, n: 5 });
    expect(s.overall['boundary-recall']).toEqual({ ok: 3, n: 3 });
    expect(s.overall['both-boundaries']).toEqual({ ok: 2, n: 3 });
  });
  it('scores each field on the matched document, dates and issuers only where the key has them', () => {
    expect(s.overall.title).toEqual({ ok: 2, n: 3 });
    expect(s.overall.date).toEqual({ ok: 1, n: 2 });
    expect(s.overall.issuer).toEqual({ ok: 2, n: 2 });
    expect(s.overall['region-level']).toEqual({ ok: 2, n: 3 });
    expect(s.overall['region-place']).toEqual({ ok: 1, n: 3 });
    expect(s.overall.kind).toEqual({ ok: 2, n: 3 });
    expect(s.overall.articles).toEqual({ ok: 2, n: 3 });
    expect(s.overall.docNumber).toEqual({ ok: 0, n: 0 });
  });
  it('probes search within the matched document, and revisions older → newer', () => {
    expect(s.overall['search-sentence']).toEqual({ ok: 2, n: 4 });
    expect(s.overall['search-wrap']).toEqual({ ok: 1, n: 1 });
    expect(s.overall.revision).toEqual({ ok: 1, n: 1 });
    const reversed = scoreCorpus(key, parsed, { ...probes, revisions: [{ a: 'd1', b: 'd5' }] });
    expect(reversed.overall.revision).toEqual({ ok: 0, n: 1 });
  });
  it('breaks down by layout and names each failure', () => {
    expect(s.byLayout.LA['boundary-precision']).toEqual({ ok: 2, n: 3 });
    expect(s.byLayout.LB['both-boundaries']).toEqual({ ok: 0, n: 1 });
    const f = s.failures.find((x) => x.measure === 'both-boundaries');
    expect(f).toMatchObject({ layout: 'LB', expected: 'lines 1–30', got: 'lines 1–3' });
    expect(s.counts).toEqual({ keyDocs: 3, parsedDocs: 5, files: 2, layouts: 2 });
  });
});

describe('scoreCorpus start slack', () => {
  it('a document starting three lines after the key start does not take it', () => {
    const one: AnswerKey = { formatVersion: 1, note: '', files: [{ file: 'c.txt', layout: 'LC', genre: 'law', extractor: 'pdftotext', pages: 1, accuracy: 1, docs: [{ ...k2, key: 'c#1', startLine: 10, titleLine: 10, endLine: 20 }] }] };
    const late = scoreCorpus(one, [doc('d6', { sources: [{ file: 'c.txt', startLine: 13, endLine: 20 }] })], probes);
    expect(late.overall['boundary-recall']).toEqual({ ok: 0, n: 1 });
    const early = scoreCorpus(one, [doc('d7', { sources: [{ file: 'c.txt', startLine: 8, endLine: 20 }] })], probes);
    expect(early.overall['boundary-recall']).toEqual({ ok: 1, n: 1 });
  });
});

describe('scoreCorpus dates', () => {
  it('accepts the other date of the same version (a city adopts, its province approves later), and no other', () => {
    const k: KeyDoc = { ...k2, key: 'd#1', date: '2021-09-29', dateAlternatives: ['2021-08-06'], startLine: 1, titleLine: 1, endLine: 5 };
    const one: AnswerKey = { formatVersion: 1, note: '', files: [{ file: 'd.txt', layout: 'LD', genre: 'law', extractor: 'pdftotext', pages: 1, accuracy: 1, docs: [k] }] };
    const at = (date: string) => scoreCorpus(one, [doc('d8', { date, sources: [{ file: 'd.txt', startLine: 1, endLine: 5 }] })], probes).overall.date;
    expect(at('2021-08-06')).toEqual({ ok: 1, n: 1 });
    expect(at('2021-09-29')).toEqual({ ok: 1, n: 1 });
    expect(at('2021-09-30')).toEqual({ ok: 0, n: 1 });
  });
});
