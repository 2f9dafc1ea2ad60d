/**
 * The parts of an official PDF (GB/T 9704) that gov.cn's pages, where the real-text set's notices come from, leave
 * out: the 版记 every document ends in (§7.4: 抄送, then the printing office and date), the head above the title
 * (§7.2: 份号, 密级, 紧急程度, the banner …文件, the 文号), the 附注 under the date (§7.3.6), and the 签发人 a report to a higher office prints beside
 * its 文号 (§7.2.4). These tests put the standard's lines, as pdftotext and pdf.js lay
 * them out, around two of the set's real notices (one with the measures it issues as an attachment); the sample
 * compilation's real 版记 are checked in seeds.test.ts. Expected titles, dates and issuers are the set's answer key
 * (test-data/realtext/key.json), never this parser's.
 */
import { sha256Hex } from '../../test-support/sha256';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from './build.js';
import { allUnits } from './units.js';
import { compareUnits } from '../compare/units.js';
import type { PolicyDocument, Unit } from './types.js';

const RAW = path.resolve(__dirname, '../../test-data/realtext/raw');
const notice = (name: string) => readFileSync(path.join(RAW, name), 'utf8');
const build = (text: string) => buildCorpus([{ name: 'x.txt', bytes: new TextEncoder().encode(text) }], sha256Hex).docs;
const textOf = (u: Unit) => [u.heading ?? '', ...u.paragraphs.map((p) => p.text)].join('');

const CC = ['抄送：党中央各部门，中央军委办公厅，各战区，各军兵种，军', '事科学院，国防大学，国防科技大学，武警部队。', '全国人大常委会办公厅，全国政协办公厅，国家监委，最高人', '民法院，最高人民检察院。', '各民主党派中央，全国工商联。'];

/** The 版记 as extraction lays it out: the office and date on one line, or the office on a line of its own; on its own page or not. */
const IMPRINTS: Record<string, string[]> = {
  'one line': ['', ...CC, '国务院办公厅 2019年1月28日印发'],
  'office apart': ['', ...CC, '国务院办公厅', '2019年1月28日印发'],
  'own page, disclosure first': ['# Page 10:', '—10—', '', '公开方式：主动公开', ...CC, '国务院办公厅', '2019年1月28日印发'],
};

