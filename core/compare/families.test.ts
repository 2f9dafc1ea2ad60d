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

describe('star families: which document is the centre, and who is left out', () => {
  const link = (a: number, b: number, weight: number, relation: Link['relation'] = 'adaptation'): Link => ({ a, b, relation, weight });

  it('each strong relation (same text, adaptation, revision) makes a family; a document linked to itself does not', () => {
    expect(starFamilies(2, [link(0, 1, 1, 'same')])).toEqual([[0, 1]]);
    expect(starFamilies(2, [link(0, 1, 1, 'adaptation')])).toEqual([[0, 1]]);
    expect(starFamilies(2, [link(0, 1, 1, 'revision')])).toEqual([[0, 1]]);
    expect(starFamilies(2, [link(1, 1, 1, 'same')])).toEqual([]);
  });

  it('two links between one pair (same text and revision) give one member, not two', () => {
    expect(starFamilies(2, [link(0, 1, 1, 'same'), link(1, 0, 1, 'revision')])).toEqual([[0, 1]]);
  });

  it('of two documents with as many links, the closer one (heavier links) is the centre; members are in index order', () => {
    // Three versions of one notice, all strongly linked; document 2 is the closest to both others.
    const fams = starFamilies(3, [link(0, 1, 0.5), link(0, 2, 0.6), link(1, 2, 0.9)]);
    expect(fams).toEqual([[2, 0, 1]]);
    // A lone pair takes the lower index as its centre, whichever way the link is written.
    expect(starFamilies(2, [link(1, 0, 1)])).toEqual([[0, 1]]);
  });

  it('families come best first: more links, then heavier ones', () => {
    // Two separate pairs: 2–3 is the closer, so it is found first.
    expect(starFamilies(4, [link(0, 1, 0.5), link(2, 3, 0.9)])).toEqual([[2, 3], [0, 1]]);
    // A star of three before a pair, however heavy the pair.
    expect(starFamilies(5, [link(3, 4, 1.5), link(0, 1, 0.5), link(0, 2, 0.5)])).toEqual([[0, 1, 2], [3, 4]]);
  });

  it('a document whose links were taken by a bigger family loses its turn, and one with none left is no family', () => {
    // 0 is a template with four versions (1–4). Document 5 resembles 1, 2 and 6; document 7 resembles 6 and 8.
    // Once 0 has taken 1–4, document 5 keeps one link (to 6) and 7 keeps two: 7 is the next centre, and takes 6.
    // Then 5 is left with nothing and stays outside every family.
    const links = [link(0, 1, 1), link(0, 2, 1), link(0, 3, 1), link(0, 4, 1), link(5, 1, 1), link(5, 2, 1), link(5, 6, 0.5), link(7, 6, 0.9), link(7, 8, 0.9)];
    expect(starFamilies(9, links)).toEqual([[0, 1, 2, 3, 4], [7, 6, 8]]);
  });

  it('members are listed in index order, whatever order their links come in', () => {
    expect(starFamilies(4, [link(0, 3, 1), link(0, 1, 1), link(2, 0, 1)])).toEqual([[0, 1, 2, 3]]);
  });

  it('a document that lost links to a bigger family still goes before a later one that is now as close', () => {
    // 0 takes 4, 5 and 6. Document 1 (linked to 4 and 8) is left with one link, like document 2 (linked to 9):
    // as close as each other, the lower index comes first.
    const links = [link(0, 4, 1), link(0, 5, 1), link(0, 6, 1), link(1, 4, 1), link(1, 8, 1), link(2, 9, 1)];
    expect(starFamilies(10, links)).toEqual([[0, 4, 5, 6], [1, 8], [2, 9]]);
  });
});
