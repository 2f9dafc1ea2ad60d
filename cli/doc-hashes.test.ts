/**
 * A document's file hash (cli/doc-hashes.ts): the SHA-256 of its file as the build writes it, made once per
 * document, and the variants cache names its entries by it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PREPARED_CACHE_VERSION } from '../core/compare/prepared-cache.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { DEFAULT_CORPUS_DIR } from './corpus-files.js';
import { DocHashes } from './doc-hashes.js';
import { main } from './policy-reader.js';
import { variantsCache } from './variants-cache.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const doc = (id: string, text: string) => ({ id, title: `关于${text}的通知`, units: [{ id: `${id}~p1`, paragraphs: [{ text, pages: [1] }], children: [] }] }) as unknown as PolicyDocument;
const dirs: string[] = [];
const tmp = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `policy-reader-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a document file hash', () => {
  it('is the SHA-256 of the document written as one line of JSON, made once per document', () => {
    const hashes = new DocHashes();
    const d = doc('p1', '加强数据安全管理');
    const first = hashes.of(d);
    expect(first).toBe(sha(`${JSON.stringify(d)}\n`));
    expect(hashes.of(doc('p2', '加强数据安全管理'))).not.toBe(first);
    // Read once: the build does not change a document once assembled, so a second ask is not a second reading.
    (d as { title: string }).title = '改过的标题';
    expect(hashes.of(d)).toBe(first);
  });

  it("names the document's variants cache entry, with the entry format, through the hashes the writer is given", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-dochash-'));
    dirs.push(dir);
    const hashes = new DocHashes();
    const d = doc('p1', '优化营商环境');
    const cache = variantsCache(dir, hashes);
    expect(cache.key!(d)).toBe(`${sha(`variants ${PREPARED_CACHE_VERSION}\n${sha(`${JSON.stringify(d)}\n`)}`)}.bin`);
    // The same text under another object is the same entry; another text is another.
    expect(variantsCache(dir).key!(JSON.parse(JSON.stringify(d)))).toBe(cache.key!(d));
    expect(variantsCache(dir).key!(doc('p1', '优化政务服务'))).not.toBe(cache.key!(d));
  });
});

describe("a rebuild's document hashes", () => {
  it('are the last build’s for a document of the same provenance, counted; any other document is hashed', () => {
    const hashes = new DocHashes();
    const [a, b] = [doc('p1', '加强数据安全管理'), doc('p2', '优化营商环境')];
    // A stand-in hash shows that the last build's is taken, not the document read again.
    const stored = 'f'.repeat(64);
    hashes.keep([a, b], ['p1\n标题\na.txt\t00\t0', 'p2\n标题\nb.txt\t00\t0'], new Map([[sha('p1\n标题\na.txt\t00\t0'), stored]]));
    expect(hashes.kept).toBe(1);
    expect(hashes.of(a)).toBe(stored);
    expect(hashes.of(b)).toBe(sha(`${JSON.stringify(b)}\n`));
  });

  async function build(dir: string): Promise<{ docHashesKept: number; documents: number; contentHash: string }> {
    const out: string[] = [];
    const code = await main(['build', '--corpus', dir, '--json', '--jobs', '0'], { out: (t) => out.push(t), err: () => undefined, stdinIsTTY: true, async *stdinLines() {} });
    expect(code).toBe(0);
    return JSON.parse(out.join('\n'));
  }

  it('are kept for every document a changed file did not give, with the output of a full build; a record not of this version or code, or unreadable, keeps none', async () => {
    const dir = tmp('dochash');
    await cp(path.join(DEFAULT_CORPUS_DIR, 'raw'), path.join(dir, 'raw'), { recursive: true });
    const first = await build(dir);
    expect(first.docHashesKept).toBe(0);
    // A word changed in one raw file: the documents with a copy in it are hashed again.
    const name = '003_3b0432dd4a7437f5.txt';
    const raw = path.join(dir, 'raw', name);
    const text = await readFile(raw, 'utf8');
    await writeFile(raw, text.replace('做大做强离岸型总部经济', '做大做强总部经济'));
    const library = JSON.parse(await readFile(path.join(dir, 'current', 'library.json'), 'utf8')) as { sources: { file: string }[] }[];
    const fromIt = library.filter((d) => d.sources.some((s) => s.file === name)).length;
    expect(fromIt).toBeGreaterThan(0);
    const rebuilt = await build(dir);
    expect(rebuilt.docHashesKept).toBe(first.documents - fromIt);
    const full = tmp('dochash-full');
    await cp(path.join(dir, 'raw'), path.join(full, 'raw'), { recursive: true });
    expect((await build(full)).contentHash).toBe(rebuilt.contentHash);

    const record = path.join(dir, 'cache', 'doc-hashes.json');
    const tamper = async (change: (s: string) => string) => {
      await writeFile(record, change(await readFile(record, 'utf8')));
      return (await build(dir)).docHashesKept;
    };
    expect(await tamper((s) => s)).toBe(first.documents);
    expect(await tamper((s) => s.replace(/"code":"[0-9a-f]/, '"code":"x'))).toBe(0);
    expect(await tamper((s) => s.replace(/"version":"/, '"version":"x'))).toBe(0);
    expect(await tamper((s) => s.replace(/"format":1/, '"format":2'))).toBe(0);
    // One entry not as written (a character before or after a hash, a third part, not a pair): none is trusted.
    expect(await tamper((s) => s.replace(/"hashes":\[\["/, '"hashes":[["x'))).toBe(0);
    expect(await tamper((s) => s.replace(/"hashes":\[\["([0-9a-f]{64})","([0-9a-f]{64})"/, '"hashes":[["$1","$2x"'))).toBe(0);
    expect(await tamper((s) => s.replace(/"hashes":\[\["([0-9a-f]{64})","([0-9a-f]{64})"\]/, '"hashes":[["$1","$2","$2"]'))).toBe(0);
    expect(await tamper((s) => s.replace(/"hashes":\[\["([0-9a-f]{64})","([0-9a-f]{64})"\]/, '"hashes":[{"0":"$1","1":"$2","length":2}'))).toBe(0);
    expect(await tamper((s) => s.slice(0, s.length / 2))).toBe(0);
    expect((await build(dir)).docHashesKept).toBe(first.documents);
  }, 120_000);
});
