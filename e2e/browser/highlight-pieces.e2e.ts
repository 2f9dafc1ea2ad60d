/**
 * A highlight over a clause of several paragraphs colours their words only. Where a paragraph begins on a new
 * page, its page number (第9页) sits between the two paragraphs' words in the page; at laptop widths it is in
 * the text's own line, so a highlight painted as one range coloured its digit too.
 *
 * The clause's controls (☆, 复制引用), shown at its bottom right with the focus, covered that number when the
 * last paragraph was one line.
 *
 * The scenario document's 第十条 is served as two paragraphs on pages 8 and 9 (the fixture corpus has no clause
 * of two paragraphs across a page); it is highlighted whole from the keyboard (h), and what is painted is read
 * back from the highlight registry. The expected words are the served paragraphs' own.
 */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const CSS: any;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { body, painted, scenarioArticles, stored } from './annotation-helpers';
import { readCorpus, scenarioDoc } from './corpus-facts';
import { corpusDir, FIXTURE_CORPUS, openSession, screenshot, type Session } from './harness';

let session: Session;
let page: Page;
let doc: PolicyDocument;
let a10: Unit;
let halves: [string, string];

/** The document as served, with 第十条 split into two paragraphs, the second on the next page. */
function withPageTurn(d: PolicyDocument): PolicyDocument {
  const split = (units: Unit[]): Unit[] =>
    units.map((u) =>
      u.id === a10.id
        ? { ...u, paragraphs: [{ text: halves[0], pages: [8] }, { text: halves[1], pages: [9] }], pages: [8, 9] }
        : { ...u, children: split(u.children) },
    );
  return { ...d, units: split(d.units) };
}

beforeAll(async () => {
  const dir = corpusDir();
  doc = scenarioDoc(readCorpus(dir, dir !== FIXTURE_CORPUS));
  ({ a10 } = scenarioArticles(doc, 20));
  const text = body(a10);
  const cut = Math.floor(text.length / 2);
  halves = [text.slice(0, cut), text.slice(cut)];
  session = await openSession(dir);
  page = session.page;
  await page.route(`**/corpus/docs/${encodeURIComponent(doc.id)}.json`, (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(withPageTurn(doc)) }),
  );
});
afterAll(async () => session?.close());

describe('a highlight across a page turn', () => {
  it("colours the two paragraphs' words and not the page number between them (800 px)", async () => {
    await page.setViewportSize({ width: 800, height: 800 });
    await page.goto(`${session.server.url}#/doc/${doc.id}/${encodeURIComponent(a10.id)}`);
    await page.locator(`[id="${a10.id}"] p[data-para="1"] .page-mark`).waitFor();
    // A deep link puts the focus on its clause: h highlights the whole of it.
    await page.keyboard.press('h');
    await expect.poll(async () => (await stored(page)).length).toBe(1);
    await page.waitForFunction(() => CSS.highlights.has('annot-yellow'));
    await screenshot(page, 'highlight-page-turn-800');
    // One range per paragraph's words: painted as one range, the text between them held the page number (9).
    expect(await painted(page, 'annot-yellow')).toEqual(halves);
  });

  // In the text's line at 800 px, in the right gutter at 1024 px: the controls covered it at both.
  for (const width of [800, 1024])
  it(`keeps the page number of a one-line last paragraph clear of the clause controls shown with the focus (${width} px)`, async () => {
    await page.setViewportSize({ width, height: 800 });
    // The focus is still on 第十条 (the test above): ☆ and 复制引用 are showing at the clause's bottom right.
    const mark = (await page.locator(`[id="${a10.id}"] p[data-para="1"] .page-mark`).boundingBox())!;
    const buttons = page.locator(`[id="${a10.id}"] button`);
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const b of await buttons.all()) {
      if (!(await b.isVisible())) continue;
      const r = (await b.boundingBox())!;
      const apart = r.x >= mark.x + mark.width || mark.x >= r.x + r.width || r.y >= mark.y + mark.height || mark.y >= r.y + r.height;
      expect(apart, `${await b.getAttribute('aria-label')} covers 第9页`).toBe(true);
    }
  });
});
