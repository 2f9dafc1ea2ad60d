import path from 'node:path';
import { buildCorpus, corpusFiles } from '../../core/corpus/build.js';
import type { PolicyDocument } from '../../core/corpus/types.js';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, readRawFiles, writeCorpus } from '../corpus-files.js';
import { variantsArtifact } from '../../core/compare/artifact.js';

/** policy-reader build [--corpus DIR] [--raw DIR] [--json] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { options, flags } = parseArgs(args, { options: ['corpus', 'raw'], flags: ['json', 'quiet'] });
  const corpusDir = path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR);
  const rawDir = path.resolve(options.raw ?? path.join(corpusDir, 'raw'));
  const started = performance.now();
  const { files, unreadable } = await readRawFiles(rawDir);
  if (files.length === 0 && unreadable.length === 0) {
    io.err(`policy-reader build: no raw files in ${rawDir}`);
    return 1;
  }
  const result = buildCorpus(files);
  result.warnings.unshift(...unreadable);
  result.skippedFiles += unreadable.length;
  const search = await loadSearchArtifacts(result.docs, io);
  const { files: out, manifest } = corpusFiles(result, search, [variantsArtifact(result.docs)]);
  await writeCorpus(corpusDir, out);
  const ms = Math.round(performance.now() - started);
  if (flags.has('json')) io.out(JSON.stringify({ ...manifest.counts, ms, warnings: manifest.warnings, contentHash: manifest.contentHash }));
  else if (!flags.has('quiet')) {
    io.out(`built ${manifest.counts.documents} documents, ${manifest.counts.units} units from ${files.length} raw file(s) in ${ms} ms → ${corpusDir}`);
    for (const n of manifest.notes) io.out(`note: ${n}`);
  }
  for (const w of manifest.warnings) io.err(`warning: ${w.file}: ${w.message}`);
  return 0;
}

/** The search index is built with the corpus when the search module is present. */
async function loadSearchArtifacts(docs: PolicyDocument[], io: CommandIO): Promise<{ path: string; data: string }[]> {
  try {
    const mod = await import('../../core/search/artifacts.js');
    return mod.buildSearchArtifacts(docs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('search/artifacts')) {
      io.err('warning: core/search/artifacts.ts not found; corpus built without a search index');
      return [];
    }
    throw e;
  }
}
