/**
 * Documents whose units are read only when asked (deferred-units.ts), on the real seeds in resources/corpus/raw:
 * assembled from parses that hold only their counts, the corpus is the one assembled from whole parses, and no
 * document's units are read until it is asked for them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { assembleCorpus, compactJson, type FileParse, parseRawFile, unitCounts } from './build.js';
import { deferredUnits, deferUnits, unitsOnDemand } from './deferred-units.js';
import type { Unit } from './types.js';

const RAW = path.resolve(__dirname, '../../resources/corpus/raw');
/** The seeds, and the first saved again under another name: its documents are copies to merge across two files. */
const parses = (): FileParse[] => {
  const names = readdirSync(RAW).sort();
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(RAW, name))) }));
  files.push({ ...files[0], name: `copy-of-${names[0]}` });
  return files.map((f) => parseRawFile(f, sha256Hex));
};

/** `parses` with the units of the files `defer` picks held back: each read (a fresh copy, as from disk) is logged. */
function deferred(all: FileParse[], defer: (k: number) => boolean, loads: string[]): FileParse[] {
  return all.map((p, f) =>
    !defer(f)
      ? p
      : {
          ...p,
          docs: p.docs.map((d, k) => {
            const text = JSON.stringify(d.doc.units);
            const load = () => (loads.push(`${p.file}#${k}`), JSON.parse(text) as Unit[]);
            return { ...d, doc: deferUnits({ ...d.doc, units: [] }, { ...unitCounts(d.doc.units), load }) };
          }),
        },
  );
}

describe('a corpus assembled from parses whose units are deferred', () => {
  it('is the corpus of whole parses, byte for byte, copies merged across files, and reads no units until asked', () => {
    const whole = assembleCorpus(parses(), sha256Hex);
    // The seeds hold copies of one document in several files: merging them must not need their units.
    expect(whole.docs.some((d) => new Set(d.sources.map((s) => s.file)).size > 1)).toBe(true);
    for (const defer of [() => true, (f: number) => f % 2 === 0, (f: number) => f % 2 === 1]) {
      const loads: string[] = [];
      const lazy = assembleCorpus(deferred(parses(), defer, loads), sha256Hex);
      expect(loads).toEqual([]);
      expect(lazy.provenance).toEqual(whole.provenance);
      expect(lazy.docs.map((d) => d.unitCount)).toEqual(whole.docs.map((d) => d.unitCount));
      expect(lazy.docs.map((d) => d.charCount)).toEqual(whole.docs.map((d) => d.charCount));
      expect(lazy.docs.map(compactJson)).toEqual(whole.docs.map(compactJson));
      const held = lazy.docs.filter((d) => deferredUnits(d));
      expect(held.length).toBeGreaterThan(0);
      // Each deferred document read once, for its JSON above.
      expect(loads).toHaveLength(held.length);
    }
  });

  it('a document asked twice at once reads its units once; assigning its units makes them plain data', () => {
    const loads: string[] = [];
    const doc = assembleCorpus(deferred(parses(), () => true, loads), sha256Hex).docs.find((d) => d.unitCount > 3)!;
    expect(doc.units).toBe(doc.units);
    expect(loads).toHaveLength(1);
    expect(doc.units[0].id.startsWith(`${doc.id}~`)).toBe(true);
    const units = doc.units.slice(1);
    doc.units = units;
    expect(doc.units).toBe(units);
    expect(deferredUnits(doc)).toBeUndefined();
    // Plain data, as an assignment to a plain object makes it: assigned again, it is the new value.
    expect(Object.getOwnPropertyDescriptor(doc, 'units')).toEqual({ value: units, writable: true, enumerable: true, configurable: true });
    doc.units = [];
    expect(doc.units).toEqual([]);
    expect(loads).toHaveLength(1);
  });

  it('a load that fails is the failure of whoever asked: nothing is made up', () => {
    const doc = { id: 'p1', units: [] as Unit[] };
    unitsOnDemand(doc, {
      unitCount: 1,
      charCount: 1,
      load: () => {
        throw new Error('解析缓存文件已被删除');
      },
    });
    expect(() => doc.units).toThrow('解析缓存文件已被删除');
    expect(() => JSON.stringify(doc)).toThrow('解析缓存文件已被删除');
  });
});
