import { describe, expect, it } from 'vitest';
import { starFamilies, type Link } from './families.js';

const strong = (a: number, b: number, weight = 1): Link => ({ a, b, relation: 'adaptation', weight });

describe('star families', () => {
  it('do not chain: in a chain 0–1–2–3–4 no family holds two documents without a common member', () => {
    const links = [strong(0, 1), strong(1, 2), strong(2, 3), strong(3, 4)];
    const fams = starFamilies(5, links);
    const linked = (x: number, y: number) => links.some((l) => (l.a === x && l.b === y) || (l.a === y && l.b === x));
    for (const [center, ...members] of fams) for (const m of members) expect(linked(center, m), `${m} → ${center}`).toBe(true);
    // Union-find would make one family of all five.
    expect(Math.max(...fams.map((f) => f.length))).toBeLessThan(5);
    expect(new Set(fams.flat()).size).toBe(fams.flat().length);
  });

  it('take the best-connected document as the centre', () => {
    // A template (0) and four cities' versions of it; two cities also resemble each other.
    const fams = starFamilies(5, [strong(0, 1), strong(0, 2), strong(0, 3), strong(0, 4), strong(3, 4)]);
    expect(fams).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('are not made by weak related links', () => {
    expect(starFamilies(3, [{ a: 0, b: 1, relation: 'related', weight: 5 }, { a: 1, b: 2, relation: 'related', weight: 5 }])).toEqual([]);
  });
});
