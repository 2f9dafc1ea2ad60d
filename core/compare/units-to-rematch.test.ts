/**
 * Units to match again in a rebuild (clause-lists.ts unitsToRematch): after items came and left, every item whose LSH
 * candidates differ from the earlier build's is marked, in small buckets and in crowds (compared with the candidates
 * the full matching finds before and after, forEachCandidate), and in a crowd not every member is.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { BandPrints, CrowdKeys } from './band-buckets.js';
import { unitsToRematch } from './clause-lists.js';
import { bandKey, BUCKET_WINDOW, CLAUSE_LSH_ROWS, forEachCandidate, MAX_BUCKET, SIGNATURE_LENGTH } from './minhash.js';

describe('units to match again', () => {
  /** Each item's LSH candidates (by item), as the full matching finds them among `items`. */
  function candidates(items: { sig: Uint32Array; id: number; group: number; item: number }[]): Map<number, Set<number>> {
    const out = new Map(items.map((x) => [x.item, new Set<number>()]));
    forEachCandidate(
      items.map((x) => x.sig),
      (i, j) => {
        out.get(items[i].item)!.add(items[j].item);
        out.get(items[j].item)!.add(items[i].item);
      },
      items.map((x) => x.group),
      CLAUSE_LSH_ROWS,
      Uint32Array.from(items, (x) => x.id),
    );
    return out;
  }

  type Item = { sig: Uint32Array; id: number; group: number; item: number };
  /** unitsToRematch after `came` came and `left` left, against each item's candidates computed before and after. */
  function check(items: Item[], came: Set<number>, left: Set<number>, label: string): { marked: number; changed: number } {
    const before = items.filter((x) => !came.has(x.item));
    const after = items.filter((x) => !left.has(x.item));
    const redo = unitsToRematch(
      BandPrints.of(after.map((x) => x.sig)),
      (band) => (x) => bandKey(after[x].sig, band, CLAUSE_LSH_ROWS),
      new CrowdKeys((k) => after[k].id, after.length),
      Uint8Array.from(after, (x) => (came.has(x.item) ? 1 : 0)),
      [...left].map((i) => items[i].sig),
      [...left].map((i) => items[i].id),
    );
    const was = candidates(before);
    const is = candidates(after);
    let marked = 0;
    let changed = 0;
    after.forEach((x, k) => {
      if (redo[k]) marked++;
      if (came.has(x.item)) return;
      const a = [...was.get(x.item)!].filter((y) => !left.has(y)).sort();
      const b = [...is.get(x.item)!].filter((y) => !came.has(y)).sort();
      if (a.length === was.get(x.item)!.size && b.length === is.get(x.item)!.size && a.join() === b.join()) return;
      changed++;
      expect(redo[k], `${label}: item ${x.item}'s candidates differ`).toBe(1);
    });
    return { marked, changed };
  }

  it('holds every unit whose candidates differ after some came and some left, in small buckets and in crowds (30 random draws)', () => {
    let marked = 0;
    let changed = 0;
    let total = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = mulberry32(seed);
      // Few values in the first ten bands (crowds of about 200), more in the next ten (small buckets), many after.
      const sig = () => Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => Math.floor(rnd() * (i < 20 ? 2 : i < 40 ? 12 : 1000)));
      const items = Array.from({ length: 800 }, (_, item) => ({ sig: sig(), id: Math.floor(rnd() * 2 ** 32), group: Math.floor(item / 3), item }));
      const came = new Set(Array.from({ length: 1 + (seed % 2) }, () => Math.floor(rnd() * items.length)));
      const left = new Set(Array.from({ length: seed % 3 }, () => Math.floor(rnd() * items.length)).filter((i) => !came.has(i)));
      const r = check(items, came, left, `draw ${seed}`);
      marked += r.marked;
      changed += r.changed;
      total += items.length - left.size;
    }
    // The draws do change candidates, and in crowds not every member is matched again.
    expect(changed).toBeGreaterThan(100);
    expect(marked).toBeLessThan(total * 0.9);
  });

  it('holds every member of a bucket that grows past MAX_BUCKET or falls to it', () => {
    const rnd = mulberry32(5);
    // MAX_BUCKET + 1 items agree in band 0 only; everything else is their own.
    const items = Array.from({ length: MAX_BUCKET + 1 }, (_, item) => ({
      sig: Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => (i < CLAUSE_LSH_ROWS ? 7 : Math.floor(rnd() * 2 ** 32))),
      id: Math.floor(rnd() * 2 ** 32),
      group: item,
      item,
    }));
    const grew = check(items, new Set([20]), new Set(), 'grew');
    const fell = check(items, new Set(), new Set([20]), 'fell');
    // All pairs on one side, a window on the other: members far from the one that came or left change too.
    expect(grew.changed).toBeGreaterThan(2 * BUCKET_WINDOW + 1);
    expect(fell.changed).toBeGreaterThan(2 * BUCKET_WINDOW + 1);
  });
});
