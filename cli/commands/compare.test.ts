/**
 * `policy-reader variants` and `policy-reader diff` through the installed entry
 * point (`npx policy-reader`), against the corpus the build wrote
 * (resources/corpus; `npm run build:corpus` first, as `npm test` does).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { npx } from '../../test-support/npx.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR } from '../corpus-files.js';
import type { DocSummary } from '../../core/corpus/types.js';
import type { VariantPair } from '../../core/compare/format.js';

const library = async () => JSON.parse(await readFile(path.join(DEFAULT_CORPUS_DIR, 'library.json'), 'utf8')) as DocSummary[];
const readJson = async (rel: string) => JSON.parse(await readFile(path.join(DEFAULT_CORPUS_DIR, rel), 'utf8'));
/** The pairs of every shard the summary lists, as the files hold them (each pair is in both its documents' shards). */
async function shardPairs(): Promise<VariantPair[]> {
  const summary = await readJson('variants.json');
  const pairs: VariantPair[] = [];
  for (const id of summary.shards) pairs.push(...(await readJson(`variants/${id}.json`)).pairs);
  return pairs;
}

describe('npx policy-reader variants / diff', () => {
  it('variants --json is one JSON value: families with titled members and pairwise scores, as variants.json says', async () => {
    const r = await npx(['variants', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const file = await readJson('variants.json');
    expect(out.families.map((f: { id: string }) => f.id)).toEqual(file.families.map((f: { id: string }) => f.id));
    const titles = new Map((await library()).map((d) => [d.id, d.title]));
    for (const f of out.families) {
      for (const m of f.members) expect(m.title).toBe(titles.get(m.id));
      for (const p of f.pairs) {
        expect(['same', 'adaptation', 'revision', 'related']).toContain(p.relation);
        for (const k of ['jaccard', 'aInB', 'bInA']) expect(p[k]).toBeGreaterThanOrEqual(0);
      }
    }
    // Every family names a centre among its members; family pairs and links are the shards' pairs, each once.
    for (const f of out.families) expect(f.members.map((m: { id: string }) => m.id)).toContain(f.center);
    const listed = [...out.families.flatMap((f: { pairs: unknown[] }) => f.pairs), ...out.links];
    const inShards = await shardPairs();
    expect(inShards.length).toBeGreaterThan(0);
    expect(new Set(inShards.map((p) => JSON.stringify(p)))).toEqual(new Set(listed.map((p) => JSON.stringify(p))));
    expect(inShards).toHaveLength(2 * listed.length);
    const human = await npx(['variants']);
    expect(human.out).toMatch(/^文本族 \d+ 个，族外关联 \d+ 对，主题相关 \d+ 对，有对应条款的条款 \d+ 个/);
  }, 60_000);

  it('diff --json gives rows whose ops rebuild both units; the human form ends with a summary line; unknown ids exit 1', async () => {
    const pair = (await shardPairs())[0];
    const r = await npx(['diff', pair.a, pair.b, '--json']);
    expect(r.code).toBe(0);
    const al = JSON.parse(r.out);
    expect(al).toMatchObject({ a: pair.a, b: pair.b, options: { ignoreWidth: true, ignoreWhitespace: true, ignoreNumbering: false } });
    expect(Object.keys(al.summary).sort()).toEqual(['changed', 'moved', 'onlyA', 'onlyB', 'overlap', 'same']);
    // The document figure is the one variants (and 相似文本) give the pair.
    expect(al.summary.overlap).toBeCloseTo(Math.max(pair.aInB, pair.bInA), 2);
    for (const row of al.rows) {
      expect(['same', 'changed', 'moved', 'only-a', 'only-b']).toContain(row.status);
      for (const op of row.ops) expect(['=', '-', '+']).toContain(op[0]);
    }
    const human = await npx(['diff', pair.a, pair.b]);
    const last = human.out.trim().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^相同 ${al.summary.same}，有改动 ${al.summary.changed}，移动 ${al.summary.moved}，仅见于 --- ${al.summary.onlyA}，仅见于 \\+\\+\\+ ${al.summary.onlyB}，重合 [\\d.]+%$`));
    expect(human.out.split('\n')[0]).toContain(pair.a);
    const bad = await npx(['diff', pair.a, 'pnope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('没有编号为“pnope”的文档');
    expect((await npx(['diff', pair.a])).code).toBe(2);
  }, 90_000);
});
