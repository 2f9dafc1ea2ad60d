/**
 * `loadVariants` on a corpus folder whose shards are damaged or missing: the summary and every readable
 * shard still give their families, pairs and counterparts, and each unreadable file is named, in Chinese,
 * once.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VARIANTS_FORMAT_VERSION as V } from '../../core/compare/format.js';
import { loadVariants } from './variants.js';

const pair = (a: string, b: string) => ({ a, b, relation: 'same', jaccard: 0.9, aInB: 1, bInA: 0.9, sharedClauses: 2 });
let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

async function corpus(files: Record<string, unknown>): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'policy-reader-variants-'));
  await mkdir(path.join(dir, 'variants'));
  for (const [rel, v] of Object.entries(files)) await writeFile(path.join(dir, rel), typeof v === 'string' ? v : JSON.stringify(v));
  return dir;
}

describe('loadVariants (summary + shards)', () => {
  it('a missing and a corrupt shard are named; the readable shards still give their pairs and counterparts', async () => {
    const d = await corpus({
      'variants.json': { formatVersion: V, families: [{ id: 'f1', center: 'pA', members: ['pA', 'pB'] }], subject: [], shards: ['pA', 'pB', 'pC', 'pD'] },
      'variants/pA.json': { formatVersion: V, doc: 'pA', clauses: { 'pA~a1': [{ unit: 'pB~a1', doc: 'pB', similarity: 0.9 }] }, pairs: [pair('pA', 'pB')] },
      'variants/pB.json': '{"formatVersion":2,"doc":"pB","clau',
      'variants/pD.json': { formatVersion: V, doc: 'pD', clauses: {}, pairs: [pair('pC', 'pD')] },
    });
    const warnings: string[] = [];
    const v = await loadVariants(d, (m) => warnings.push(m));
    expect(v.families).toEqual([{ id: 'f1', center: 'pA', members: ['pA', 'pB'], pairs: [pair('pA', 'pB')] }]);
    expect(v.links).toEqual([pair('pC', 'pD')]);
    expect(Object.keys(v.clauses)).toEqual(['pA~a1']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('variants/pB.json');
    expect(warnings[1]).toContain('variants/pC.json');
    for (const w of warnings) expect(w).toMatch(/缺失或已损坏.*重新构建语料库/);
  });

  it('a summary of the single-file format is said to be unreadable; no summary at all is simply no variants', async () => {
    const warnings: string[] = [];
    const d = await corpus({ 'variants.json': { formatVersion: 1, families: [], subject: [], clauses: {}, links: [] } });
    expect((await loadVariants(d, (m) => warnings.push(m))).families).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/variants\.json.*重新构建语料库/)]);
    await rm(path.join(d, 'variants.json'));
    warnings.length = 0;
    expect((await loadVariants(d, (m) => warnings.push(m))).families).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
