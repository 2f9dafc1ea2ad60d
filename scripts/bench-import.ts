/**
 * `npm run bench:import`: the time to import a ~50-page and a ~200-page PDF
 * (pdf.js extraction, the corpus pipeline, the user search index scored on
 * the corpus's statistics, placement against the built sample corpus), against
 * pdf.js extracting the same text alone (getDocument + getTextContent of every
 * page) in the same run. Target: import < 2× extraction. The PDFs are the
 * judicial interpretation of test-support/import-fixtures.ts printed by
 * Chromium several times over (one copy per run of pages). Medians over
 * RUNS (default 3); figures only, no assertion.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreDocument, restoreLibrary } from '../core/corpus/restore';
import type { PolicyDocument } from '../core/corpus/types';
import type { PdfJsLike } from '../core/import/extract';
import { importFile } from '../core/import/pipeline';
import { userEngine } from '../core/import/user-search';
import { SearchEngine, SEARCH_INDEX_FILE, SEARCH_UNITS_FILE } from '../core/search';
import { nodeExtractorLibs } from '../cli/extractors';
import { sha256Hex } from '../cli/hash';
import { lawPdf } from '../test-support/import-fixtures';
import { DEFAULT_CORPUS } from './preview-server';
import { median } from './bench-stats';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));

if (!existsSync(join(DEFAULT_CORPUS, 'library.json'))) {
  console.error(`bench:import: no built corpus at ${DEFAULT_CORPUS} (run npm run build:corpus)`);
  process.exit(1);
}
const library = restoreLibrary(JSON.parse(readFileSync(join(DEFAULT_CORPUS, 'library.json'), 'utf8'))).docs;
const loadDocument = async (id: string): Promise<PolicyDocument> => restoreDocument(JSON.parse(readFileSync(join(DEFAULT_CORPUS, 'docs', `${id}.json`), 'utf8')), id);
const corpusEngine = SearchEngine.fromJSON(readFileSync(join(DEFAULT_CORPUS, 'search', SEARCH_UNITS_FILE), 'utf8'), readFileSync(join(DEFAULT_CORPUS, 'search', SEARCH_INDEX_FILE), 'utf8'));
const pdfjs = (await nodeExtractorLibs.pdfjs!()) as PdfJsLike;

async function extractOnly(bytes: Uint8Array): Promise<number> {
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

async function importOnce(bytes: Uint8Array) {
  const stages: Record<string, number> = {};
  let last = performance.now();
  let stage = 'reading';
  const r = await importFile('bench.pdf', bytes, {
    libs: nodeExtractorLibs,
    sha256Hex,
    known: new Set(),
    library: async () => library,
    loadDocument,
    onStage: (s) => {
      if (s === stage) return;
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + now - last;
      last = now;
      stage = s;
    },
  });
  const t = performance.now();
  stages[stage] = (stages[stage] ?? 0) + t - last;
  userEngine(r.docs, corpusEngine);
  stages.indexing = performance.now() - t;
  return { r, stages };
}

console.log(`bench:import — ${RUNS} run(s) each, medians; corpus ${DEFAULT_CORPUS} (${library.length} documents); shared machine, figures inflated by other load`);
for (const repeat of [10, 40]) {
  const bytes = await lawPdf({ repeat });
  const pages = (await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 }).promise).numPages;
  await extractOnly(bytes); // warm-up: module and font code paths
  const base: number[] = [];
  const full: number[] = [];
  const stageRuns: Record<string, number>[] = [];
  let docs = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await extractOnly(bytes);
    base.push(performance.now() - t);
    t = performance.now();
    const { r, stages } = await importOnce(bytes);
    full.push(performance.now() - t);
    stageRuns.push(stages);
    docs = r.docs.length;
  }
  const stageMedians = Object.keys(stageRuns[0]).map((k) => `${k} ${Math.round(median(stageRuns.map((s) => s[k] ?? 0)))} ms`);
  console.log(
    `${pages} pages (${(bytes.length / 1048576).toFixed(1)} MB, ${docs} document(s)): import ${Math.round(median(full))} ms vs pdf.js extraction alone ${Math.round(median(base))} ms = ${(median(full) / median(base)).toFixed(2)}× (target < 2×); stages: ${stageMedians.join(', ')}`,
  );
}
