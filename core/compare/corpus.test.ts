/**
 * Variant detection and alignment on the real seeds (resources/corpus/raw),
 * asserted by properties of the documents (where they come from, their
 * titles' provenance, regions, drafts), never by ids or titles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { buildCorpus } from '../corpus/build.js';
import { corpusFiles } from '../corpus/file-stream.js';
import type { PolicyDocument } from '../corpus/types.js';
import { fold } from '../text/normalize.js';
import { alignDocuments } from './align.js';
import { variantsArtifacts, variantsFiles } from './artifact.js';
import { detectVariants, detectVariantsWithTables } from './detect.js';
import { reconstructA, reconstructB, type DiffOptions } from './diff.js';
import { VARIANTS_FILE, variantShardPath, type VariantShard, type VariantsFile } from './format.js';
import { docVariants, restoreVariantShard, restoreVariantsSummary, variantsOf } from './restore.js';
import { joinVariants } from './shards.js';
import { compareUnits } from './units.js';


const RAW = path.resolve(__dirname, '../../resources/corpus/raw');
let docs: PolicyDocument[];
let v: VariantsFile;
const byId = (id: string) => docs.find((d) => d.id === id)!;
const fromFile = (prefix: string) => docs.filter((d) => d.sources.some((s) => s.file.startsWith(prefix)));
const pairOf = (a: string, b: string) => v.families.flatMap((f) => f.pairs).find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
const familyOf = (id: string) => v.families.find((f) => f.members.includes(id));

beforeAll(() => {
  const files = readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(RAW, name))) }));
  docs = buildCorpus(files, sha256Hex).docs;
  v = detectVariants(docs);
}, 180_000);

/** The national notice (the only document of file 001) and its reprint in the newsletter (file 000), whose title comes from the running header. */
function noticeAndCopy() {
  const [notice] = fromFile('001_');
  const copy = fromFile('000_').find((d) => d.titleSource === 'running-header' && fold(d.title) === fold(notice.title))!;
  return { notice, copy };
}

