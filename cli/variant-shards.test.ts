/**
 * The variants shards of a rebuild (cli/variant-shards.ts): a shard whose makings are unchanged is linked from the
 * previous version by its recorded hash, one the change reached is made, and the version is byte for byte what a
 * full build writes; a record that is not this version's, not this code's or does not read keeps nothing. On the
 * sample corpus, through main(): a clause of a 征求意见稿 edited so that its counterpart in the final text is less alike.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './policy-reader.js';
import { DEFAULT_CORPUS_DIR } from './corpus-files.js';
import { previousShards } from './variant-shards.js';
import { tree } from '../test-support/corpus-folders.js';

const tmpDirs: string[] = [];
afterAll(() => Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true }))));

async function sampleCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-shards-'));
  tmpDirs.push(dir);
  await cp(path.join(DEFAULT_CORPUS_DIR, 'raw'), path.join(dir, 'raw'), { recursive: true });
  return dir;
}

async function build(dir: string): Promise<{ variantShardsKept: number; linkedFiles: number; subjectTermsKept: number; commonShinglesKept: boolean; sharedCountsKept: number; documents: number }> {
  const out: string[] = [];
  const code = await main(['build', '--corpus', dir, '--json', '--jobs', '0'], { out: (t) => out.push(t), err: () => undefined, stdinIsTTY: true, async *stdinLines() {} });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

/** The version's variants shards: name → text. */
const shards = (dir: string) => tree(path.join(dir, 'current', 'variants'));

async function everyFile(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(path.join(dir, 'current'), { recursive: true })) as string[]) {
    const at = path.join(dir, 'current', rel);
    if (lstatSync(at).isFile()) out[rel] = await readFile(at, 'utf8');
  }
  return out;
}

// In 厦门市…行动方案（征求意见稿） (raw 003), a measure whose final text (the 通知's attachment) is 0.901 alike.
const RAW = '003_3b0432dd4a7437f5.txt';
const edit = (text: string) => text.replace('做大做强离岸型总部经济。大力拓展跨境电商新模式，做大跨境电商保税', '做大做强总部经济。');
const DRAFT = 'pc8aa83555d3.json';
const FINAL = 'p250748c6dd4.json';

