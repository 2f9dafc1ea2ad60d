/** A worst case for the reading view (bench:startup): one synthetic compilation larger than any real document. */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PolicyDocument, Unit } from '../core/corpus/types';
import { writeLibraryHead } from '../e2e/browser/harness';

/**
 * A corpus with one synthetic compilation (汇编) made of every document's
 * units, re-identified, until it has at least `minUnits` units: a worst case
 * for the reading view, larger than any real document.
 */
export function makeStressCorpus(dir: string, library: { id: string }[], minUnits: number): { dir: string; id: string; units: number; chars: number } {
  const out = mkdtempSync(join(tmpdir(), 'policy-reader-stress-'));
  mkdirSync(join(out, 'docs'));
  for (const d of library) symlinkSync(resolve(dir, 'docs', `${d.id}.json`), join(out, 'docs', `${d.id}.json`));
  const id = 'stress-compilation';
  const appendices: Unit[] = [];
  let units = 0;
  let chars = 0;
  const reId = (u: Unit, prefix: string): Unit => {
    units++;
    chars += u.paragraphs.reduce((n, p) => n + p.text.length, 0);
    return { ...u, id: `${id}~${prefix}.${u.path}`, path: `${prefix}.${u.path}`, children: u.children.map((c) => reId(c, prefix)) };
  };
  for (let round = 0; units < minUnits; round++) {
    for (const d of library) {
      if (units >= minUnits) break;
      const doc = JSON.parse(readFileSync(join(dir, 'docs', `${d.id}.json`), 'utf8')) as PolicyDocument;
      const prefix = `ap${appendices.length + 1}`;
      units++;
      appendices.push({ id: `${id}~${prefix}`, path: prefix, level: 'appendix', label: `附件${appendices.length + 1}`, heading: doc.title, paragraphs: [], pages: [], children: doc.units.map((u) => reId(u, prefix)) });
    }
  }
  const first = JSON.parse(readFileSync(join(dir, 'docs', `${library[0].id}.json`), 'utf8')) as PolicyDocument;
  const stress: PolicyDocument = { ...first, id, title: '压力测试汇编', docNumber: null, units: appendices, unitCount: units, charCount: chars };
  writeFileSync(join(out, 'docs', `${id}.json`), JSON.stringify(stress));
  const lib = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8'));
  const { units: _u, formatVersion: _f, addressees: _a, signature: _s, ...summary } = stress;
  writeFileSync(join(out, 'library.json'), JSON.stringify([...lib, summary]));
  writeLibraryHead(out);
  return { dir: out, id, units, chars };
}

