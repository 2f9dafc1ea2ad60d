import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build.js';
import { flattenCorpus, type SearchCorpus } from './corpus-units.js';
import { encodeUnits, UnitTable } from './unit-table.js';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const RAW = path.join(import.meta.dirname, '..', '..', 'test-data', 'realtext', 'raw');

// Real laws printed and extracted (a compilation of several, with 章/条/款 and label-only articles) and a notice.
const files = ['040_L09-compilation-pages.txt', '000_L01-note-gap.txt'].map((name) => ({ name, bytes: readFileSync(path.join(RAW, name)) }));
const corpus = flattenCorpus(buildCorpus(files, sha).docs);

describe('the unit list of the search index', () => {
  it('gives back every unit’s document, id and trail as the flattened corpus has them', () => {
    const json = JSON.parse(JSON.stringify(encodeUnits(corpus, 6)));
    const table = new UnitTable(json);
    expect(table.count).toBe(corpus.units.length);
    expect(corpus.units.length).toBeGreaterThan(300);
    expect(corpus.units.some((u) => u.trail.length >= 3)).toBe(true);
    corpus.units.forEach((u, i) => {
      expect(table.doc[i]).toBe(u.doc);
      expect(table.id(i)).toBe(`${corpus.docs[u.doc].id}~${u.path}`);
      expect(table.trail(i)).toEqual(u.trail);
    });
  });

  it('keeps paths and trails that share nothing with the unit before, or only part of a character', () => {
    const odd: SearchCorpus = {
      docs: [corpus.docs[0], corpus.docs[1]],
      units: [
        { doc: 0, path: 'a.b', text: '', trail: ['第一章', '第一条'] },
        { doc: 0, path: 'x', text: '', trail: [] },
        { doc: 0, path: 'x.𠀀1', text: '', trail: ['𠀀'] },
        { doc: 0, path: 'x.𠀁2', text: '', trail: ['𠀁', '第二条'], opening: '𠀀开头' },
        { doc: 1, path: 'x.𠀁2', text: '', trail: ['𠀁', '第二条'] },
      ],
    };
    const table = new UnitTable(JSON.parse(JSON.stringify(encodeUnits(odd, 6))));
    expect([0, 1, 2, 3, 4].map((i) => table.id(i))).toEqual(odd.units.map((u) => `${odd.docs[u.doc].id}~${u.path}`));
    expect([0, 1, 2, 3, 4].map((i) => table.trail(i))).toEqual(odd.units.map((u) => u.trail));
    expect(table.unitsOf(1)).toEqual([4, 5]);
  });

  it('refuses a damaged list with an error instead of hanging or giving wrong units', () => {
    const good = encodeUnits(corpus, 6);
    const damaged = [
      { ...good, perDoc: good.perDoc.slice(0, -1) },
      { ...good, pathCodes: good.pathCodes.slice(0, 10) },
      { ...good, pathChars: good.pathChars.slice(1) },
      { ...good, trailCodes: good.trailCodes + 'A' },
      { ...good, labels: good.labels.slice(0, 1) },
      { ...good, perDoc: '!' + good.perDoc },
      { ...good, count: good.count + 1 },
      { ...good, pathChars: 5 },
    ];
    for (const d of damaged) expect(() => new UnitTable(d as never)).toThrow('search index does not match its unit list');
  });
});
