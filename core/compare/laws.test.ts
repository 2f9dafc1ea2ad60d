/**
 * Variant detection on real regulations at two dates (fixtures/laws, from LawRefBook/Laws): the same
 * regulation at two dates is a `revision`, older → newer with both dates; different regulations, which
 * share the boilerplate every regulation prints, are never one family. The documents are read from the
 * Markdown the way the source gives them (test-support/law-markdown: title, date from the file name,
 * articles), so the test does not depend on how the parser reads a law.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lawDocFromMarkdown } from '../../test-support/law-markdown.js';
import type { PolicyDocument } from '../corpus/types.js';
import { detectVariants, detectVariantsWithTables } from './detect.js';
import type { VariantsFile } from './format.js';
import { placeDocument } from './place.js';

const DIR = path.resolve(__dirname, 'fixtures/laws');

const lawDoc = (file: string) => lawDocFromMarkdown(file, readFileSync(path.join(DIR, file), 'utf8'))!;

let docs: PolicyDocument[];
let v: VariantsFile;
const titleOf = (id: string) => docs.find((d) => d.id === id)!.title;
const dateOf = (id: string) => docs.find((d) => d.id === id)!.date!;

beforeAll(() => {
  docs = readdirSync(DIR)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
    .map(lawDoc);
  v = detectVariants(docs);
});

describe('real regulations at two dates', () => {
  it('has eight regulations, each at two dates', () => {
    const byTitle = new Map<string, number>();
    for (const d of docs) byTitle.set(d.title, (byTitle.get(d.title) ?? 0) + 1);
    expect(byTitle.size).toBe(8);
    expect([...byTitle.values()].every((n) => n === 2)).toBe(true);
    expect(docs.every((d) => d.units.length >= 10)).toBe(true);
  });

  it('links each regulation\'s two texts as a revision, older → newer, with both dates', () => {
    const all = [...v.families.flatMap((f) => f.pairs), ...v.links];
    for (const title of new Set(docs.map((d) => d.title))) {
      const [older, newer] = docs.filter((d) => d.title === title).sort((a, b) => (a.date! < b.date! ? -1 : 1));
      const pair = all.find((p) => (p.a === older.id && p.b === newer.id) || (p.a === newer.id && p.b === older.id));
      expect(pair, title).toBeDefined();
      expect({ title, relation: pair!.relation, evidence: pair!.evidence, a: pair!.a, dates: pair!.dates }).toEqual({ title, relation: 'revision', evidence: 'version', a: older.id, dates: [older.date, newer.date] });
    }
  });

  it('never puts two regulations in one family, whatever boilerplate they share', () => {
    expect(v.families.length).toBe(8);
    for (const f of v.families) expect(new Set(f.members.map(titleOf)).size).toBe(1);
    // Every pair between two regulations is at most a weak link.
    for (const p of v.links) if (titleOf(p.a) !== titleOf(p.b)) expect(p.relation).toBe('related');
  });

  it('calls one text issued at two dates a revision, and the same text at one date the same', () => {
    const base = docs.find((d) => d.title.endsWith('船员条例'))!;
    const reissued = { ...base, id: 'reissue', date: '2024-01-01', title: '关于重新发布船员条例的通知' } as PolicyDocument;
    const copy = { ...base, id: 'copy', title: '船员条例（转载）' } as PolicyDocument;
    const w = detectVariants([base, reissued, copy]);
    const pairs = [...w.families.flatMap((f) => f.pairs), ...w.links];
    const between = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    expect(between(base.id, 'reissue')).toMatchObject({ relation: 'revision', a: base.id, b: 'reissue', dates: [dateOf(base.id), '2024-01-01'] });
    expect(between(base.id, 'copy')?.relation).toBe('same');
  });

  it('ships LSH tables with one set of band keys per document', () => {
    const { lsh } = detectVariantsWithTables(docs);
    expect(lsh.docs.slice().sort()).toEqual(docs.map((d) => d.id).sort());
    expect(lsh.keys.every((k) => k.length === lsh.bands)).toBe(true);
  });

  it('places a new document without a rebuild: the same relation and figures as a full build', async () => {
    for (const title of ['船员条例', '征兵工作条例', '废旧金属收购业治安管理办法']) {
      const newer = docs.filter((d) => d.title.endsWith(title)).sort((a, b) => (a.date! < b.date! ? 1 : -1))[0];
      const rest = docs.filter((d) => d !== newer);
      const { lsh } = detectVariantsWithTables(rest);
      const loads: string[] = [];
      const placed = await placeDocument(newer, lsh, (id) => {
        loads.push(id);
        return rest.find((d) => d.id === id) ?? null;
      });
      const full = [...v.families.flatMap((f) => f.pairs), ...v.links].find((p) => p.b === newer.id && titleOf(p.a).endsWith(title))!;
      expect(placed[0], title).toEqual(full);
      // Only candidates are read, not the corpus.
      expect(loads.length).toBeLessThan(rest.length);
    }
  });
});
