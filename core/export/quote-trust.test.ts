/**
 * The export prints a quote as a quotation of a clause only where that clause
 * holds the words (issue 16, items 2 and 12): an imported quote that is not in
 * its clause is printed as not found there, and an approximately placed
 * annotation prints the words its clause holds now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import type { Annotation } from '../annotations/model';
import type { PolicyDocument } from '../corpus/types';
import { buildExportModel, defaultExportOptions } from './model';
import { renderExportMarkdown } from './markdown';

const doc: PolicyDocument = JSON.parse(readFileSync(new URL('../../e2e/fixtures/corpus/docs/shili-zhengwu-banfa-2023.json', import.meta.url), 'utf8'));
const unit = doc.units.flatMap(function walk(u): PolicyDocument['units'] {
  return [u, ...u.children.flatMap(walk)];
}).find((u) => u.paragraphs.some((p) => p.text.includes('具体管理、指导、协调')))!;
const now = new Date(2026, 10, 23, 10, 0);

function exportOf(a: Annotation) {
  const model = buildExportModel({ annotations: [a], docOf: () => doc, options: defaultExportOptions(now), filters: [], now });
  return { passage: model.groups[0].passages[0], md: renderExportMarkdown(model) };
}

/** A highlight of `words` said to be in `unit` (the file claims it; the clause may not hold it). */
function claimed(words: string): Annotation {
  const a = testAnnotation({ doc: { ...doc, units: [unit] }, quote: '具体管理、指导、协调' });
  const [q, p] = a.target.selector!;
  return { ...a, target: { ...a.target, selector: [{ ...q, type: 'TextQuoteSelector', exact: words, prefix: '', suffix: '' }, p] } };
}

describe('what the export quotes', () => {
  it('a quote found in its clause is quoted with the clause citation', () => {
    const { passage } = exportOf(claimed('具体管理、指导、协调'));
    expect(passage.unplaced).toBe(false);
    expect(passage.quote).toBe('具体管理、指导、协调');
  });

  it('an imported quote its clause does not hold is marked as not found there, never as a quotation of it', () => {
    const { passage, md } = exportOf(claimed('本条从未写过的一句话'));
    expect(passage.unplaced).toBe(true);
    expect(md).toContain('（原条款在当前文库中未能定位）');
  });

  it('an approximately placed annotation exports the words its clause holds now', () => {
    const a = claimed('具体管理、指导和协调');
    const placed: Annotation = { ...a, target: { ...a.target, 'policyReader:approximate': { exact: '具体管理、指导、协调', score: 0.9 } } };
    const { passage } = exportOf(placed);
    expect(passage.unplaced).toBe(false);
    expect(passage.quote).toBe('具体管理、指导、协调');
  });
});
