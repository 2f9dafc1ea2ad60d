/**
 * Where the file system has no hard links (FAT or exFAT on a USB drive, some network shares: `link` fails with
 * EPERM, ENOTSUP…), every file is written, the first refusal ends the attempts, and the build is the same. A link
 * refused for one file alone (EMLINK: that file has too many names) is written and the others still linked.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';

const refusal = vi.hoisted(() => ({ code: 'EPERM', only: null as string | null, calls: 0 }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const linkSync = (from: string, to: string) => {
    if (refusal.only !== null && !to.endsWith(refusal.only)) return fs.linkSync(from, to);
    refusal.calls++;
    throw Object.assign(new Error(`${refusal.code}: refused, link`), { code: refusal.code });
  };
  return { ...fs, default: { ...fs, linkSync }, linkSync };
});

const { writeCorpus } = await import('./corpus-files.js');
const { build, removeTmpDirs, sha, tmp, tree, 政务服务 } = await import('../test-support/corpus-folders.js');

afterAll(removeTmpDirs);

const docs = Array.from({ length: 40 }, (_, i) => ({ ...政务服务, id: `p${String(i).padStart(11, '0')}`, article: `第${i + 1}条 ${政务服务.article}` }));
const b = build(docs, { newer: true });
const files = () => b.files.map(([rel, content]): [string, string, string?] => (rel === 'manifest.json' ? [rel, content] : [rel, content, sha(content)]));

describe('a file system without hard links', () => {
  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'])('stops linking at the first refusal with %s, writes every file, and the version is whole', async (code) => {
    Object.assign(refusal, { code, only: null, calls: 0 });
    const dir = await tmp();
    expect(b.files.length).toBeGreaterThan(80);
    await writeCorpus(dir, files());
    expect(refusal.calls).toBe(0);
    const r = await writeCorpus(dir, files());
    // A link is made at once (version-files.ts): the first refusal is the last attempt.
    expect(refusal.calls).toBe(1);
    expect(r.linked).toBe(0);
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(b.byPath);
  });

  it('writes a file whose link alone was refused (EMLINK) and links every other', async () => {
    Object.assign(refusal, { code: 'EMLINK', only: `docs/${docs[3].id}.json`, calls: 0 });
    const dir = await tmp();
    await writeCorpus(dir, files());
    const r = await writeCorpus(dir, files());
    expect(refusal.calls).toBe(1);
    expect(r.linked).toBe(b.files.length - 2);
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(b.byPath);
  });
});
