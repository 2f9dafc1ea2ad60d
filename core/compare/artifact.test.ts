/**
 * The variants step's files (artifact.ts): the summary first, one shard per document that has pairs or clause
 * counterparts, the LSH tables last, under the names the reader fetches, and byte for byte what the split of
 * detection's whole file gives (the build writes them one at a time, never the whole file).
 */
import { describe, expect, it } from 'vitest';
import { detectionFiles, shardJson, variantsArtifacts, variantsFiles, type KnownArtifact, type VariantsArtifact } from './artifact.js';
import { detect, detectVariantsWithTables } from './detect.js';
import { articlesDoc, GREENING, HOUSING, MEASURES } from './fixtures/measures.js';
import { restoreLshTables, restoreVariantShard, restoreVariantsSummary } from './restore.js';

const doc = articlesDoc;

/** A city's measures, a district's copy of them, an unrelated greening rule, and a housing rule that takes over one of the measures. */
const docs = [
  doc('pC', '某市城市绿化管理办法', GREENING),
  doc('pA', '某市优化营商环境若干措施', MEASURES),
  doc('pD', '某市住房公积金管理办法', [...HOUSING, MEASURES[3]]),
  doc('pB', '某区优化营商环境若干措施', MEASURES),
];

describe('the variants files', () => {
  it('are the summary first, a shard for each document with pairs or counterparts (not the unrelated one), the LSH tables last', () => {
    const files = [...variantsArtifacts(docs)];
    expect(files.map((f) => f.path)).toEqual(['variants.json', 'variants/pA.json', 'variants/pB.json', 'variants/pD.json', 'variants-lsh.json']);
    for (const f of files) expect(f.data.endsWith('}\n')).toBe(true);
    const summary = restoreVariantsSummary(JSON.parse(files[0].data))!;
    expect(summary.shards).toEqual(['pA', 'pB', 'pD']);
    expect(summary.families.map((f) => f.members)).toEqual([['pA', 'pB']]);
    const a = restoreVariantShard(JSON.parse(files[1].data), 'pA')!;
    expect(a.pairs.map((p) => [p.a, p.b, p.relation])).toEqual([['pA', 'pB', 'same']]);
    // pA's 4th measure has two counterparts, both word for word: pB's and pD's last article, by unit id.
    expect(a.clauses['pA~ar4'].map((m) => m.unit)).toEqual(['pB~ar4', 'pD~ar3']);
    const d = restoreVariantShard(JSON.parse(files[3].data), 'pD')!;
    // One shared measure is no link: pD has a shard for its counterpart alone.
    expect(d.pairs).toEqual([]);
    expect(Object.keys(d.clauses)).toEqual(['pD~ar3']);
    expect(restoreLshTables(JSON.parse(files[4].data))!.docs).toEqual(['pA', 'pB', 'pC', 'pD']);
  });

  it('are byte for byte what the split of the whole detection writes, then its LSH tables', () => {
    const { variants, lsh } = detectVariantsWithTables(docs);
    const whole = [...variantsFiles(variants), { path: 'variants-lsh.json', data: JSON.stringify(lsh) + '\n' }];
    expect([...detectionFiles(detect(docs))]).toEqual(whole);
  });

  it('are what the split writes for documents of many pairs and of ten or more units too', () => {
    // Ten articles (ar10 sorts before ar2 as text) in a text and its copy, and a document adapted from both.
    const ten = [...MEASURES, ...GREENING, ...HOUSING];
    const many = [doc('pA', '某市优化营商环境和城市管理若干规定', ten), doc('pB', '某区优化营商环境和城市管理若干规定', ten), doc('pE', '某区关于进一步优化营商环境的实施意见', [...MEASURES.slice(0, 3), ...HOUSING])];
    const { variants, lsh } = detectVariantsWithTables(many);
    expect(variants.families.map((f) => f.pairs.length)).toEqual([3]);
    expect([...detectionFiles(detect(many))]).toEqual([...variantsFiles(variants), { path: 'variants-lsh.json', data: JSON.stringify(lsh) + '\n' }]);
  });

  it('with a memo, records every shard and hands on one it knows by its hash, made only when asked, as it is made without', () => {
    const plain = [...detectionFiles(detect(docs))];
    const recorded = new Map<string, string>();
    const asked: string[] = [];
    const memo = {
      known: (path: string, fingerprint: string) => (asked.push(path), path === 'variants/pB.json' ? `${fingerprint.slice(0, 8)}${'0'.repeat(56)}` : undefined),
      record: (path: string, fingerprint: string) => void recorded.set(path, fingerprint),
    };
    // Made as the writer makes it, when it is handed on: once the detection's files are all out, what makes a shard is let go.
    const files: (VariantsArtifact | KnownArtifact)[] = [];
    const madeThen: string[] = [];
    for (const f of detectionFiles(detect(docs), memo)) {
      files.push(f);
      if ('make' in f) madeThen.push(f.make());
    }
    expect(madeThen).toEqual([plain[2].data]);
    expect(files.map((f) => f.path)).toEqual(plain.map((f) => f.path));
    // Only the shards have fingerprints; the summary and the LSH tables are always made.
    expect([...recorded.keys()]).toEqual(['variants/pA.json', 'variants/pB.json', 'variants/pD.json']);
    expect(asked).toEqual([...recorded.keys()]);
    const known = files[2];
    expect(known).toEqual({ path: 'variants/pB.json', make: expect.any(Function), sha256: `${recorded.get('variants/pB.json')!.slice(0, 8)}${'0'.repeat(56)}` });
    expect(() => 'make' in known && known.make()).toThrow(/variants shard of pB asked for after/);
    for (const k of [0, 1, 3, 4]) expect(files[k]).toEqual(plain[k]);
    // The same detection has the same fingerprints; pA's copy pB and pA have the same makings but not the same document.
    const again = new Map<string, string>();
    Array.from(detectionFiles(detect(docs), { known: () => undefined, record: (path, f) => void again.set(path, f) }));
    expect(again).toEqual(recorded);
    expect(recorded.get('variants/pA.json')).not.toBe(recorded.get('variants/pB.json'));
  });

  it('a corpus without variants has a summary and the LSH tables only', () => {
    const files = [...variantsArtifacts([docs[0], doc('pE', '某市住房公积金提取办法', HOUSING.slice(0, 1))])];
    expect(files.map((f) => f.path)).toEqual(['variants.json', 'variants-lsh.json']);
    expect(JSON.parse(files[0].data)).toEqual({ formatVersion: 2, families: [], subject: [], shards: [] });
  });

  it("a shard's text is JSON.stringify's of the shard object, for any unit ids, array indexes among them", () => {
    const m = (unit: string, similarity: number) => [{ unit, doc: unit.split('~')[0], similarity }];
    const pairs = restoreVariantShard(JSON.parse([...variantsArtifacts(docs)][1].data), 'pA')!.pairs;
    const cases: [string, string[]][] = [
      ['pA', ['pA~ar4', 'pA~ar10', 'pA~ar2']],
      ['p"x', ['p"x~第一条', 'p"x~\\u0000', 'p"x~\n']],
      ['pE', []],
      // Array indexes go first in an object's keys, in numeric order, whatever the order they were added in.
      ['pN', ['pN~b', '10', '7', 'pN~a']],
      // One index alone among the ids, of one digit or of three, and ids that only begin or end like one.
      ['pM', ['pM~b', '7']],
      ['pK', ['pK~b', '123']],
      ['pJ', ['pJ~b', '12a', 'a12', '012']],
    ];
    for (const [doc, ids] of cases) {
      const matches = ids.map((id, k) => m(`q~${k}`, 1 - k / 10));
      const clauses: Record<string, ReturnType<typeof m>> = {};
      ids.forEach((id, k) => (clauses[id] = matches[k]));
      expect(shardJson(doc, ids, matches, pairs)).toBe(JSON.stringify({ formatVersion: 2, doc, clauses, pairs }) + '\n');
    }
  });
});
