/**
 * Laptop widths in real Chromium: the library, search, comparison, 我的标注
 * and export views never scroll sideways at 1024×700 or 800×600
 * (scrollWidth ≤ clientWidth), and the search page uses the width of a wide
 * window with one search box. Screenshots at 1366, 1024 and 800 px land in
 * test-results/ (widths-<view>-<w>.png) to be looked at.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any;

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newAnnotation } from '../../core/annotations/create';
import { serializeAnnotationFile } from '../../core/annotations/file';
import { loadVariants } from '../../cli/commands/variants';
import type { VariantsFile } from '../../core/compare/format';
import { flatten, readCorpus, scenarioDoc } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, LIBRARY_READY, openSession, screenshot, type Session } from './harness';

const dir = corpusDir();
let session: Session;
let page: Page;
let views: { name: string; hash: string; ready: string }[];
const pageErrors: string[] = [];

beforeAll(async () => {
  const facts = readCorpus(dir, dir !== FIXTURE_CORPUS);
  const doc = scenarioDoc(facts);
  // The summary joined with every document's shard (a corpus without variants has none).
  const variants: VariantsFile = await loadVariants(dir);
  const pair = variants?.families.flatMap((f) => f.pairs)[0];
  views = [
    { name: 'library', hash: '#/', ready: LIBRARY_READY },
    { name: 'search', hash: `#/search?q=${encodeURIComponent('政务服务')}`, ready: '.search-group' },
    ...(pair ? [{ name: 'compare', hash: `#/compare/${pair.a}/${pair.b}`, ready: '.cmp-list[aria-busy="false"] .cmp-row' }] : []),
    { name: 'annotations', hash: '#/annotations', ready: '[data-testid=annot-where]' },
    { name: 'export', hash: '#/export', ready: 'section[aria-label="导出预览"][aria-busy="false"]' },
  ];
  if (!pair) console.warn(`laptop-widths: ${dir} has no variant pair; the comparison view is not checked`);
  session = await openSession(dir, { pageErrors });
  page = session.page;
  // Two annotations with a long note, so 我的标注 and the export have content to lay out.
  const contentHash = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).contentHash;
  const units = flatten(doc.units).filter((u) => (u.paragraphs[0]?.text.length ?? 0) > 30);
  const now = new Date();
  const file = serializeAnnotationFile(
    units.slice(0, 2).map((unit, i) =>
      newAnnotation({ motivation: 'commenting', doc, unit, range: { start: 2, end: 20 }, colour: i ? 'blue' : 'yellow', note: '需要在局务会上汇报。'.repeat(8), tags: ['待研究'], contentHash, now }),
    ),
    now,
  );
  await page.goto(`${session.server.url}#/annotations`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
  await chooser.setFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByTestId('annot-count').filter({ hasText: '共 2 条' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

async function open(hash: string, ready: string) {
  await page.goto(`${session.server.url}${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  // Let late layout (fonts, measured rows) settle.
  await page.waitForTimeout(300);
}

const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

describe('no view scrolls sideways on a laptop', () => {
  for (const [w, h] of [
    [1024, 700],
    [800, 600],
  ] as const)
    it(`at ${w}×${h}: library, search, comparison, 我的标注 and export`, async () => {
      await page.setViewportSize({ width: w, height: h });
      const wide: string[] = [];
      for (const v of views) {
        await open(v.hash, v.ready);
        const o = await overflow();
        if (o.scroll > o.client) wide.push(`${v.name}: ${o.scroll} > ${o.client}`);
        await screenshot(page, `widths-${v.name}-${w}`);
      }
      expect(wide).toEqual([]);
    });

  it('at 1366 and 1440: screenshots; the search page uses the width and shows one search box', async () => {
    await page.setViewportSize({ width: 1366, height: 800 });
    for (const v of views) {
      await open(v.hash, v.ready);
      await screenshot(page, `widths-${v.name}-1366`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(views[1].hash, views[1].ready);
    await screenshot(page, 'widths-search-1440');
    // One box holds the query (在结果中搜索 is a different box: it narrows the results).
    const boxes = await page.getByRole('searchbox').evaluateAll((els: any[]) => els.map((e) => e.value));
    expect(boxes.filter((v: string) => v === '政务服务')).toHaveLength(1);
    const results = await page.locator('.search-results').boundingBox();
    expect(results!.width).toBeGreaterThan(900);
    expect(pageErrors).toEqual([]);
  });
});
