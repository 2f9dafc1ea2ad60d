import { describe, expect, it } from 'vitest';
import { formatListingDate, formatRegion } from './format';

describe('library row facts', () => {
  it('shows the date a document has: issued, else 施行, else 日期未注明', () => {
    expect(formatListingDate({ date: '2023-05-20', effectiveDate: '2023-07-01' })).toBe('2023年5月20日');
    expect(formatListingDate({ date: null, effectiveDate: '2023-07-01' })).toBe('施行 2023年7月1日');
    expect(formatListingDate({ date: null, effectiveDate: null })).toBe('日期未注明');
  });

  it('says 全国 for national and 未注明 for unknown origin', () => {
    expect(formatRegion({ level: 'national', province: null, city: null })).toBe('全国');
    expect(formatRegion({ level: 'unknown', province: null, city: null })).toBe('未注明');
    expect(formatRegion({ level: 'city', province: '山东省', city: '青岛市' })).toBe('山东省 青岛市');
  });
});
