/**
 * Placing an imported file through the corpus's shipped LSH tables (issue 17): a real regulation
 * (fixtures/laws, from LawRefBook/Laws) re-issued under a title that shares nothing with the original's
 * is found by its text, which titles and 文号 alone cannot do. The corpus side is built as the build
 * builds it (detectVariantsWithTables); the import side runs the real pipeline on the text file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lawDocFromMarkdown } from '../../test-support/law-markdown.js';
import { sha256Hex } from '../../test-support/sha256.js';
import { detectVariantsWithTables } from '../compare/detect.js';
import type { LshTables } from '../compare/format.js';
import type { DocSummary, PolicyDocument } from '../corpus/types.js';
import { importFile, type ImportContext } from './pipeline.js';

const DIR = path.resolve(__dirname, '../compare/fixtures/laws');
const FILE = '船员条例(2023-07-20).md';

let corpus: PolicyDocument[];
let tables: LshTables;

beforeAll(() => {
  corpus = readdirSync(DIR)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
    .map((f) => lawDocFromMarkdown(f, readFileSync(path.join(DIR, f), 'utf8'))!);
  tables = detectVariantsWithTables(corpus).lsh;
});

/** The 2023 船员条例's articles as a plain text file under a title with nothing in common with 船员条例. */
function renamedText(): Uint8Array {
  const law = corpus.find((d) => d.sources[0]?.file === FILE) ?? corpus.find((d) => d.title.endsWith('船员条例') && d.date === '2023-07-20')!;
  const body = law.units.map((u) => [u.label, ...u.paragraphs.map((p) => p.text)].filter(Boolean).join('')).join('\n');
  return new TextEncoder().encode(`关于加强水上从业人员管理的规定\n\n${body}\n`);
}

function context(withTables: boolean): ImportContext {
  const summaries = corpus.map((d) => ({ id: d.id, title: d.title, docNumber: d.docNumber }) as DocSummary);
  return {
    libs: {} as ImportContext['libs'],
    sha256Hex,
    known: new Set(),
    library: async () => summaries,
    loadDocument: async (id) => corpus.find((d) => d.id === id)!,
    lshTables: withTables ? async () => tables : undefined,
  };
}

describe('placing an imported file through the shipped LSH tables', () => {
  it('finds the regulation it re-issues under a new title, by its text', async () => {
    const r = await importFile('水上从业人员规定.txt', renamedText(), context(true));
    const placed = Object.values(r.placements).flat();
    const crew = placed.filter((p) => p.other.title.endsWith('船员条例'));
    expect(crew.length).toBeGreaterThan(0);
    // The same articles as the 2023 text: most units matched, the 2023 text the closest relative.
    const best = [...crew].sort((a, b) => b.jaccard - a.jaccard)[0];
    expect(best.other.date).toBe('2023-07-20');
    expect(best.jaccard).toBeGreaterThan(0.8);
  });

  it('without the tables, titles and 文号 alone find nothing for it', async () => {
    const r = await importFile('水上从业人员规定.txt', renamedText(), context(false));
    expect(Object.values(r.placements).flat().filter((p) => p.other.title.endsWith('船员条例'))).toEqual([]);
  });
});
