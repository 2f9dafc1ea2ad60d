import { describe, expect, it } from 'vitest';
import { facetOrder } from './FacetTree';

describe('search facet order', () => {
  it('lists years newest first and 未注明 last, whatever their counts', () => {
    const counted = [
      { value: '未注明', count: 40 },
      { value: '2023', count: 30 },
      { value: '2021', count: 12 },
      { value: '2024', count: 5 },
    ];
    expect(facetOrder('year', counted).map((v) => v.value)).toEqual(['2024', '2023', '2021', '未注明']);
    expect(facetOrder('kind', counted)).toBe(counted);
  });
});