describe('the variants shards of a rebuild', () => {
  it('links the shards a change did not reach, makes those it did, and writes what a full build writes', async () => {
    const dir = await sampleCorpus();
    const first = await build(dir);
    expect([first.variantShardsKept, first.subjectTermsKept, first.commonShinglesKept]).toEqual([0, 0, false]);
    const before = await shards(dir);
    const names = Object.keys(before);
    expect(names.length).toBeGreaterThan(20);
    const raw = path.join(dir, 'raw', RAW);
    const text = await readFile(raw, 'utf8');
    expect(edit(text)).not.toBe(text);
    await writeFile(raw, edit(text));
    const r = await build(dir);
    const after = await shards(dir);
    // The two texts' shards give the measure's new likeness; every other shard is as it was, and was not made.
    const changed = names.filter((f) => before[f] !== after[f]);
    expect(changed).toEqual(expect.arrayContaining([DRAFT, FINAL]));
    expect(JSON.parse(after[DRAFT]).clauses['pc8aa83555d3~a3.b1.c3'][0].similarity).toBeLessThan(0.901);
    expect(r.variantShardsKept).toBeGreaterThan(names.length / 2);
    expect(r.variantShardsKept).toBeLessThanOrEqual(names.length - changed.length);
    // Subject pairs read the terms of the edited document alone from its text (cli/subject-thread.ts).
    expect(r.subjectTermsKept).toBe(r.documents - 1);
    // The common shingles: the last build's counts, the edited document's set taken away and its new one added (core/compare/common-counts.ts).
    expect(r.commonShinglesKept).toBe(true);
    // Pairs of documents whose units kept their clause matches keep their shared clause count (core/compare/shared-counts.ts).
    expect(first.sharedCountsKept).toBe(0);
    expect(r.sharedCountsKept).toBeGreaterThan(0);

    const full = await sampleCorpus();
    await writeFile(path.join(full, 'raw', RAW), edit(text));
    const fullBuild = await build(full);
    expect([fullBuild.variantShardsKept, fullBuild.commonShinglesKept]).toEqual([0, false]);
    expect(await everyFile(dir)).toEqual(await everyFile(full));
  }, 120_000);

  it('keeps nothing on a record of another version, of other code, or one that does not read; then keeps all again', async () => {
    const dir = await sampleCorpus();
    await build(dir);
    const count = Object.keys(await shards(dir)).length;
    const state = path.join(dir, 'cache', 'variant-shards.json');
    // A rebuild with nothing changed makes no shard.
    expect((await build(dir)).variantShardsKept).toBe(count);
    const tamper = async (change: (s: string) => string) => {
      await writeFile(state, change(await readFile(state, 'utf8')));
      return (await build(dir)).variantShardsKept;
    };
    expect(await tamper((s) => s.replace(/"code":"[0-9a-f]/, '"code":"x'))).toBe(0);
    expect(await tamper((s) => s.replace(/"version":"/, '"version":"x'))).toBe(0);
    expect(await tamper((s) => s.replace(/"format":1/, '"format":2'))).toBe(0);
    expect(await tamper((s) => s.replace(/"shards":\[\["/, '"shards":[[1,"'))).toBe(0);
    expect(await tamper((s) => s.slice(0, s.length / 2))).toBe(0);
    await rm(state);
    expect((await build(dir)).variantShardsKept).toBe(0);
    expect((await build(dir)).variantShardsKept).toBe(count);
    // A shard edited in place since its build wrote it is made again from its makings, not linked, and checked against its recorded hash.
    const shard = path.join(dir, 'current', 'variants', (await readdir(path.join(dir, 'current', 'variants')))[0]);
    const was = await readFile(shard, 'utf8');
    await writeFile(shard, was.replace('"similarity":', '"similarity": '));
    const again = await build(dir);
    expect(again.variantShardsKept).toBe(count);
    expect(await readFile(path.join(dir, 'current', 'variants', path.basename(shard)), 'utf8')).toBe(was);
  }, 120_000);
});

describe('the shards record', () => {
  // A record as a build saves it, of the version `current` points to: one shard, its fingerprint (32 digits) and hash (64).
  const PRINT = '0123456789abcdef'.repeat(2);
  const SHA = 'fedcba9876543210'.repeat(4);
  const REL = 'variants/p1.json';
  async function recordWith(entry: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-shard-record-'));
    tmpDirs.push(dir);
    await mkdir(path.join(dir, 'versions', 'v1'), { recursive: true });
    await symlink(path.join('versions', 'v1'), path.join(dir, 'current'));
    await mkdir(path.join(dir, 'cache'));
    await writeFile(path.join(dir, 'cache', 'variant-shards.json'), `{"format":1,"version":"v1","code":"c1","shards":[${entry},["variants/p2.json","${PRINT}","${SHA}"]]}`);
    return dir;
  }
  const knownWith = async (entry: string) => (await previousShards(await recordWith(entry), 'c1')).known('variants/p2.json', PRINT);

  it('hands on a shard by its hash only where every entry is as written; one that is not keeps none', async () => {
    const dir = await recordWith(`["${REL}","${PRINT}","${SHA}"]`);
    const record = await previousShards(dir, 'c1');
    expect(record.known(REL, PRINT)).toBe(SHA);
    expect(record.known(REL, `${PRINT.slice(1)}0`)).toBeUndefined();
    expect(record.known('variants/p3.json', PRINT)).toBeUndefined();
    expect(record.reused).toBe(1);
    expect(await knownWith(`["${REL}","${PRINT}","${SHA}"]`)).toBe(SHA);
    // Another code's record keeps nothing.
    expect((await previousShards(dir, 'c2')).known(REL, PRINT)).toBeUndefined();
    // One entry not as written: a character before or after a fingerprint or a hash, a path not a string, a fourth
    // part, an object for the triple. The other entry, sound, is not trusted either.
    for (const bad of [
      `["${REL}","x${PRINT}","${SHA}"]`,
      `["${REL}","${PRINT}x","${SHA}"]`,
      `["${REL}","${PRINT.slice(2)}","${SHA}"]`,
      `["${REL}","${PRINT}","x${SHA}"]`,
      `["${REL}","${PRINT}","${SHA}x"]`,
      `["${REL}","${PRINT}","${SHA.slice(2)}"]`,
      `[1,"${PRINT}","${SHA}"]`,
      `["${REL}","${PRINT}","${SHA}","${SHA}"]`,
      `{"0":"${REL}","1":"${PRINT}","2":"${SHA}","length":3}`,
    ])
      expect(await knownWith(bad), bad).toBeUndefined();
  });
});
