import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { assembleCorpus } from '../../core/corpus/build.js';
import { corpusFileStream, inFolder, type CorpusArtifact } from '../../core/corpus/file-stream.js';
import { indexFiles, searchArtifactStream } from '../../core/search/artifacts.js';
import { flattenCorpus } from '../../core/search/corpus-units.js';
import { detectionFiles } from '../../core/compare/artifact.js';
import { detect } from '../../core/compare/detect.js';
import { pruneVariantsCache, variantsCache } from '../variants-cache.js';
import { prepareInWorkers } from '../variants-pool.js';
import { startSubjectJob } from '../subject-thread.js';
import { ClauseThread } from '../clause-thread.js';
import { type CommandIO, UsageError, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, acquireBuildLock, checkCorpusFolder, currentVersionName, writeCorpus } from '../corpus-files.js';
import { sha256Hex } from '../hash.js';
import type { PolicyDocument } from '../../core/corpus/types.js';
import type { PreparedCache } from '../../core/compare/prepared-cache.js';
import { parseRawFolder, pruneParseCache } from '../parse-pool.js';
import { printable } from '../printable.js';
import { BuildProgress, progressMode } from '../progress.js';
import { listRawFiles } from '../raw-files.js';
import { collectGarbage } from '../collect-garbage.js';
import { DocHashes, docHashEntries, lastDocHashes, saveDocHashes } from '../doc-hashes.js';
import { guardedIndexFiles, previousIndexFor, previousSearch, previousTextShards, saveSearchState, searchFingerprint } from '../search-update.js';
import { SearchThread } from '../search-thread.js';
import { previousShards, saveShards, shardCodeFingerprint, type ShardRecord } from '../variant-shards.js';

