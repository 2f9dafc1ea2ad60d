import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCorpus, corpusFiles } from '../../core/corpus/build.js';
import { buildSearchArtifacts } from '../../core/search/artifacts.js';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, acquireBuildLock, readRawFiles, writeCorpus } from '../corpus-files.js';
import { sha256Hex } from '../hash.js';
import { variantsArtifacts } from '../../core/compare/artifact.js';
import { extractRawFiles } from '../../core/import/raw-files.js';
import { nodeExtractorLibs } from '../extractors.js';

/**
 * policy-reader build [--corpus DIR] [--raw DIR] [--json] [--quiet]
 * Steps: read raw files → parse (core) → derived artifacts (search index) →
 * write into a temporary folder and swap in. Add a derived artifact by
 * appending to `artifacts` below.
 */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { options, flags } = parseArgs(args, { options: ['corpus', 'raw'], flags: ['json', 'quiet'] });
  const corpusDir = path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR);
  const rawDir = path.resolve(options.raw ?? path.join(corpusDir, 'raw'));
  if (!existsSync(rawDir) || !statSync(rawDir).isDirectory()) {
    io.err(`policy-reader build: the raw folder is missing: ${rawDir} (put the extracted .txt files there, or pass --raw DIR)`);
    return 1;
  }
  const lock = await acquireBuildLock(corpusDir);
  if (!lock.ok) {
    io.err(`policy-reader build: ${lock.message}`);
    return 1;
  }
  try {
    const started = performance.now();
    const read = await readRawFiles(rawDir);
    // .pdf and .docx in raw/ go through the app's import extractors (core/import).
    const { files, skipped } = await extractRawFiles(read.files, nodeExtractorLibs);
    const unreadable = [...read.unreadable, ...skipped];
    if (files.length === 0 && unreadable.length === 0) {
      io.err(`policy-reader build: no raw files in ${rawDir}`);
      return 1;
    }
    const result = buildCorpus(files, sha256Hex);
    result.warnings.unshift(...unreadable);
    result.skippedFiles += unreadable.length;
    const artifacts = [...buildSearchArtifacts(result.docs)];
    const { files: out, manifest } = corpusFiles(result, sha256Hex, artifacts, variantsArtifacts(result.docs));
    await writeCorpus(corpusDir, out);
    const ms = Math.round(performance.now() - started);
    if (flags.has('json')) io.out(JSON.stringify({ ...manifest.counts, ms, warnings: manifest.warnings, contentHash: manifest.contentHash }));
    else if (!flags.has('quiet')) {
      io.out(`built ${manifest.counts.documents} documents, ${manifest.counts.units} units from ${files.length} raw file(s) in ${ms} ms → ${corpusDir}`);
      for (const n of manifest.notes) io.out(`note: ${n}`);
    }
    for (const w of manifest.warnings) io.err(`warning: ${w.file}: ${w.message}`);
    return 0;
  } finally {
    await lock.release();
  }
}
