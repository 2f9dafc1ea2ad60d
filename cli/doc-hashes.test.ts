/**
 * A document's file hash (cli/doc-hashes.ts): the SHA-256 of its file as the build writes it, made once per
 * document, and the variants cache names its entries by it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PREPARED_CACHE_VERSION } from '../core/compare/prepared-cache.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { DocHashes } from './doc-hashes.js';
import { variantsCache } from './variants-cache.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const doc = (id: string, text: string) => ({ id, title: `关于${text}的通知`, units: [{ id: `${id}~p1`, paragraphs: [{ text, pages: [1] }], children: [] }] }) as unknown as PolicyDocument;
const dirs: string[] = [];
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
