/**
 * The corpus changes under the user's annotations: highlight words of 第十条
 * and add a note, then rebuild the corpus with `npx policy-reader build` from a
 * copy of the raw files where a paragraph was inserted before the clause, serve
 * the new corpus on the same origin (same IndexedDB) and reopen. The highlight
 * must be painted on the same words, or listed under 未能定位 — never lost.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const CSS: any;

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { REPO, startPreviewServer, type PreviewServer } from '../../scripts/preview-server';
import { body, dragSelect, painted, pick, stored } from './annotation-helpers';
import { flatten, readCorpus, scenarioDoc } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, screenshot, openSession, type Session } from './harness';

const INSERTED = '为测试重建而插入的一段文字，它在第十条之前。';

let server: PreviewServer;
let session: Session;
let page: Page;
let doc: PolicyDocument;
let a10: Unit;
let work: string;
const pageErrors: string[] = [];
const real = corpusDir() !== FIXTURE_CORPUS;
// A skip says why (issue 19): the rebuild edits the real raw files, whose documents the fixture corpus does not hold.
const SKIP_REASON = real
  ? null
  : `skipped "annotations after a corpus rebuild": it needs the real corpus built in resources/corpus (npm run build:corpus); the app is serving the e2e fixture corpus (${corpusDir()}), whose documents are not in the raw files the test rebuilds`;
if (SKIP_REASON) console.warn(SKIP_REASON);

/** Inserts INSERTED as its own line before every raw line that opens 第十条 of the scenario document (all its copies). */
function editRaw(rawDir: string, opening: string): number {
  let edits = 0;
  for (const f of readdirSync(rawDir)) {
    const path = join(rawDir, f);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const out: string[] = [];
    for (const line of lines) {
      if (/^\s*第十条/.test(line) && line.replace(/\s+/g, '').includes(opening)) {
        out.push(INSERTED);
        edits++;
      }
      out.push(line);
    }
    if (out.length !== lines.length) writeFileSync(path, out.join('\n'));
  }
  return edits;
}

beforeAll(async () => {
  const dir = corpusDir();
  doc = scenarioDoc(readCorpus(dir, real));
  a10 = flatten(doc.units).find((u) => u.level === 'article' && u.label === '第十条')!;
  work = mkdtempSync(join(tmpdir(), 'policy-reader-rebuild-'));
  session = await openSession(dir, { pageErrors });
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(SKIP_REASON !== null)('annotations after a corpus rebuild (real corpus)', () => {
  it('keeps a highlight on the same words when a paragraph is inserted before its clause', async () => {
    const words = pick(a10, 4, 12);
    await page.goto(`${server.url}#/doc/${doc.id}/${encodeURIComponent(a10.id)}`);
    await page.waitForSelector(`[id="${a10.id}"] p[data-para]`);
    await dragSelect(page, a10.id, words.start, words.end);
    await page.getByRole('button', { name: '高亮：蓝色' }).click();
    await expect.poll(async () => (await stored(page)).length).toBe(1);
    const before = (await stored(page))[0];

    // Rebuild from an edited copy of the raw files with the CLI users run.
    const raw = join(work, 'raw');
    const out = join(work, 'corpus');
    cpSync(join(REPO, 'resources', 'corpus', 'raw'), raw, { recursive: true });
    expect(editRaw(raw, body(a10).replace(/\s+/g, '').slice(0, 8))).toBeGreaterThan(0);
    await promisify(execFile)('npx', ['policy-reader', 'build', '--raw', raw, '--corpus', out, '--quiet'], { cwd: REPO, timeout: 170_000 });
    const rebuilt = readCorpus(out, true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).contentHash).not.toBe(before.target['policyReader:contentHash']);
    const newDoc = rebuilt.library.find((d) => d.id === doc.id) ?? rebuilt.library.find((d) => d.title === doc.title);
    expect(newDoc, 'the scenario document is still in the rebuilt corpus').toBeTruthy();
    expect(JSON.stringify(rebuilt.doc(newDoc!.id))).toContain(INSERTED);

    // Same origin (same port), new corpus: the app re-anchors at start.
    const port = Number(new URL(server.url).port);
    await server.close();
    server = session.server = await startPreviewServer({ port, corpusDir: out });
    // A fresh page load (a hash change alone would keep the running app and its cached corpus).
    await page.goto('about:blank');
    await page.goto(`${server.url}#/doc/${newDoc!.id}`);
    // The startup re-anchoring pass records a User Timing entry when it is done (whether or not it had to rewrite the record).
    await page.waitForFunction((name) => (performance as unknown as { getEntriesByName(n: string): unknown[] }).getEntriesByName(name).length > 0, 'policy-reader:reanchor', { timeout: 20_000 });
    const after = (await stored(page))[0];
    if (after['policyReader:orphaned']) {
      await page.goto(`${server.url}#/annotations`);
      await page.getByRole('heading', { name: /未能定位/ }).waitFor();
      await page.getByTestId('annot-list').getByText(words.text).waitFor();
    } else {
      await page.reload();
      await page.waitForFunction(() => CSS.highlights.has('annot-blue'), undefined, { timeout: 10_000 });
      expect(await painted(page, 'annot-blue')).toEqual([words.text]);
      const quote = after.target.selector.find((s: any) => s.type === 'TextQuoteSelector').exact;
      expect(quote).toBe(words.text);
      await screenshot(page, 'annotations-after-rebuild');
    }
    expect(pageErrors).toEqual([]);
  });
});
