/**
 * The e2e fixture corpus (e2e/fixtures/corpus) is generated and committed. When a format changes (the
 * search index, the variants files) and nobody regenerates it, the browser tests run on files the app no
 * longer writes, and only an unrelated test notices. This writes it afresh aside and compares every file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const COMMITTED = path.join(ROOT, 'e2e', 'fixtures', 'corpus');
const fresh = mkdtempSync(path.join(tmpdir(), 'fixture-corpus-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

const files = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) ?? []).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('e2e fixture corpus', () => {
  it('is what make-fixture-corpus.ts writes today (else: npx tsx e2e/fixtures/make-fixture-corpus.ts)', () => {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'e2e', 'fixtures', 'make-fixture-corpus.ts'), fresh], { cwd: ROOT, stdio: 'pipe' });
    expect(files(COMMITTED)).toEqual(files(fresh));
    for (const f of files(fresh)) expect(readFileSync(path.join(COMMITTED, f), 'utf8'), f).toBe(readFileSync(path.join(fresh, f), 'utf8'));
  });
});
