/**
 * Where the file system has no hard links (FAT or exFAT on a USB drive, some network shares: `link` fails with
 * EPERM or ENOTSUP), every file is written, the first refusal ends the attempts, and the build is the same.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';

const refused = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const link = () => {
    refused.calls++;
    return Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));
  };
  return { ...fs, default: { ...fs, link }, link };
});

const { writeCorpus } = await import('./corpus-files.js');
const { build, removeTmpDirs, sha, tmp, tree, 政务服务 } = await import('../test-support/corpus-folders.js');

afterAll(removeTmpDirs);

describe('a file system without hard links', () => {
  it('stops linking at the first refusals (the few files already in flight), writes every file, and the version is whole', async () => {
    const dir = await tmp();
    const docs = Array.from({ length: 40 }, (_, i) => ({ ...政务服务, id: `p${String(i).padStart(11, '0')}`, article: `第${i + 1}条 ${政务服务.article}` }));
    const b = build(docs, { newer: true });
    expect(b.files.length).toBeGreaterThan(80);
    const files = () => b.files.map(([rel, content]): [string, string, string?] => (rel === 'manifest.json' ? [rel, content] : [rel, content, sha(content)]));
    await writeCorpus(dir, files());
    expect(refused.calls).toBe(0);
    const r = await writeCorpus(dir, files());
    // Eight files are placed at a time (writeCorpus): those already asking when the first refusal came.
    expect(refused.calls).toBeGreaterThan(0);
    expect(refused.calls).toBeLessThanOrEqual(8);
    expect(r.linked).toBe(0);
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(b.byPath);
  });
});
