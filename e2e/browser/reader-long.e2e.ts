/**
 * A long real law in the reading view (issue 20): the 民法典 (~2,000 units) is
 * put on the page in steps, and every behaviour stays exact while it is: an
 * outline jump to an article far down right after opening, Ctrl+F for words
 * that occur only near the end, j past what was first rendered, the reading
 * place kept across a reload. The corpus is built from the law's text
 * (test-data/long/minfadian.txt, see scripts/civil-code.ts).
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any, window: any;

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocSummary, PolicyDocument, Unit } from '../../core/corpus/types';
import { allUnits } from '../../core/corpus/units';
import { buildOutline } from '../../renderer/reader/units';
import { main as cli } from '../../cli/policy-reader';
import { civilCodeRaw } from '../../scripts/civil-code';
import { openSession, type Session } from './harness';


let dir: string;
let session: Session;
let page: Page;
let doc: PolicyDocument;
let units: Unit[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-reader-long-'));
  mkdirSync(join(dir, 'raw'));
  writeFileSync(join(dir, 'raw', 'minfadian.txt'), civilCodeRaw());
  const io = { out: () => {}, err: (t: string) => console.error(t), stdinIsTTY: true, async *stdinLines() {} };
  expect(await cli(['build', '--corpus', dir, '--quiet'], io)).toBe(0);
  const lib = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as DocSummary[];
  doc = JSON.parse(readFileSync(join(dir, 'docs', `${lib.find((d) => d.title.includes('民法典'))!.id}.json`), 'utf8'));
  units = allUnits(doc.units);
  session = await openSession(dir);
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
}, 180_000);
afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const unitCount = () => page.evaluate(() => document.querySelectorAll('[data-unit-id]').length);
const topOf = (id: string) => page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? null, id);

describe('a 2,000-unit law (民法典)', () => {
  it('is parsed into about 2,000 units and shows its first screen before the rest is on the page', async () => {
    expect(units.length).toBeGreaterThan(1800);
    await page.goto(`${session.server.url}#/`);
    await page.locator('[data-testid=doc-row]').first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/doc/${id}`), doc.id);
    await page.locator('[data-unit-id]').first().waitFor();
    const early = await unitCount();
    expect(early).toBeLessThan(units.length);
    await expect.poll(unitCount, { timeout: 20_000 }).toBe(units.length);
  });

  it('jumps from the outline to an article far down at once after opening, and lands on it', async () => {
    await page.goto(`${session.server.url}#/`);
    await page.locator('[data-testid=doc-row]').first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/doc/${id}`), doc.id);
    const outline = page.getByRole('navigation', { name: '目录' });
    // An article of the outline 90% of the way down (far past what is first put on the page).
    const entries: string[] = [];
    const walk = (es: ReturnType<typeof buildOutline>) => es.forEach((e) => (entries.push(e.id), walk(e.children)));
    walk(buildOutline(doc.units));
    const articles = units.filter((u) => u.level === 'article' && entries.includes(u.id));
    const target = articles[Math.floor(articles.length * 0.9)];
    await outline.locator(`a[data-outline-id="${target.id}"]`).click();
    await page.waitForFunction((i) => {
      const r = document.getElementById(i)?.getBoundingClientRect();
      const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;
      return !!r && r.top >= bar - 2 && r.top <= bar + 40;
    }, target.id);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(target.id);
  });

  it('finds words of the last articles with Ctrl+F right after opening', async () => {
    await page.goto(`${session.server.url}#/`);
    await page.locator('[data-testid=doc-row]').first().waitFor();
    await page.evaluate((id) => (window.location.hash = `#/doc/${id}`), doc.id);
    await page.locator('[data-unit-id]').first().waitFor();
    await page.keyboard.press('Control+f');
    // 《中华人民共和国婚姻法》 is named once, in the article that repeals the old laws (附则).
    const term = '中华人民共和国婚姻法';
    const expected = units.flatMap((u) => u.paragraphs).reduce((n, p) => n + (p.text.split(term).length - 1), 0);
    expect(expected).toBeGreaterThan(0);
    await page.getByLabel('在本文中查找', { exact: true }).and(page.locator('input')).fill(term);
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toBe(`1/${expected}`);
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.find-current')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await page.keyboard.press('Escape');
  });

  it('keeps the reading place of a clause far down across a reload', async () => {
    const target = units.filter((u) => u.level === 'article')[800];
    await page.goto(`${session.server.url}#/doc/${doc.id}/${encodeURIComponent(target.id)}`);
    await page.locator(`[id="${target.id}"]`).waitFor();
    await page.waitForTimeout(900); // the throttled position writer (400 ms)
    await page.goto(`${session.server.url}#/`);
    await page.locator('[data-testid=doc-row]').first().waitFor();
    await page.goto(`${session.server.url}#/doc/${doc.id}`);
    await page.reload();
    await page.locator(`[id="${target.id}"]`).waitFor();
    await expect.poll(async () => Math.abs(((await topOf(target.id)) ?? 999) - 60) < 60, { timeout: 5000 }).toBe(true);
  });
});