/**
 * policy-reader build [--corpus DIR] [--raw DIR] [--jobs N] [--json] [--quiet]
 * Steps: refuse a folder that is not a corpus → lock → parse the raw files in
 * worker threads (.pdf and .docx through the app's import extractors first),
 * each from the cache when unchanged (parse-pool) → collapse
 * copies and give ids (core) → derived artifacts (search index, variants) →
 * write a new version and switch to it (corpus-files). Add a derived artifact
 * by appending to `artifacts` below.
 */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { options, flags } = parseArgs(args, { options: ['corpus', 'raw', 'jobs'], flags: ['json', 'quiet'] });
  const corpusDir = path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR);
  const rawDir = path.resolve(options.raw ?? path.join(corpusDir, 'raw'));
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0)) throw new UsageError('--jobs 需要一个非负整数（0：不用工作线程解析和查找相似文本）');
  if (!existsSync(rawDir) || !statSync(rawDir).isDirectory()) {
    io.err(`policy-reader build: 原始文件夹不存在：${rawDir}（请把原始文件放在那里，或用 --raw DIR 指定）`);
    return 1;
  }
  const folder = await checkCorpusFolder(corpusDir);
  if (!folder.ok) {
    io.err(`policy-reader build: ${folder.message}`);
    return 1;
  }
  const lock = await acquireBuildLock(corpusDir);
  if (!lock.ok) {
    io.err(`policy-reader build: ${lock.message}`);
    return 1;
  }
  try {
    const names = await listRawFiles(rawDir);
    if (names.length === 0) {
      io.err(`policy-reader build: ${rawDir} 里没有原始文件`);
      return 1;
    }
    const progress = new BuildProgress(io, progressMode(io, flags));
    progress.phase('parse', { totalFiles: names.length });
    // A rebuild (a version to build on) holds no parsed document's units it does not use (parse-pool.ts).
    const deferParsed = (await currentVersionName(corpusDir)) !== null;
    const parsed = await parseRawFolder({ rawDir, names, corpusDir, jobs, deferParsed, onProgress: (p) => progress.update(p) });
    progress.phase('collapse');
    const result = assembleCorpus(parsed.parses, sha256Hex);
    parsed.parses.length = 0; // the documents are in `result` now; the parses would double the build's memory
    progress.update({ documents: result.docs.length });
    // Variants, then the search index, one after the other in this thread, each let go once its files are written:
    // the search index is built only after the detection's files are written, so the two are never held together
    // (at 10,000 documents the detection held about 200 MB through the index's making and writing).
    // Building the index in a worker thread alongside variants saved 20–30 s at 10,000 documents but cost about
    // 1 GB more at the peak (3.0 GB): the units copied to the thread and the index's files copied back. A rebuild's
    // update of the previous index, a few hundred MB, does run in a thread, after detection (below).
    progress.phase('variants');
    // Each document's file hash, made once, or the last build's for a document of the same provenance: the variants
    // cache's keys, then the documents' files (cli/doc-hashes.ts).
    const docHashes = new DocHashes();
    docHashes.keep(result.docs, result.provenance, await lastDocHashes(corpusDir));
    // The shards the previous build made, by fingerprint: those unchanged are linked, not made (cli/variant-shards.ts).
    const shardCode = shardCodeFingerprint();
    const shards = await previousShards(corpusDir, shardCode);
    const detected = await detectVariants(corpusDir, result.docs, jobs, docHashes, shards);
    // The index is made when its first file is asked for (phase 'search'); each of its files is made as it is written.
    const searchCode = searchFingerprint();
    const lastSearch = await previousSearch(corpusDir, searchCode);
    // What detection let go is collected before the index is made whole, the build's peak then. A rebuild that updates
    // the previous index peaks in detection, and holds far less after it: without threads it is left to collect when
    // it must (each full collection here was 0.3 s of a 10,000-document rebuild; with threads, see below). Unless
    // detection matched every clause (its cache of another version, most documents new): then it held as much as a
    // full build's, and left uncollected it was still in the heap when the update peaked, at 2.06 GB at 10,000 documents.
    const collect = !lastSearch || detected.clausesRematched === null;
    if (collect) collectGarbage();
    // An update of the previous index runs in a thread of its own while this one writes the detection's files and the
    // documents' (cli/search-thread.ts); not beside a detection that held as much as a full build's. What detection let
    // go is collected first (about 0.1 s): the thread's memory came on top of it, and rebuilds peaked at up to 1.92 GB.
    const threaded = lastSearch && !collect && jobs !== 0;
    if (threaded) collectGarbage();
    const searchThread = threaded ? SearchThread.start(lastSearch, result.docs, (d) => docHashes.of(d)) : null;
    progress.phase('write');
    let searchIndex: 'updated' | 'built' = 'built';
    // The index's units indexed from their text in this build; the others' entries were the previous index's.
    let searchUnitsIndexed = 0;
    // Text shards of the previous index moved whole into this one, their units' texts not read (core/search/build.ts).
    let searchTextShardsMoved = 0;
    // What the next build takes the documents' hashes from, made before the documents are let go.
    let docHashRecord: [string, string][] = [];
    // Whether the index came from the search thread.
    let searchThreaded = false;
    const searchFiles = function* () {
      progress.phase('search');
      const reply = searchThread?.take();
      if (lastSearch && reply?.updated) {
        docHashRecord = docHashEntries(result.docs, result.provenance, docHashes);
        result.docs = [];
        searchIndex = 'updated';
        searchUnitsIndexed = reply.unitsIndexed;
        searchTextShardsMoved = reply.textShardsMoved;
        searchThreaded = true;
        // Its moved text shards are read from the previous version as they are written: a failure there is told as such.
        const files = guardedIndexFiles(inFolder('search', indexFiles(reply.updated, previousTextShards(lastSearch))), corpusDir);
        progress.phase('write');
        yield* files;
        return;
      }
      // The previous index updated for the documents that changed (cli/search-update.ts), when it can be trusted; the
      // unchanged documents' records are taken from it, so their units are not read.
      const last = lastSearch && previousIndexFor(lastSearch, result.docs, (d) => docHashes.of(d));
      const corpus = flattenCorpus(result.docs, last ? last.kept : undefined);
      docHashRecord = docHashEntries(result.docs, result.provenance, docHashes);
      // Every file made from the documents is out, and the index needs only the units flattened from them: they
      // are let go before it is made. Every full collection marks what is held, and the documents were most of it
      // (about 0.4 of a 0.6 GB heap at 10,000 documents), collected a few times while the index is made whole.
      // An update is left to collect when it must (above).
      result.docs = [];
      if (!last || collect) collectGarbage();
      // Without a previous index every unit is indexed from its text; with one, the update says how it went.
      searchUnitsIndexed = corpus.units.length;
      const made = (how: 'updated' | 'built', unitsIndexed: number, textShardsMoved: number) => {
        searchIndex = how;
        searchUnitsIndexed = unitsIndexed;
        searchTextShardsMoved = textShardsMoved;
      };
      // An update reads the previous index's text shards as their files are made: a failure there is told as such.
      const stream = inFolder('search', searchArtifactStream(corpus, last ? { previous: last.previous, oldOf: last.oldOf(corpus), made } : undefined));
      const files = last ? guardedIndexFiles(stream, corpusDir) : stream;
      const first = files.next();
      progress.phase('write');
      if (!first.done) yield first.value;
      yield* files;
    };
    // Written as made: the detection's files, one document's JSON at a time, then each of the index's files as it is
    // made (after the documents', so that the documents can be let go first).
    const out = corpusFileStream(result, sha256Hex, detectionThenLetGo(detected), (d) => docHashes.of(d), searchFiles());
    let written: Awaited<ReturnType<typeof writeCorpus>>;
    try {
      written = await writeCorpus(corpusDir, out.files, (step) => {
        if (step === 'staged') progress.phase('switch');
      });
    } finally {
      await searchThread?.stop();
    }
    await saveSearchState(corpusDir, written.version, searchCode);
    await saveDocHashes(corpusDir, written.version, docHashRecord);
    await saveShards(corpusDir, written.version, shardCode, shards, out.sha256Of);
    const manifest = out.manifest();
    await pruneParseCache(corpusDir, parsed.used);
    await pruneVariantsCache(corpusDir, detected.cacheUsed);
    progress.finish();
    const ms = progress.elapsed();
    if (flags.has('json')) {
      io.out(
        JSON.stringify({
          ...manifest.counts,
          ms,
          phases: progress.phases,
          // The variants phase by step (ms): reading the per-document cache, then detection's stages (core/compare/detect.ts).
          variantsSteps: detected.stages,
          peakRssMb: progress.peakRssMb,
          parsedFiles: parsed.parsed,
          cachedFiles: parsed.cached,
          // Times a cached document's units were read back: a rebuild reads only those of documents whose file it makes.
          unitsRead: parsed.unitReads.count,
          // The same for documents parsed in this build, held deferred in a rebuild (parse-pool.ts deferParsed).
          parsedUnitsRead: parsed.parsedUnitReads.count,
          // Units whose clauses were matched again, the rest kept from the last build; null: all were matched.
          clausesRematched: detected.clausesRematched,
          // Document pairs whose shared shingles were counted, the rest kept from the last build (core/compare/pair-counts.ts).
          docPairsCounted: detected.docPairsCounted,
          // Whether the common shingles came from the last build's counts, updated for what changed (core/compare/common-counts.ts).
          commonShinglesKept: detected.commonShinglesKept,
          // Document pairs whose shared clause count was the last build's (core/compare/shared-counts.ts).
          sharedCountsKept: detected.sharedCountsKept,
          // Documents whose file hash was the last build's, by provenance (cli/doc-hashes.ts).
          docHashesKept: docHashes.kept,
          // Documents whose terms for subject pairs were the last build's (cli/subject-thread.ts).
          subjectTermsKept: detected.subjectTermsKept,
          // Variants shards not made: handed on by the previous build's hash, and linked (cli/variant-shards.ts).
          variantShardsKept: shards.reused,
          // Files linked from the previous version, unchanged, instead of written (cli/version-files.ts).
          linkedFiles: written.linked,
          // 'updated': the previous build's search index updated for what changed (cli/search-update.ts); 'built': made whole.
          searchIndex,
          searchUnitsIndexed,
          searchTextShardsMoved,
          // Whether it was updated in a thread of its own while the other files were written (cli/search-thread.ts).
          searchThreaded,
          version: written.version,
          warnings: manifest.warnings,
          contentHash: manifest.contentHash,
        }),
      );
    } else if (!flags.has('quiet')) {
      const reuse = parsed.cached ? `，其中 ${parsed.cached} 个未改动，取自缓存` : '';
      io.out(`已构建 ${manifest.counts.documents} 个文档、${manifest.counts.units} 个条款单元，来自 ${names.length} 个原始文件${reuse}，用时 ${(ms / 1000).toFixed(1)} 秒 → ${printable(corpusDir)}`);
      for (const n of manifest.notes) io.out(printable(`说明：${n}`));
    }
    for (const n of folder.notes) io.err(printable(`说明：${n}`));
    for (const k of written.kept) io.err(printable(`说明：${path.join(corpusDir, k)} 里有不是构建写出的文件，保留原样`));
    for (const w of manifest.warnings) io.err(printable(`警告：${w.file}：${w.message}`));
    return 0;
  } finally {
    await lock.release();
  }
}

