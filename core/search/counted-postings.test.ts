import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import type { SearchCorpus } from './corpus-units.js';
import { countedPostings } from './counted-postings.js';
import { lunrPostings } from './lunr-postings.js';
import { unitBigramsOf } from './positions.js';

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

  it('writes each bigram\'s term id where it starts, as read from the text, and −1 at every line break and unit end', () => {
    const corpus = randomCorpus(1500, 9);
    // One unit with everything normalising changes or skips: capitals, spaces, a surrogate pair, line breaks; and
    // the bigram of key 0 (two U+0000), which a table of keys may take for an empty slot.
    corpus.units.splice(700, 0, { doc: 0, path: 'mixed', text: 'A 中𠀀国\n人 民B\n\n政府 \u0000\u0000', trail: [] });
    const counted = countedPostings(corpus);
    const read = unitBigramsOf(corpus, counted);
    expect([...counted.bigrams.unitLens]).toEqual([...read.unitLens]);
    expect(counted.bigrams.ids).toEqual(read.ids);
    // Spelled out for that unit, against the term list: the two ways could share a mistake.
    const u = 700;
    const norm = 'a中𠀀国\n人民b\n\n政府\u0000\u0000';
    const from = counted.bigrams.unitLens.slice(0, u).reduce((a, b) => a + b, 0);
    const expected = Array.from({ length: norm.length }, (_, k) => (k + 1 < norm.length && norm[k] !== '\n' && norm[k + 1] !== '\n' ? termRank(counted.bi, norm.slice(k, k + 2)) : -1));
    expect([...counted.bigrams.ids.subarray(from, from + norm.length)]).toEqual(expected);
  });
});

/** The rank of a two-code-unit term in the sorted, concatenated bigram list. */
function termRank(bi: string, term: string): number {
  for (let r = 0; 2 * r < bi.length; r++) if (bi.slice(2 * r, 2 * r + 2) === term) return r;
  return -2;
}
