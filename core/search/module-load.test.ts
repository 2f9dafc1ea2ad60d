/**
 * core/text/normalize builds its fold table (FOLD_RE) and the codec its decoding table and ASCII decoder when they
 * load: imported inside a test, so that a table that fails to build, or builds wrong, fails a test. A failure while a test file loads runs no test, which
 * Stryker scores as a surviving mutant (npm run mutate); their own test files import them at load.
 */
import { expect, it } from 'vitest';

it('builds the fold table and folds every code unit as foldChar does', async () => {
  const { fold, foldChar } = await import('../text/normalize.js');
  const { normalizeUnitText } = await import('./tokenizer.js');
  let all = '';
  for (let c = 0; c < 0xd800; c++) all += String.fromCharCode(c);
  for (let c = 0xe000; c < 0x10000; c++) all += String.fromCharCode(c);
  let oneByOne = '';
  for (let i = 0; i < all.length; i++) oneByOne += foldChar(all[i]);
  expect(fold(all)).toBe(oneByOne);
  // A lone half of a surrogate pair is kept as it is, and a pair is left whole.
  expect(fold('\ud800\udfff𠀀')).toBe('\ud800\udfff𠀀');
  expect(normalizeUnitText('ＬＰＲ加点\n２０２３年').norm).toBe('lpr加点\n2023年');
});

it('builds the codec\'s tables and writes and reads numbers with them', async () => {
  const { countInts, encodeInts } = await import('./codec.js');
  // 0 → A, 31 → f, 32 → gB, 1024 → ggB (5 bits a character, low digits first, bit 6 = more follow).
  expect(encodeInts([0, 31, 32, 1024])).toBe('AfgBggB');
  expect(countInts('AfgBggB')).toBe(4);
});
