import { describe, expect, it } from 'vitest';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import type { Annotation } from '../../core/annotations/model';
import { buildRows, comparePaths } from './order';

/** An annotation moved to another unit path (and position) of document `doc`. */
function at(doc: string, path: string, start: number, created: string, extra: Partial<Annotation> = {}): Annotation {
  const a = testAnnotation({ now: created });
  const unitId = `${doc}~${path}`;
  return {
    ...a,
    ...extra,
    target: {
      ...a.target,
      'policyReader:document': { id: doc, title: `文件${doc}`, docNumber: null },
      'policyReader:unitId': unitId,
      selector: [
        { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + 1 },
      ],
    },
  };
}

describe('我的标注 ordering', () => {
  it('compares unit paths in reading order: numbers numerically, preamble first, attachments last', () => {
    const paths = ['att1', 'ch10.ar30', 'ch2.ar9', 'ch2.ar10', 'pre1', 'ch2.ar10.k2', 'ch2.ar10.k1.it2'];
    expect([...paths].sort(comparePaths)).toEqual(['pre1', 'ch2.ar9', 'ch2.ar10', 'ch2.ar10.k1.it2', 'ch2.ar10.k2', 'ch10.ar30', 'att1']);
  });

  it('groups by document, orphans first; newest first or in reading order', () => {
    const a = at('d1', 'ch2.ar10', 5, '2024-01-03T00:00:00.000Z');
    const b = at('d1', 'ch2.ar9', 0, '2024-01-01T00:00:00.000Z');
    const c = at('d2', 'ar1', 0, '2024-01-02T00:00:00.000Z');
    const d = at('d1', 'ch2.ar10', 1, '2024-01-04T00:00:00.000Z');
    const lost = at('d3', 'ar1', 0, '2024-01-05T00:00:00.000Z', { 'policyReader:orphaned': true });
    const ids = (rows: ReturnType<typeof buildRows>) => rows.map((r) => (r.type === 'group' ? `[${r.docId} ${r.count}]` : r.type === 'orphans' ? `[未能定位 ${r.count}]` : r.annotation.id));

    expect(ids(buildRows([a, b, c, d, lost], 'newest', () => undefined))).toEqual(['[未能定位 1]', lost.id, '[d1 3]', d.id, a.id, b.id, '[d2 1]', c.id]);
    expect(ids(buildRows([a, b, c, d, lost], 'reading', (id) => (id === 'd2' ? '甲' : '乙')))).toEqual(['[未能定位 1]', lost.id, '[d2 1]', c.id, '[d1 3]', b.id, d.id, a.id]);
  });
});
