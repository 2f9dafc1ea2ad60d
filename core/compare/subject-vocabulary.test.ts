/**
 * The term table of "related by subject" (subject-vocabulary.ts): dense ids in the order bigrams are first met,
 * the same id whenever a bigram comes again (through the table's growth and its collisions), and a document
 * counted once per term in its df, whichever document it is.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { Vocabulary } from './subject-vocabulary.js';

const ids = (v: Vocabulary, grams: number[], doc: number) => {
  const out = new Int32Array(grams.length);
  v.termsOf(Int32Array.from(grams), doc, out);
  return Array.from(out);
};

describe('Vocabulary', () => {
  it('gives ids in the order bigrams first come, counting each document once per term (title and body alike)', () => {
    const v = new Vocabulary();
    expect(ids(v, [70, 10, 30], 0)).toEqual([0, 1, 2]);
    // Document 0's body: 10 again (its title had it) and a new one.
    expect(ids(v, [10, 90], 0)).toEqual([1, 3]);
    // Document 1 meets a bigram first: counted once for it, though its body has it again.
    expect(ids(v, [55, 30], 1)).toEqual([4, 2]);
    expect(ids(v, [55], 1)).toEqual([4]);
    expect(ids(v, [70], 2)).toEqual([0]);
    expect(v.codes).toEqual([70, 10, 30, 90, 55]);
    expect(v.df).toEqual([2, 1, 2, 1, 1]);
  });

  it('keeps every id through its growth and collisions: 100,000 random bigrams, met twice', () => {
    const rnd = mulberry32(7);
    const grams = [...new Set(Array.from({ length: 100_000 }, () => Math.floor(rnd() * 2 ** 30)))];
    const v = new Vocabulary();
    const first = ids(v, grams, 0);
    expect(first).toEqual(grams.map((_, k) => k));
    const again = ids(v, grams.slice().reverse(), 1);
    expect(again).toEqual(first.slice().reverse());
    expect(v.codes).toEqual(grams);
    expect(new Set(v.df)).toEqual(new Set([2]));
  });
});
