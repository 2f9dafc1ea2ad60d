/**
 * normalize.ts holds its fold table (FOLD_RE) written out, apart from `foldChar`, which says what each code unit
 * folds to: this checks the two agree on every code unit. Imported inside the test, so that a module that fails
 * to load fails a test (a failure while a test file loads runs no test, which Stryker scores as a surviving
 * mutant). normalize.test.ts imports it at load.
 */
import { expect, it } from 'vitest';

it('the fold table: fold folds every code unit as foldChar does, in one pass', async () => {
  const { fold, foldChar } = await import('./normalize.js');
  let all = '';
  for (let c = 0; c < 0xd800; c++) all += String.fromCharCode(c);
  for (let c = 0xe000; c < 0x10000; c++) all += String.fromCharCode(c);
  let oneByOne = '';
  for (let i = 0; i < all.length; i++) oneByOne += foldChar(all[i]);
  expect(fold(all)).toBe(oneByOne);
  // The full-width block's ends and an upper-case Latin letter, the ranges the table is made of.
  expect(fold('！～ＡＺａｚAZ\u3000【〕')).toBe('!~azazaz [' + ']');
  // A lone half of a surrogate pair is kept as it is, and a pair is left whole.
  expect(fold('\ud800\udfff𠀀')).toBe('\ud800\udfff𠀀');
});