describe('a notice with its 版记', () => {
  for (const [layout, lines] of Object.entries(IMPRINTS)) {
    it(`is one document, dated and issued as signed, the 版记 last and apart (${layout})`, () => {
      const docs = build(notice('004_N01-notice-gap.txt').trimEnd() + '\n' + lines.join('\n') + '\n');
      // Key: one document, 2019-01-27, 国务院.
      expect(docs.map((d) => [d.title, d.date, d.issuer])).toEqual([['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '2019-01-27', '国务院']]);
      const units = allUnits(docs[0].units);
      const imprint = units.filter((u) => u.level === 'imprint');
      expect(imprint.map(textOf).join('')).toContain('各民主党派中央，全国工商联。');
      expect(imprint.map(textOf).join('')).toMatch(/2019年1月28日印发$/);
      expect(units.slice(-imprint.length)).toEqual(imprint);
      // Addressed under their own path (README: end.bj-…), apart from the body's units.
      expect(imprint.every((u) => u.id.startsWith(`${docs[0].id}~end.bj-`))).toBe(true);
      expect(units.filter((u) => u.level !== 'imprint' && /抄送|印发/.test(textOf(u)))).toEqual([]);
    });
  }

  it('keeps the 版记 out of the measures a notice issues, after them', () => {
    const plain = build(notice('104_N01-notice-gap.txt'));
    const withImprint = build(notice('104_N01-notice-gap.txt').trimEnd() + '\n' + IMPRINTS['office apart'].join('\n') + '\n');
    expect(withImprint.map((d) => [d.title, d.date])).toEqual([['国务院关于印发个人所得税专项附加扣除暂行办法的通知', '2018-12-13']]);
    const last = (d: PolicyDocument) => allUnits(d.units).filter((u) => u.level === 'article').at(-1)!;
    expect(textOf(last(withImprint[0]))).toBe('本办法自2019年1月1日起施行。');
    expect(textOf(last(plain[0]))).toBe(textOf(last(withImprint[0])));
    expect(withImprint[0].units.at(-1)!.level).toBe('imprint');
    expect(withImprint[0].units.find((u) => u.level === 'appendix')!.heading).toBe('个人所得税专项附加扣除暂行办法');
  });

  it('leaves the 版记 out of what is compared: the same cc list does not make two notices alike', () => {
    const docs = build(notice('004_N01-notice-gap.txt').trimEnd() + '\n' + IMPRINTS['one line'].join('\n') + '\n');
    const compared = compareUnits(docs[0]).map((u) => u.text).join('\n');
    expect(compared).not.toContain('各民主党派中央');
    expect(compared).toContain('各地区、各有关部门要做好相关法规规章');
  });
});

describe('a notice with the head of an official PDF', () => {
  const body = notice('004_N01-notice-gap.txt').split('\n');
  // GB/T 9704 §7.2: the marks (份号, 密级和保密期限, 紧急程度), the banner and the 文号 above the title; the real
  // notice's page marker and page number first (lines 0–2), its title (lines 3–6), its text after its own 文号 (line 7).
  const withHead = (head: string[]) => [...body.slice(0, 3), ...head, ...body.slice(3, 7), ...body.slice(8)].join('\n');
  const HEADS: Record<string, string[]> = {
    'marks and banner': ['000123', '机密★1年', '特急', '', '国务院文件', '', '国发〔2019〕5号', ''],
    'letter-spaced, as pdftotext sets a wide banner': ['000123', '', '机 密★1 年', '特 急', '', '国 务 院 文 件', '', '国发〔2019〕5 号', ''],
    'letter format: the office, not …文件': ['特急', '国务院', '', '国发〔2019〕5号', ''],
  };
  const plain = build(notice('004_N01-notice-gap.txt'));

  for (const [layout, head] of Object.entries(HEADS)) {
    it(`is one document with its 文号, and no mark is its text (${layout})`, () => {
      const docs = build(withHead(head));
      // Key: one document, 2019-01-27, 国务院, 国发〔2019〕5号.
      expect(docs.map((d) => [d.title, d.docNumber, d.date, d.issuer])).toEqual([['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '国发〔2019〕5号', '2019-01-27', '国务院']]);
      expect(docs[0].addressees).toBe('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：');
      const text = allUnits(docs[0].units).map(textOf);
      expect(text.join('')).not.toMatch(/000123|机\s*密|特\s*急|国\s*务\s*院\s*文\s*件/);
      expect(text).toEqual(allUnits(plain[0].units).map(textOf));
    });
  }
});

describe('a notice with a 附注 under its date', () => {
  // GB/T 9704 §7.3.6: a note in parentheses on the line under the date (who to call, how far it goes), under the real
  // notice's signature (国务院 / 2019年1月27日 / （此件公开发布）, its last three lines).
  const body = notice('004_N01-notice-gap.txt').trimEnd().split('\n');
  const NOTES: Record<string, string[]> = {
    'after the publication note': [...body, '（联系人：王明；联系电话：010-88650000）'],
    'instead of it': [...body.slice(0, -1), '（联系人：王明；联系电话：010-88650000）'],
    'wrapped over two lines': [...body.slice(0, -1), '（联系人：市场监管总局信用监督管理司王明；联系电话：010-', '88650000）'],
  };
  const EXPECTED_NOTES: Record<string, string[]> = {
    'after the publication note': ['（此件公开发布）', '（联系人：王明；联系电话：010-88650000）'],
    'instead of it': ['（联系人：王明；联系电话：010-88650000）'],
    'wrapped over two lines': ['（联系人：市场监管总局信用监督管理司王明；联系电话：010-88650000）'],
  };
  const plain = build(notice('004_N01-notice-gap.txt'));
  const lastItem = (d: PolicyDocument) => allUnits(d.units).filter((u) => u.level === 'outline2').at(-1)!;

  for (const [layout, lines] of Object.entries(NOTES)) {
    it(`keeps it out of the last item: a unit of its own at the end (${layout})`, () => {
      const docs = build(lines.join('\n') + '\n');
      expect(docs.map((d) => [d.title, d.date, d.signature])).toEqual([['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '2019-01-27', ['国务院', '2019年1月27日']]]);
      // The last item (（三）营造良好环境) reads as printed, as it does without the note.
      expect(textOf(lastItem(docs[0]))).toBe(textOf(lastItem(plain[0])));
      expect(textOf(lastItem(docs[0]))).toMatch(/良好氛围。$/);
      // The notes under the date are the document's last units, of their own level (附注), each as printed.
      const notes = docs[0].units.filter((u) => u.level === 'note');
      expect(docs[0].units.slice(-notes.length)).toEqual(notes);
      expect(notes.map(textOf)).toEqual(EXPECTED_NOTES[layout]);
    });
  }
});

describe('a report with its 签发人', () => {
  const body = notice('004_N01-notice-gap.txt').split('\n');
  // The real notice's header (its 文号 is the file's line 8) with the 签发人 a report prints beside or under its 文号.
  const withSigner = (header: string[]) => [...body.slice(0, 7), ...header, ...body.slice(8)].join('\n');

  for (const [layout, header] of Object.entries({ 'beside the 文号': ['国发〔2019〕5号                    签发人：李克强'], 'under it': ['国发〔2019〕5号', '签发人：李克强'] })) {
    it(`reads the 文号 and keeps the 签发人 out of the addressees and the text (${layout})`, () => {
      const docs = build(withSigner(header));
      expect(docs.map((d) => [d.title, d.docNumber, d.date])).toEqual([['国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '国发〔2019〕5号', '2019-01-27']]);
      expect(docs[0].addressees).toBe('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：');
      expect(allUnits(docs[0].units).map(textOf).join('')).not.toContain('签发人');
    });
  }
});

