/**
 * Ids survive rebuilds of an edited text as far as the text allows: a
 * paragraph inserted earlier renames nothing that follows, and a corrected
 * title keeps the id of a document with a 文号.
 */
import { sha256Hex } from '../../test-support/sha256';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from './build.js';
import { flattenUnits, unitOwnText } from './structure.js';


const DIR = path.resolve(__dirname, 'fixtures/layouts');
const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const build = (files: Record<string, string>) =>
  buildCorpus(Object.entries(files).map(([name, t]) => ({ name, bytes: new TextEncoder().encode(t) })), sha256Hex).docs;
/** Unit text → unit id, for every unit of the only document. */
const idsByText = (text: string, name = 'x.txt') => {
  const [d] = build({ [name]: text });
  return { doc: d.id, units: new Map(flattenUnits(d.units).map((u) => [`${u.label}|${unitOwnText(u)}`, u.id])) };
};

function expectSameIds(before: Map<string, string>, after: Map<string, string>) {
  expect(before.size).toBeGreaterThan(2);
  for (const [text, id] of before) expect(after.get(text), text.slice(0, 30)).toBe(id);
}

describe('stable ids', () => {
  it('a paragraph inserted at the top of an article renames none of the others', () => {
    const raw = fixture('article-byline.txt');
    const edited = raw.replace('服务业是国民经济', '编者按：本文原载于内部刊物，略有删节。\n服务业是国民经济');
    expect(edited).not.toBe(raw);
    const a = idsByText(raw);
    const b = idsByText(edited);
    expect(b.units.size).toBe(a.units.size + 1);
    expectSameIds(a.units, b.units);
  });

  it('a preamble paragraph inserted before numbered items renames neither the items nor the other preamble', () => {
    const raw = fixture('guowuyuan-opinion.txt');
    const edited = raw.replace('支付服务是重要的金融基础设施。', '近年来，我国支付体系建设取得显著成效。\n支付服务是重要的金融基础设施。');
    expect(edited).not.toBe(raw);
    const a = idsByText(raw);
    const b = idsByText(edited);
    expect(b.units.size).toBe(a.units.size + 1);
    expectSameIds(a.units, b.units);
    expect([...a.units.values()].some((id) => /~a2$/.test(id))).toBe(true);
  });

  it('a corrected title keeps the id of a document that has a 文号; a document without one is named by title and date', () => {
    const raw = fixture('hebei-notice.txt');
    const fixed = raw.replace('高质量发展若干措施的通知', '高质量发展的若干措施的通知');
    expect(idsByText(fixed).doc).toBe(idsByText(raw).doc);
    const article = fixture('article-byline.txt');
    expect(idsByText(article.replace('扩能提质', '扩能增效')).doc).not.toBe(idsByText(article).doc);
  });

  it('two documents that share a 文号 still get distinct, URL-safe ids', () => {
    const a = fixture('jilin-notice.txt');
    const b = a.replace('重点项目谋划储备工作', '重大项目前期工作').replace('提高思想认识', '压实工作责任');
    const docs = build({ 'a.txt': a, 'b.txt': b });
    expect(docs).toHaveLength(2);
    expect(docs[0].docNumber).toBe(docs[1].docNumber);
    expect(docs[0].id).not.toBe(docs[1].id);
    for (const d of docs) expect(d.id).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('identity of copies', () => {
  const notice = fixture('hebei-notice.txt');
  // The same measures re-issued a year later under a new 文号 and date: same body, another document.
  const reissued = notice.replace('冀政办字〔2024〕87 号', '冀政办字〔2025〕12 号').replace('2024 年9 月12 日', '2025 年3 月3 日');

  it('two notices with one body but their own 文号 and date are two documents', () => {
    const docs = build({ 'a.txt': notice, 'b.txt': reissued });
    expect(docs.map((d) => [d.docNumber, d.date]).sort()).toEqual([
      ['冀政办字〔2024〕87号', '2024-09-12'],
      ['冀政办字〔2025〕12号', '2025-03-03'],
    ]);
  });

  it('a copy that agrees on text, title, 文号 and date is one document with two sources', () => {
    const docs = build({ 'a.txt': notice, 'b.txt': notice });
    expect(docs).toHaveLength(1);
    expect(docs[0].sources.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
  });
});
