/**
 * The gazetteer tables are built when regions.ts loads. Imported inside a test, so that a table
 * that fails to build fails this test: a failure while a test file loads runs no test, which
 * Stryker scores as a surviving mutant (npm run mutate).
 */
import { expect, it } from 'vitest';

it('builds the gazetteer tables and reads a province, a city and a district with them', async () => {
  const { findRegion } = await import('./regions.js');
  expect(findRegion('山东省人民政府')).toEqual({ level: 'province', province: '山东省', city: null });
  expect(findRegion('青岛市人民政府')).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
  expect(findRegion('上海市黄浦区人民政府')).toEqual({ level: 'district', province: '上海市', city: '黄浦区' });
});
