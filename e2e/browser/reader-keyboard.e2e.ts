/**
 * The reading view from the keyboard alone (issue 18 item 13): open a document
 * with Enter, move to a clause, highlight it, select words with Shift+→ and
 * reach the toolbar with Tab, select a sentence with s, add a note, bookmark
 * the clause. No mouse or pointer event is dispatched (counted in the page).
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any, window: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { corpusDir, FIXTURE_CORPUS, openSession, screenshot, type Session } from './harness';
import { flatten, readCorpus, scenarioDoc } from './corpus-facts';
import { body, stored } from './annotation-helpers';

let session: Session;
let page: Page;
let doc: PolicyDocument;
let units: Map<string, Unit>;

beforeAll(async () => {
  const dir = corpusDir();
  doc = scenarioDoc(readCorpus(dir, dir !== FIXTURE_CORPUS));
  units = new Map(flatten(doc.units).map((u) => [u.id, u]));
  session = await openSession(dir);
  page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => session?.close());

const focusedId = (): Promise<string | null> => page.evaluate(() => document.activeElement?.closest('[data-unit-id]')?.dataset.unitId ?? null);
const quote = (a: any) => a.target.selector.find((s: any) => s.type === 'TextQuoteSelector')?.exact;
const onUnit = (id: string) => (a: any) => a.target['policyReader:unitId'] === id;
/** j until the focus is on a clause with words of its own (j also stops on chapter headings, which have none). */
async function nextClauseWithText(): Promise<string> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('j');
    const id = await focusedId();
    if (id && body(units.get(id)!).length > 0) return id;
  }
  throw new Error('no clause with text within 12 presses of j');
}

describe(`keyboard only (${corpusDir() === FIXTURE_CORPUS ? 'fixture' : 'real'} corpus)`, () => {
  it('opens a document with Enter, the focus in the text; j moves to a clause; h highlights the whole clause', async () => {
    await page.goto(`${session.server.url}#/`);
    await page.locator('[data-testid=doc-row]').first().waitFor();
    await page.evaluate(() => {
      window.__pointer = 0;
      for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'mousemove']) document.addEventListener(t, (e: any) => e.isTrusted && window.__pointer++, true);
    });
    await page.getByRole('link', { name: doc.title, exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.units').waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('#reading-text'));
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    const id = (await focusedId())!;
    const unit = units.get(id)!;
    expect(body(unit).length, `${id} has text`).toBeGreaterThan(0);
    await page.keyboard.press('h');
    await expect.poll(async () => (await stored(page)).filter(onUnit(id)).map(quote)).toEqual([body(unit)]);
    // The focus stays in the clause: the next keys carry on from there.
    expect(await focusedId()).toBe(id);
  });

  it('selects words with Shift+→, reaches the toolbar with Tab and highlights them with Enter', async () => {
    await page.keyboard.press('j');
    const id = (await focusedId())!;
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    const selected: string = await page.evaluate(() => window.getSelection().toString());
    expect(selected).toBe(body(units.get(id)!).slice(0, 6));
    const toolbar = page.getByRole('toolbar', { name: '标注所选文字' });
    await toolbar.waitFor();
    await page.keyboard.press('Tab');
    expect(await toolbar.evaluate((t: any) => t.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored(page)).filter(onUnit(id)).map(quote)).toEqual([selected]);
    expect(await focusedId()).toBe(id);
  });

  it('highlights every word selected when the toolbar is pressed, though the toolbar is a frame behind the selection', async () => {
    const id = await nextClauseWithText();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('toolbar', { name: '标注所选文字' }).waitFor();
    // Two more characters and the press in one task: no animation frame runs between them (the toolbar's state
    // follows the selection a frame late), as when Shift+→ and Enter come within 16 ms of each other.
    const selected: string = await page.evaluate(() => {
      const s = window.getSelection();
      s.modify('extend', 'forward', 'character');
      s.modify('extend', 'forward', 'character');
      document.querySelector('[role=toolbar][aria-label="标注所选文字"] button.last, [role=toolbar][aria-label="标注所选文字"] button').click();
      return s.toString();
    });
    expect(selected).toBe(body(units.get(id)!).slice(0, 5));
    await expect.poll(async () => (await stored(page)).filter(onUnit(id)).map(quote)).toEqual([selected]);
  });

  it('selects the clause\'s first sentence with s, then the next', async () => {
    const id = await nextClauseWithText();
    const text = body(units.get(id)!);
    await page.keyboard.press('s');
    const first: string = await page.evaluate(() => window.getSelection().toString());
    expect(first.length).toBeGreaterThan(0);
    expect(text.startsWith(first)).toBe(true);
    expect(first).toMatch(/[。；！？]$|^[^。；！？]+$/);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.getSelection().removeAllRanges());
  });

  it('adds a note to the current clause with n, and bookmarks it with b', async () => {
    // A selection removed just before the keys (the toolbar learns of it one animation frame late):
    // frames are held while the keys are pressed, so n must read the live selection, not the stale one.
    await page.keyboard.press('s');
    await page.getByRole('toolbar', { name: '标注所选文字' }).waitFor();
    // Two frames first, so no update already scheduled by the selection of s is still pending.
    await page.evaluate(() => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r))));
    await page.evaluate(() => {
      const w = window as any;
      w.__held = [];
      w.__raf = w.requestAnimationFrame;
      w.requestAnimationFrame = (cb: any) => w.__held.push(cb);
      w.getSelection().removeAllRanges();
    });
    const id = await nextClauseWithText();
    await page.keyboard.press('n');
    await page.evaluate(() => {
      const w = window as any;
      w.requestAnimationFrame = w.__raf;
      for (const cb of w.__held.splice(0)) w.requestAnimationFrame(cb);
    });
    const editor = page.getByRole('dialog', { name: '编辑标注' });
    await editor.waitFor();
    await page.keyboard.type('待研究：与上位法衔接');
    // Esc closes the editor, keeps what was typed, and gives the focus back to the clause.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await stored(page)).filter(onUnit(id)).map((a: any) => a.body?.find?.((b: any) => b.purpose === 'commenting')?.value ?? null)).toEqual(['待研究：与上位法衔接']);
    expect(await focusedId()).toBe(id);
    await page.keyboard.press('b');
    await expect.poll(async () => (await stored(page)).filter((a: any) => a.motivation === 'bookmarking').map((a: any) => a.target['policyReader:unitId'])).toEqual([id]);
    await screenshot(page, 'reader-keyboard');
    expect(await page.evaluate(() => window.__pointer)).toBe(0);
  });
});
