/**
 * The tokenizer folds with the table core/text/normalize builds at load (tested in core/text/module-load.test.ts), and the codec builds its decoding table and ASCII decoder when they
 * load: imported inside a test, so that a table that fails to build, or builds wrong, fails a test. A failure while a test file loads runs no test, which
 * Stryker scores as a surviving mutant (npm run mutate); their own test files import them at load.
 */
import { expect, it } from 'vitest';

it('normalises unit text with the fold table core/text/normalize builds at load', async () => {
  const { normalizeUnitText } = await import('./tokenizer.js');
  expect(normalizeUnitText('ＬＰＲ加点\n２０２３年').norm).toBe('lpr加点\n2023年');
});

it('builds the codec\'s tables and writes and reads numbers with them', async () => {
  const { countInts, encodeInts } = await import('./codec.js');
  // 0 → A, 31 → f, 32 → gB, 1024 → ggB (5 bits a character, low digits first, bit 6 = more follow).
  expect(encodeInts([0, 31, 32, 1024])).toBe('AfgBggB');
  expect(countInts('AfgBggB')).toBe(4);
});
