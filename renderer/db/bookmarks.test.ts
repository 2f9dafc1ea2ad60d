import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/annotations/model';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { ReaderDatabase } from './database';

let n = 0;
const open: ReaderDatabase[] = [];
function fresh() {
  const d = new ReaderDatabase(`bm${n++}`);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

/** Two clauses of one document, so a bookmark on one clause can be told from one on the other. */
const doc = testDoc('pdoc7', ['第一款的内容。', '第二款的内容。']);
const docTwoClauses = {
  ...doc,
  units: [doc.units[0], { ...doc.units[0], id: 'pdoc7~ar2', path: 'ar2', label: '第二条' }],
};
const onClause = (i: number) => ({ ...docTwoClauses, units: [docTwoClauses.units[i]] });
const bookmarkOn = (i: number) => testAnnotation({ doc: onClause(i), motivation: 'bookmarking' });
/** A bookmark of the whole document: no clause (stored with unitId ''). */
function documentBookmark(): Annotation {
  const b = bookmarkOn(0);
  return { ...b, target: { ...b.target, 'policyReader:unitId': null } };
}
const ids = (xs: readonly Annotation[]) => xs.map((a) => a.id).sort();

describe('toggleBookmark (☆ / b on a clause)', () => {
  it('adds a bookmark to a clause that has none, and the next toggle removes it and returns it for 撤销', async () => {
    const d = fresh();
    const first = bookmarkOn(0);
    expect(await d.toggleBookmark(first)).toEqual({ added: first, removed: [] });
    expect(await d.annotationsForDoc('pdoc7')).toEqual([first]);

    // The second press builds a new bookmark object (new id): it removes the stored one instead of adding.
    expect(await d.toggleBookmark(bookmarkOn(0))).toEqual({ added: null, removed: [first] });
    expect(await d.annotationCount()).toBe(0);
  });

  it('only bookmarks of the same clause count: a highlight there and a bookmark on another clause stay', async () => {
    const d = fresh();
    const highlight = testAnnotation({ doc: onClause(0), note: '要点' });
    const otherClause = bookmarkOn(1);
    const wholeDoc = documentBookmark();
    await d.putAnnotation(highlight);
    await d.putAnnotation(otherClause);
    await d.putAnnotation(wholeDoc);

    const mine = bookmarkOn(0);
    expect(await d.toggleBookmark(mine)).toEqual({ added: mine, removed: [] });
    expect(ids(await d.annotationsForDoc('pdoc7'))).toEqual(ids([highlight, otherClause, wholeDoc, mine]));

    expect(await d.toggleBookmark(bookmarkOn(0))).toEqual({ added: null, removed: [mine] });
    expect(ids(await d.annotationsForDoc('pdoc7'))).toEqual(ids([highlight, otherClause, wholeDoc]));
  });

  it('a whole-document bookmark toggles on its own, apart from clause bookmarks', async () => {
    const d = fresh();
    const clause = bookmarkOn(0);
    await d.putAnnotation(clause);
    const whole = documentBookmark();
    expect(await d.toggleBookmark(whole)).toEqual({ added: whole, removed: [] });
    expect(await d.toggleBookmark(documentBookmark())).toEqual({ added: null, removed: [whole] });
    expect(await d.annotationsForDoc('pdoc7')).toEqual([clause]);
  });

  it('two bookmarks on one clause (e.g. from an imported file) are both removed by one toggle', async () => {
    const d = fresh();
    const a = bookmarkOn(0);
    const b = bookmarkOn(0);
    await d.importAnnotations([a, b]);
    const { added, removed } = await d.toggleBookmark(bookmarkOn(0));
    expect(added).toBeNull();
    expect(ids(removed)).toEqual(ids([a, b]));
    expect(await d.annotationCount()).toBe(0);
  });

  it('an invalid bookmark is refused before anything is written, naming its id', async () => {
    const d = fresh();
    const bad = { ...bookmarkOn(0), created: 'yesterday' } as Annotation;
    await expect(d.toggleBookmark(bad)).rejects.toThrow(new RangeError(`not a valid annotation: ${bad.id}`));
    await expect(d.putAnnotation(bad)).rejects.toBeInstanceOf(RangeError);
    expect(await d.annotationCount()).toBe(0);
  });
});

describe('reading lists with corrupt rows', () => {
  it('a corrupt row that still has the indexed fields is skipped by every list, the valid ones are returned', async () => {
    const d = fresh();
    const good = bookmarkOn(0);
    await d.putAnnotation(good);
    // Indexed copies present (so the index queries reach it), the W3C object itself broken.
    await d.annotations.put({ ...(await d.annotations.get(good.id))!, id: 'urn:uuid:junk', annotation: { id: 'urn:uuid:junk' } as never });
    expect(await d.annotationCount()).toBe(2);
    expect(await d.allAnnotations()).toEqual([good]);
    expect(await d.annotationsForDoc('pdoc7')).toEqual([good]);
    expect(await d.getAnnotation('urn:uuid:junk')).toBeNull();
  });
});
