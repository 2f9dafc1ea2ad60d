import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/annotations/model';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { db, ReaderDatabase } from './database';
import { StorageError } from './errors';
import { restoreAnchorCheck } from './records';

let n = 0;
const open: ReaderDatabase[] = [];
function fresh(name = `ld${n++}`) {
  const d = new ReaderDatabase(name);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete().catch(() => {});
});

describe('what a new user sees', () => {
  it('an empty database reads as the light theme at 18 px', async () => {
    expect(await fresh().getSettings()).toEqual({ theme: 'light', fontSize: 18 });
  });

  it('the app opens the database earlier versions wrote ("policy-reader"): a renamed one would open empty and lose every annotation', async () => {
    const earlier = fresh('policy-reader');
    const a = testAnnotation({ note: '旧版本写下的' });
    await earlier.putAnnotation(a);
    earlier.close();
    const app = db();
    open.push(app);
    expect(await app.allAnnotations()).toEqual([a]);
    expect(db()).toBe(app);
  });
});

describe('lists', () => {
  it('我的标注 lists every annotation newest first, whatever order they were written in', async () => {
    const d = fresh();
    const at = (day: string) => testAnnotation({ note: day, now: `2024-05-${day}T08:00:00.000Z` });
    const [mid, old, last] = [at('15'), at('01'), at('30')];
    for (const a of [mid, old, last]) await d.putAnnotation(a);
    expect((await d.allAnnotations()).map((a: Annotation) => a.id)).toEqual([last.id, mid.id, old.id]);
  });

  it('an import holding one invalid entry is refused as invalid (not as a storage failure) and stores nothing', async () => {
    const d = fresh();
    const good = testAnnotation({ note: '好的' });
    const bad = { ...testAnnotation({ note: '坏的' }), modified: 'not a date' } as Annotation;
    const err = await d.importAnnotations([good, bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect(err).not.toBeInstanceOf(StorageError);
    expect(await d.annotationCount()).toBe(0);
  });
});

describe('a remembered anchor check (the validator, called directly)', () => {
  it('a check row of another corpus says nothing about this one', () => {
    // The table is keyed by contentHash, so the database never hands one over; the validator still refuses it.
    expect(restoreAnchorCheck({ contentHash: 'hash1', kept: { a: 'k' } }, 'hash2').size).toBe(0);
    expect(restoreAnchorCheck({ contentHash: 'hash2', kept: { a: 'k' } }, 'hash2')).toEqual(new Map([['a', 'k']]));
  });
});
