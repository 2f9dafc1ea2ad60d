/**
 * The seeded generator behind the property tests and the benchmark query sets: a run is only
 * reproducible (and a benchmark comparable across machines) if a seed gives the published
 * mulberry32 sequence. The expected values come from the reference C implementation
 * (uint32 arithmetic), run separately in Python, not from this code.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.js';

const first3 = (seed: number) => {
  const next = mulberry32(seed);
  return [next(), next(), next()];
};

describe('mulberry32', () => {
  it("gives the reference implementation's sequence", () => {
    expect(first3(0)).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
    expect(first3(1)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    expect(first3(42)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });
  it('takes the seed as an unsigned 32-bit number, as the reference does', () => {
    expect(first3(2 ** 32 - 1)).toEqual([0.8964226141106337, 0.189478256739676, 0.7156526781618595]);
    expect(first3(-1)).toEqual(first3(2 ** 32 - 1));
    expect(first3(2 ** 32 + 42)).toEqual(first3(42));
  });
});
