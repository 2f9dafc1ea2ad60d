import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../core/corpus/types.js';
import { buildSearchArtifacts } from '../../core/search/artifacts.js';
import type { CommandIO } from '../io.js';
import { UsageError } from '../io.js';
import { run } from './search.js';

const docs: PolicyDocument[] = [
  {
    formatVersion: 1,
    id: 'qd-banfa',
    title: '青岛市政务服务管理办法',
    titleSource: 'title-line',
    issuer: '青岛市人民政府',
    issuers: ['青岛市人民政府'],
    docNumber: null,
    date: '2023-05-01',
    region: { province: '山东省', city: '青岛市' },
    kind: '办法',
    sources: [],
    unitCount: 2,
    charCount: 0,
    addressees: null,
    signature: [],
    units: [
      { id: 'qd-banfa~ar1', path: 'ar1', level: 'article', label: '第一条', heading: null, paragraphs: [{ text: '第一条 推行告知承诺制。', pages: [] }], pages: [], children: [] },
      { id: 'qd-banfa~ar2', path: 'ar2', level: 'article', label: '第二条', heading: null, paragraphs: [{ text: '第二条 融资担保与告知承诺制并行，自 2023 年起施行。', pages: [] }], pages: [], children: [] },
    ],
  } as unknown as PolicyDocument,
];

let dir: string;
let empty: string;

function fakeIO(stdin: string[] = [], tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdinIsTTY: tty,
    async *stdinLines() {
      for (const l of stdin) yield l;
    },
  };
  return { io, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-cli-'));
  mkdirSync(join(dir, 'search'));
  for (const f of buildSearchArtifacts(docs)) writeFileSync(join(dir, 'search', f.path), f.data);
  empty = mkdtempSync(join(tmpdir(), 'search-cli-empty-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

describe('policy-reader search', () => {
  it('--json prints one line with query, total, hits and ms', async () => {
    const { io, out } = fakeIO();
    expect(await run(['--json', '--corpus', dir, '告知承诺制'], io)).toBe(0);
    const r = JSON.parse(out[0]);
    expect(r.query).toBe('告知承诺制');
    expect(r.total).toBe(2);
    expect(r.hits.map((h: { unitId: string }) => h.unitId).sort()).toEqual(['qd-banfa~ar1', 'qd-banfa~ar2']);
    expect(Object.keys(r.hits[0]).sort()).toEqual(['docId', 'ranges', 'score', 'trail', 'unitId']);
    expect(r.hits.every((h: { trail: unknown }) => Array.isArray(h.trail))).toBe(true);
    expect(typeof r.ms).toBe('number');
  });

  it('human output marks matches; words are ANDed; --limit', async () => {
    const { io, out } = fakeIO();
    expect(await run(['--corpus', dir, '--limit', '1', '融资担保', '2023', '年'], io)).toBe(0);
    expect(out[0]).toContain('：1 个文档中共 1 处');
    expect(out[0]).toContain('【融资担保】');
    expect(out[0]).toContain('【2023 年】');
  });

  it('reads queries from stdin, one JSON line each', async () => {
    const { io, out } = fakeIO(['告知承诺制', '', 'ＬＰＲ', '政务服务管理办法']);
    expect(await run(['--corpus', dir, '--scope', 'doc'], io)).toBe(0);
    expect(out.length).toBe(3);
    const rs = out.map((l) => JSON.parse(l));
    expect(rs.map((r) => r.query)).toEqual(['告知承诺制', 'ＬＰＲ', '政务服务管理办法']);
    expect(rs[1].total).toBe(0);
    expect(rs[2].hits[0].docId).toBe('qd-banfa');
  });

  it('usage errors throw UsageError (exit 2 via the dispatcher)', async () => {
    await expect(run(['--limit', 'x', 'a'], fakeIO().io)).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--limit', '0', 'a'], fakeIO().io)).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--scope', 'page', 'a'], fakeIO().io)).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--bogus', 'a'], fakeIO().io)).rejects.toBeInstanceOf(UsageError);
    await expect(run([], fakeIO([], true).io)).rejects.toBeInstanceOf(UsageError);
  });

  it('missing index: clear message, exit 1', async () => {
    const { io, err } = fakeIO();
    expect(await run(['--corpus', empty, 'x'], io)).toBe(1);
    expect(err[0]).toMatch(/里没有检索索引（请先运行 policy-reader build）/);
  });
});
