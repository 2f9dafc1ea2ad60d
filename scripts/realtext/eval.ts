/**
 * npm run eval:corpus -- [--set DIR] [--layout PREFIX] [--failures [N]] [--json]
 *
 * Builds the real-text set (default test-data/realtext) with the real
 * pipeline — the same steps as `policy-reader build`: buildCorpus, the search
 * index, variant detection — and scores it against the set's answer key
 * (score.ts). Prints every measure overall and per layout; --failures shows
 * N examples (default 3) of each failure; --layout L06 (or N0) builds and
 * scores only the files of those layouts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCorpus } from '../../core/corpus/build.js';
import { allUnits } from '../../core/corpus/units.js';
import type { PolicyDocument } from '../../core/corpus/types.js';
import { buildIndexData, shardFiles } from '../../core/search/build.js';
import { flattenCorpus } from '../../core/search/corpus-units.js';
import { SearchEngine } from '../../core/search/engine.js';
import { detectVariants } from '../../core/compare/detect.js';
import { readRawFiles } from '../../cli/corpus-files.js';
import { sha256Hex } from '../../cli/hash.js';
import type { AnswerKey } from './key.js';
import { formatScore, scoreCorpus, type ParsedDoc, type Probes } from './score.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : '') : undefined;
}

export function toParsed(d: PolicyDocument): ParsedDoc {
  return {
    id: d.id,
    title: d.title,
    issuer: d.issuer,
    issuers: d.issuers,
    docNumber: d.docNumber,
    date: d.date,
    region: d.region,
    kind: d.kind,
    sources: d.sources.map((s) => ({ file: s.file, startLine: s.startLine, endLine: s.endLine })),
    articles: allUnits(d.units).filter((u) => u.level === 'article').length,
  };
}

export async function evaluate(setDir: string, layoutPrefix = ''): Promise<{ score: ReturnType<typeof scoreCorpus>; ms: Record<string, number> }> {
  const fullKey = JSON.parse(readFileSync(path.join(setDir, 'key.json'), 'utf8')) as AnswerKey;
  const key = { ...fullKey, files: fullKey.files.filter((f) => f.layout.startsWith(layoutPrefix)) };
  const wanted = new Set(key.files.map((f) => f.file));
  const t0 = performance.now();
  const files = (await readRawFiles(path.join(setDir, 'raw'))).files.filter((f) => wanted.has(f.name));
  const result = buildCorpus(files, sha256Hex);
  const t1 = performance.now();
  const built = buildIndexData(flattenCorpus(result.docs));
  const engine = SearchEngine.fromJSON(built.units, built.index, shardFiles(built));
  const t2 = performance.now();
  const variants = detectVariants(result.docs);
  const t3 = performance.now();
  const probes: Probes = {
    foundIn: (docId, phrase) => engine.search(phrase, { doc: docId, facets: false, limit: 1 }).total > 0,
    revisions: [...variants.families.flatMap((f) => f.pairs), ...variants.links].filter((p) => p.relation === 'revision').map((p) => ({ a: p.a, b: p.b })),
  };
  const score = scoreCorpus(key, result.docs.map(toParsed), probes);
  return { score, ms: { parse: Math.round(t1 - t0), index: Math.round(t2 - t1), variants: Math.round(t3 - t2), score: Math.round(performance.now() - t3) } };
}

async function main(): Promise<void> {
  const setDir = path.resolve(arg('set') || 'test-data/realtext');
  const f = arg('failures');
  const { score, ms } = await evaluate(setDir, arg('layout') ?? '');
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ overall: score.overall, byLayout: score.byLayout, counts: score.counts, ms }, null, 1));
    return;
  }
  console.log(formatScore(score, f === undefined ? 0 : Number(f || 3)));
  console.log(`\n(parse ${ms.parse} ms, search index ${ms.index} ms, variants ${ms.variants} ms, scoring ${ms.score} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
