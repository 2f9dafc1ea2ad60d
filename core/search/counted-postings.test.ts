import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import type { SearchCorpus } from './corpus-units.js';
import { countedPostings } from './counted-postings.js';
import { lunrPostings } from './lunr-postings.js';

/** Random units over a few hundred CJK characters, Latin, digits, line breaks, a surrogate pair and the code-unit extremes. */
function randomCorpus(units: number, seed: number): SearchCorpus {
  const rnd = mulberry32(seed);
  const alphabet = [...Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i)), 'a', 'B', '1', '2', ' ', '\n', '𠀀', '\u0000', '\uffff'];
  const corpus: SearchCorpus = { docs: [{ id: 'd', title: 't', issuer: '', issuers: [], docNumber: null, year: null, region: '全国', regions: ['全国'], kind: '其他' }], units: [] };
  for (let u = 0; u < units; u++) {
    let text = '';
    for (let k = Math.floor(rnd() * 60); k > 0; k--) text += alphabet[Math.floor(rnd() * alphabet.length)];
    corpus.units.push({ doc: 0, path: `p${u}`, text, trail: [] });
  }
  return corpus;
}

describe('countedPostings', () => {
  it('collects the same terms, units and lengths as the lunr reference, past the bigram table growing', () => {
    const corpus = randomCorpus(1500, 5);
    const counted = countedPostings(corpus);
    const lunr = lunrPostings(corpus);
    // Enough distinct bigrams that the table (65,536 slots, doubling at half full) grows at least once.
    expect(counted.bi.length / 2).toBeGreaterThan(32_768);
    expect(counted.uni).toBe(lunr.uni);
    expect(counted.bi).toBe(lunr.bi);
    expect([...counted.df]).toEqual([...lunr.df]);
    expect(counted.refs).toEqual(lunr.refs);
    expect([...counted.unitLens]).toEqual([...lunr.unitLens]);
    expect(counted.normChars).toBe(lunr.normChars);
  });
});