describe('families on the sample corpus', () => {
  it('the national notice and its newsletter copy are one text: relation same', () => {
    const { notice, copy } = noticeAndCopy();
    expect(notice).toBeDefined();
    expect(copy).toBeDefined();
    expect(pairOf(notice.id, copy.id)?.relation).toBe('same');
    expect(familyOf(notice.id)!.members).toContain(copy.id);
  });

  it('their diff shows only punctuation-width differences and the parts the copy lacks (title, last item, signature)', () => {
    const { notice, copy } = noticeAndCopy();
    const al = alignDocuments(notice, copy);
    expect(al.summary.changed + al.summary.moved + al.summary.onlyB).toBe(0);
    const missing = al.rows.filter((r) => r.status === 'only-a').flatMap((r) => r.a);
    const units = compareUnits(notice);
    const lastNumbered = units.filter((u) => !u.pseudo && u.label).at(-1)!;
    expect(missing.sort()).toEqual([`${notice.id}~#title`, `${notice.id}~#signature`, lastNumbered.id].sort());
    // Without width folding, every remaining difference is punctuation whose folded forms agree.
    const strict = alignDocuments(notice, copy, { ignoreWidth: false, ignoreWhitespace: true, ignoreNumbering: false });
    const changed = strict.rows.filter((r) => r.status === 'changed');
    expect(changed.length).toBeGreaterThan(3);
    for (const r of changed) {
      const minus = r.ops.filter((o) => o[0] === '-').map((o) => o[1]);
      const plus = r.ops.filter((o) => o[0] === '+').map((o) => o[1]);
      for (const t of [...minus, ...plus]) expect(t).toMatch(/^[\p{P}\p{S}]+$/u);
      expect(fold(minus.join(''))).toBe(fold(plus.join('')));
    }
  });

  it('several cities share one template: a family with at least three cities linked by adaptation', () => {
    const found = v.families.some((f) => {
      const adapted = new Set(f.pairs.filter((p) => p.relation === 'adaptation').flatMap((p) => [p.a, p.b]));
      const cities = new Set([...adapted].map((id) => byId(id).region.city).filter(Boolean));
      return cities.size >= 3;
    });
    expect(found).toBe(true);
  });

  it("a provincial department's measures and a city's adaptation of them", () => {
    const pairs = v.families.flatMap((f) => f.pairs).filter((p) => p.relation === 'adaptation');
    const found = pairs.some((p) => {
      const [a, b] = [byId(p.a), byId(p.b)];
      const [prov, city] = a.region.level === 'province' ? [a, b] : [b, a];
      return prov.region.level === 'province' && /厅|局|委员会/.test(prov.issuer) && city.region.level === 'city' && city.region.province === prov.region.province;
    });
    expect(found).toBe(true);
  });

  it('a draft for comment and its adopted version: revision, draft first', () => {
    const revisions = v.families.flatMap((f) => f.pairs).filter((p) => p.relation === 'revision');
    const draft = revisions.find((p) => /征求意见稿/.test(byId(p.a).title) && !/征求意见稿|草案/.test(byId(p.b).title));
    expect(draft).toBeDefined();
    expect(byId(draft!.a).region.city).toBe(byId(draft!.b).region.city);
  });

  it('an unrelated pair is not a family, and no family swallows the corpus', () => {
    const { notice } = noticeAndCopy();
    const [news] = fromFile('002_'); // a city's news article on administrative services
    expect(familyOf(notice.id)!.members).not.toContain(news.id);
    expect(pairOf(notice.id, news.id)).toBeUndefined();
    for (const f of v.families) expect(f.members.length).toBeLessThanOrEqual(docs.length / 10);
  });

  it("a province's later notice on the national notice's subject is related by subject, apart from text variants", () => {
    const { notice } = noticeAndCopy();
    const [provincial] = fromFile('004_');
    expect(provincial.region.level).toBe('province');
    const s = variantsOf(v, provincial.id).subject.map((x) => (x.a === provincial.id ? x.b : x.a));
    expect(s).toContain(notice.id);
    expect(pairOf(notice.id, provincial.id)).toBeUndefined();
  });

  it('clauses of the copy name their counterparts in the notice (本条亦见于)', () => {
    const { notice, copy } = noticeAndCopy();
    const numbered = compareUnits(copy).filter((u) => !u.pseudo && u.label && u.text.length > 30);
    expect(numbered.length).toBeGreaterThan(10);
    for (const u of numbered) expect(v.clauses[u.id]?.map((m) => m.doc)).toContain(notice.id);
  });

  it('one document figure: the comparison summary shows the overlap 相似文本 shows for the pair, and each row the clause similarity 本条亦见于 shows', () => {
    let pairs = 0;
    let clauses = 0;
    for (const p of v.families.flatMap((f) => f.pairs)) {
      const al = alignDocuments(byId(p.a), byId(p.b));
      expect(al.summary.overlap).toBeCloseTo(Math.max(p.aInB, p.bInA), 2);
      pairs++;
      for (const r of al.rows) {
        const m = r.a.length === 1 && r.b.length === 1 ? v.clauses[r.a[0]]?.find((c) => c.unit === r.b[0]) : undefined;
        if (!m) continue;
        expect(r.similarity).toBeCloseTo(m.similarity, 2);
        clauses++;
      }
    }
    expect(pairs).toBeGreaterThan(5);
    expect(clauses).toBeGreaterThan(20);
  });

  it('every aligned pair of every family reproduces both texts exactly, under each option set', () => {
    const options: DiffOptions[] = [
      { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: false },
      { ignoreWidth: false, ignoreWhitespace: false, ignoreNumbering: true },
    ];
    let rows = 0;
    for (const f of v.families)
      for (let i = 0; i < f.members.length; i++)
        for (let j = i + 1; j < f.members.length; j++) {
          const a = byId(f.members[i]);
          const b = byId(f.members[j]);
          const ta = new Map(compareUnits(a).map((u) => [u.id, u.text]));
          const tb = new Map(compareUnits(b).map((u) => [u.id, u.text]));
          for (const o of options) {
            const al = alignDocuments(a, b, o);
            expect(al.rows.flatMap((r) => r.a)).toHaveLength(ta.size);
            expect(al.rows.flatMap((r) => r.b)).toHaveLength(tb.size);
            for (const r of al.rows) {
              expect(reconstructA(r.ops)).toBe(r.a.map((id) => ta.get(id)).join('\n'));
              expect(reconstructB(r.ops)).toBe(r.b.map((id) => tb.get(id)).join('\n'));
              rows++;
            }
          }
        }
    expect(rows).toBeGreaterThan(500);
  });

  it('the summary and the per-document shards hold exactly what detection found, and are covered by the contentHash', () => {
    const files = variantsFiles(v);
    const byPath = new Map(files.map((f) => [f.path, f.data]));
    const summary = restoreVariantsSummary(JSON.parse(byPath.get(VARIANTS_FILE)!))!;
    // Something to split: families with pairs, and clauses with counterparts.
    expect(v.families.flatMap((f) => f.pairs).length).toBeGreaterThan(3);
    expect(Object.keys(v.clauses).length).toBeGreaterThan(20);
    // One shard file per document the summary lists, and nothing else.
    expect(files.map((f) => f.path).sort()).toEqual([VARIANTS_FILE, ...summary.shards.map(variantShardPath)].sort());
    const shards = summary.shards.map((id) => restoreVariantShard(JSON.parse(byPath.get(variantShardPath(id))!), id)!);
    expect(joinVariants(summary, shards)).toEqual(v);
    // Each pair is in the shards of both its documents, each unit's counterparts in its own document's shard only.
    const shardOf = new Map<string, VariantShard>(shards.map((s) => [s.doc, s]));
    for (const p of [...v.families.flatMap((f) => f.pairs), ...v.links]) for (const id of [p.a, p.b]) expect(shardOf.get(id)!.pairs).toContainEqual(p);
    expect(shards.reduce((n, s) => n + Object.keys(s.clauses).length, 0)).toBe(Object.keys(v.clauses).length);
    // The summary carries no pairs and no clauses, and is written without indentation.
    expect(byPath.get(VARIANTS_FILE)).not.toMatch(/"pairs"|"clauses"|\n /);
    // What 相似文本 shows for each document is what it showed from the single file.
    for (const d of docs) {
      const whole = variantsOf(v, d.id);
      const split = docVariants(summary, shardOf.get(d.id) ?? null, d.id);
      expect(split.pairs).toEqual(whole.pairs);
      expect(split.subject).toEqual(whole.subject);
      expect(split.family?.members ?? null).toEqual(whole.family?.members ?? null);
    }
    const result = { docs, rawFiles: [], warnings: [], notes: [], skippedFiles: 0, provenance: [] };
    const shard = files.find((f) => f.path !== VARIANTS_FILE && f.data.includes('"relation":"same"'))!;
    const h1 = corpusFiles(result, sha256Hex, files).manifest.contentHash;
    const h2 = corpusFiles(result, sha256Hex, files.map((f) => (f === shard ? { ...f, data: f.data.replace('"relation":"same"', '"relation":"related"') } : f))).manifest.contentHash;
    expect(h1).not.toBe(h2);
  });

  it('the build writes, shard by shard from the clause graph, the very bytes splitting the whole file gives', () => {
    const { variants, lsh } = detectVariantsWithTables(docs);
    const expected = [...variantsFiles(variants), { path: 'variants-lsh.json', data: JSON.stringify(lsh) + '\n' }];
    const streamed = [...variantsArtifacts(docs)];
    expect(streamed.length).toBeGreaterThan(20);
    expect(streamed.map((f) => f.path)).toEqual(expected.map((f) => f.path));
    streamed.forEach((f, i) => expect(f.data).toBe(expected[i].data));
  });
});
