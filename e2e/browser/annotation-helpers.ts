/** Shared by the annotation e2e tests: selecting like a person, and reading what IndexedDB and the highlight registry hold. */
// page.evaluate callbacks run in the page; this file is checked with Node types only.
declare const document: any, indexedDB: any, CSS: any;

import type { Page } from 'playwright-core';
import type { PolicyDocument, Unit } from '../../core/corpus/types';
import { flatten } from './corpus-facts';

export const body = (u: Unit) => u.paragraphs.map((p) => p.text).join('\n');

/** The scenario document's 第十条 and 第十一条, where the annotation tests select words; a clear failure when they are missing or 第十条 is shorter than minBody characters. */
export function scenarioArticles(doc: PolicyDocument, minBody: number): { a10: Unit; a11: Unit } {
  const units = flatten(doc.units);
  const a10 = units.find((u) => u.level === 'article' && u.label === '第十条');
  const a11 = units.find((u) => u.level === 'article' && u.label === '第十一条');
  if (!a10 || !a11 || body(a10).length < minBody) throw new Error('scenario document lacks 第十条/第十一条');
  return { a10, a11 };
}
/** Words of a clause away from its start (the label is outside the body text anyway). */
export const pick = (u: Unit, from: number, len: number) => ({ start: from, end: from + len, text: body(u).slice(from, from + len) });

/** Every stored annotation, straight from IndexedDB (not through the app). */
export const stored = (page: Page): Promise<any[]> =>
  page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const req = indexedDB.open('policy-reader');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          if (!idb.objectStoreNames.contains('annotations')) return ok([]);
          const get = idb.transaction('annotations').objectStore('annotations').getAll();
          get.onsuccess = () => {
            ok(get.result.map((r: any) => r.annotation ?? r));
            idb.close();
          };
          get.onerror = () => fail(get.error);
        };
      }),
  );

/** Drags the mouse over body-text offsets [start, end) of the unit's first paragraph, as a person selects. */
export async function dragSelect(page: Page, unitId: string, start: number, end: number) {
  await page.locator(`[id="${unitId}"]`).scrollIntoViewIfNeeded();
  const pts = await page.evaluate(
    ([id, s, e]) => {
      const p = document.getElementById(id).querySelector('p[data-para="0"]');
      const nodes: any[] = [];
      const w = document.createTreeWalker(p, 4);
      for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest('.marker, .page-mark')) nodes.push(n);
      const at = (offset: number) => {
        let k = offset;
        for (const n of nodes) {
          if (k < n.length) return [n, k];
          k -= n.length;
        }
        return null;
      };
      const charRect = (offset: number) => {
        const [n, k] = at(offset) as [any, number];
        const r = document.createRange();
        r.setStart(n, k);
        r.setEnd(n, k + 1);
        return r.getBoundingClientRect();
      };
      const a = charRect(s);
      const b = charRect(e - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    [unitId, start, end] as const,
  );
  await page.mouse.move(pts.x1, pts.y1);
  await page.mouse.down();
  await page.mouse.move((pts.x1 + pts.x2) / 2, pts.y2, { steps: 4 });
  await page.mouse.move(pts.x2, pts.y2, { steps: 4 });
  await page.mouse.up();
  await page.getByRole('toolbar', { name: '标注所选文字' }).waitFor();
}

export const painted = (page: Page, name: string): Promise<string[]> =>
  page.evaluate((n) => (CSS.highlights.has(n) ? [...CSS.highlights.get(n)].map((r: any) => r.toString()) : []), name);

