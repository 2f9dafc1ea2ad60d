import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/annotations/model';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { ReaderDatabase } from './database';
import { restorePosition } from './records';

/** Rows may come from an older or newer app version, or be damaged: reading them back never throws and never invents data. */
let n = 0;
const open: ReaderDatabase[] = [];
function fresh() {
  const d = new ReaderDatabase(`sr${n++}`);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

describe('reading positions back', () => {
  it('keeps a valid position as written: scroll 0 and a whole-document position (no clause) are real positions', async () => {
    const d = fresh();
    await d.positions.put({ docId: 'a', unitId: null, scrollTop: 0, updatedAt: 1_700_000_000_000 });
    expect(await d.getPosition('a')).toEqual({ docId: 'a', unitId: null, scrollTop: 0, updatedAt: 1_700_000_000_000 });
    await d.positions.put({ docId: 'b', unitId: 'b~ar2', scrollTop: 0.5, updatedAt: 5 });
    expect(await d.getPosition('b')).toEqual({ docId: 'b', unitId: 'b~ar2', scrollTop: 0.5, updatedAt: 5 });
  });

  it('repairs each damaged field on its own and keeps the others', async () => {
    const d = fresh();
    await d.positions.bulkPut([
      { docId: 'c', unitId: 'c~ar1', scrollTop: Infinity, updatedAt: 7 },
      { docId: 'e', unitId: 'e~ar1', scrollTop: '120', updatedAt: '7' } as never,
      { docId: 'f', unitId: 42, scrollTop: 30, updatedAt: Infinity } as never,
    ]);
    expect(await d.getPosition('c')).toEqual({ docId: 'c', unitId: 'c~ar1', scrollTop: 0, updatedAt: 7 });
    expect(await d.getPosition('e')).toEqual({ docId: 'e', unitId: 'e~ar1', scrollTop: 0, updatedAt: 0 });
    expect(await d.getPosition('f')).toEqual({ docId: 'f', unitId: null, scrollTop: 30, updatedAt: 0 });
  });

  it('a value that is not a position of this document is no position (the validator, called directly)', () => {
    // The table is keyed by docId, so these cannot come out of getPosition; the validator still refuses them.
    expect(restorePosition(null, 'g')).toBeNull();
    expect(restorePosition('g', 'g')).toBeNull();
    expect(restorePosition({ docId: 'h', unitId: 'h~ar1', scrollTop: 3, updatedAt: 1 }, 'g')).toBeNull();
  });

  it('savePosition rounds the scroll offset and never stores a negative one', async () => {
    const d = fresh();
    await d.savePosition('a', 'a~ar1', -30);
    expect(await d.getPosition('a')).toMatchObject({ scrollTop: 0 });
    await d.savePosition('a', 'a~ar1', 99.5);
    expect((await d.positions.get('a'))?.scrollTop).toBe(100);
  });
});

describe('reading settings back', () => {
  it('a light theme and each font size the reader offers come back as stored, rounded and clamped', async () => {
    const d = fresh();
    await d.setTheme('dark');
    await d.setTheme('light');
    await d.setFontSize(15.6);
    expect(await d.getSettings()).toEqual({ theme: 'light', fontSize: 16 });
    await d.setFontSize(3);
    expect(await d.getSettings()).toEqual({ theme: 'light', fontSize: 14 });
  });

  it('a stored font size out of range or not finite is clamped or replaced by the default; a good theme beside it is kept', async () => {
    const d = fresh();
    await d.settings.bulkPut([
      { key: 'theme', value: 'dark' },
      { key: 'fontSize', value: 40 },
    ]);
    expect(await d.getSettings()).toEqual({ theme: 'dark', fontSize: 28 });
    await d.settings.put({ key: 'fontSize', value: NaN });
    expect(await d.getSettings()).toEqual({ theme: 'dark', fontSize: 18 });
    await d.settings.put({ key: 'fontSize', value: -Infinity });
    expect(await d.getSettings()).toEqual({ theme: 'dark', fontSize: 18 });
  });
});

describe('the index copies of a stored annotation', () => {
  it('a bookmark has no colour and a whole-document bookmark no clause: both stored as "" so the indexes hold them', async () => {
    const d = fresh();
    const b = testAnnotation({ motivation: 'bookmarking' });
    const whole: Annotation = { ...b, target: { ...b.target, 'policyReader:unitId': null } };
    await d.putAnnotation(whole);
    expect(await d.annotations.get(whole.id)).toMatchObject({ docId: 'pdoc1', unitId: '', colour: '', orphaned: 0, motivation: 'bookmarking' });
    const h = testAnnotation({ colour: 'pink', tags: ['汇报用'] });
    await d.putAnnotation({ ...h, 'policyReader:orphaned': true });
    expect(await d.annotations.get(h.id)).toMatchObject({ unitId: 'pdoc1~ar1', colour: 'pink', tags: ['汇报用'], orphaned: 1 });
  });
});

describe('remembered anchor checks read back', () => {
  it('a damaged check row only means checking everything again', async () => {
    const d = fresh();
    const a = testAnnotation({ note: 'a' });
    const b = testAnnotation({ note: 'b' });
    await d.putAnnotation(a);
    await d.putAnnotation(b);
    await d.saveReanchored([], { contentHash: 'hash2', annotations: [a] });
    const good = (await d.anchorChecks.get('hash2'))!;
    for (const damaged of [{ contentHash: 'hash2', kept: null }, { contentHash: 'hash2', kept: 'x' }, { contentHash: 'hash2' }]) {
      await d.anchorChecks.put(damaged as never);
      expect((await d.annotationsNotOn('hash2')).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    }
    // One bad entry does not spoil the good ones beside it.
    await d.anchorChecks.put({ contentHash: 'hash2', kept: { ...good.kept, [b.id]: 7 as never } });
    expect(await d.annotationsNotOn('hash2')).toEqual([b]);
    // A new check on a damaged row starts from nothing and still works.
    await d.anchorChecks.put({ contentHash: 'hash2', kept: null } as never);
    await d.saveReanchored([], { contentHash: 'hash2', annotations: [b] });
    expect(await d.annotationsNotOn('hash2')).toEqual([a]);
  });
});
