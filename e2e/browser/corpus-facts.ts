/**
 * Expectations for the e2e tests, read from the corpus under test rather than
 * written into the tests: the same scenario runs on the fixture and on the
 * real corpus, and fails if the UI disagrees with the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocSummary, PolicyDocument, Unit } from '../../core/corpus/types';
import { allUnits } from '../../core/corpus/units';

export interface CorpusFacts {
  dir: string;
  library: DocSummary[];
  doc(id: string): PolicyDocument;
  isReal: boolean;
}

export function readCorpus(dir: string, isReal: boolean): CorpusFacts {
  const library = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as DocSummary[];
  return { dir, library, isReal, doc: (id) => JSON.parse(readFileSync(join(dir, 'docs', `${id}.json`), 'utf8')) as PolicyDocument };
}

/** Every unit in reading order (core's one walk over the unit tree). */
export function flatten(units: Unit[]): Unit[] {
  return allUnits(units);
}

/** The scenario's regulation: 青岛市政务服务管理办法 in the real corpus, its stand-in in the fixture. */
export function scenarioDoc(c: CorpusFacts): PolicyDocument {
  const title = c.isReal ? '青岛市政务服务管理办法' : '示例市政务服务管理办法';
  // Several copies may be listed; prefer the one with the most structure.
  const hits = c.library.filter((d) => d.title === title).sort((a, b) => b.unitCount - a.unitCount);
  if (!hits.length) throw new Error(`${title} not in ${c.dir}`);
  return c.doc(hits[0].id);
}
