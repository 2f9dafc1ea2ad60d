import { describe, expect, it } from 'vitest';
import { splitUnitId, unitId } from './unit-id';

describe('unit ids', () => {
  it('are <docId>~<path>, the spelling stored annotations and links carry', () => {
    expect(unitId('p8878abf8d89', 'ch3.ar15')).toBe('p8878abf8d89~ch3.ar15');
  });

  it('split back into the document id and the path', () => {
    expect(splitUnitId('p8878abf8d89~ch3.ar15')).toEqual({ docId: 'p8878abf8d89', path: 'ch3.ar15' });
    expect(splitUnitId('p8878abf8d89~att1.c4.k2')).toEqual({ docId: 'p8878abf8d89', path: 'att1.c4.k2' });
  });

  it('read a bare document id as one with no path', () => {
    expect(splitUnitId('p8878abf8d89')).toEqual({ docId: 'p8878abf8d89', path: '' });
  });
});