/**
 * Variant detection with the per-document cache, its per-document work done first in worker threads
 * (variants-pool.ts; `jobs` 0: in this thread). The cache (and the slab it reads entries into) is let go when
 * this returns: what the build keeps is the detection's files, made as they are written, and the entries it used.
 */
async function detectVariants(
  corpusDir: string,
  docs: PolicyDocument[],
  jobs: number | undefined,
  docHashes: DocHashes,
  shards: ShardRecord,
): Promise<{ files: Iterable<CorpusArtifact> | null; cacheUsed: Set<string>; clausesRematched: number | null; docPairsCounted: number; commonShinglesKept: boolean; sharedCountsKept: number; subjectTermsKept: number; stages: Record<string, number> }> {
  const cache = variantsCache(corpusDir, docHashes);
  const stages: Record<string, number> = {};
  let since = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    stages[name] = Math.round(now - since);
    since = now;
  };
  // The entries read ahead by a thread of their own while this one checks them (`--jobs 0`: no threads).
  if (jobs !== 0) await cache.readAhead(docs);
  let prepared: PreparedCache;
  try {
    prepared = await prepareInWorkers(docs, cache, { jobs });
  } finally {
    await cache.endReadAhead();
  }
  stage('cache');
  // Subject pairs are ranked in a thread of their own while detection runs here (cli/subject-thread.ts).
  const subject = startSubjectJob(docs, cache.key, cache.subjectState, { jobs });
  // Clauses matched from scratch (a first build) walk half their bands in a thread of their own (cli/clause-thread.ts).
  const clauses = new ClauseThread({ jobs: jobs ?? availableParallelism() - 1 });
  try {
    const detection = detect(docs, { cache: prepared, deferSubject: true, onStage: stage, clauseHelper: clauses });
    detection.subject = await subject.pairs(detection.textVariants!);
    stage('subjectPairs');
    detection.textVariants = null;
    return {
      files: detectionFiles(detection, shards),
      cacheUsed: cache.used,
      clausesRematched: detection.stats.clausesRematched,
      docPairsCounted: detection.stats.docPairsCounted,
      commonShinglesKept: detection.stats.commonKept,
      sharedCountsKept: detection.stats.sharedCountsKept,
      subjectTermsKept: subject.kept,
      stages,
    };
  } finally {
    await Promise.all([subject.stop(), clauses.stop()]);
  }
}

/**
 * The detection's files as they are made. The detection is reached only through `detection.files`, cleared once
 * its files are out: a finished generator still holds everything its frame held (here the whole detection) for as
 * long as anything holds the generator. The search index is made after the documents' files (corpusFileStream's
 * `afterDocuments`), so never while the detection is held.
 */
export function* detectionThenLetGo(detection: { files: Iterable<CorpusArtifact> | null }): Generator<CorpusArtifact> {
  yield* detection.files!;
  detection.files = null;
}
