/**
 * The parse phase of the corpus build: every raw file parsed in worker threads
 * (as many as cores), each file's parse cached by content in the corpus folder
 * (cache/parse/<key>.json, laid out as cli/parse-cache.ts says) so an unchanged file is not parsed again, and its
 * documents' units are not even read until the corpus asks for them. The key
 * covers the file's name, its bytes and the parser's own code (parser-fingerprint.ts), so a changed
 * file, a renamed one or a new parser version is parsed afresh.
 */
import { availableParallelism } from 'node:os';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type FileParse, parseRawFile } from '../core/corpus/build.js';
import { extractRawFiles } from '../core/import/raw-files.js';
import { nodeExtractorLibs } from './extractors.js';
import { sha256Hex } from './hash.js';
import type { WorkerReply, WorkerRequest } from './parse-worker.js';
import { readRawFile } from './raw-files.js';
import { pruneCacheDir } from './cache-prune.js';
import { parserFingerprint } from './parser-fingerprint.js';
import { encodeParseEntry, parseEntryText, readCachedParse } from './parse-cache.js';
import { WorkerThread, workerUrl } from './worker-thread.js';

/** Folder of the parse cache, relative to the corpus folder. */
export const PARSE_CACHE_DIR = path.join('cache', 'parse');
const CACHE_NAME = /^[0-9a-f]{64}\.json$/;

const WORKER_URL = workerUrl('parse-worker');
/**
 * Files in hand at once: read (with blocking calls, raw-files.ts), then parsed in a thread or taken from the cache.
 * One file at a time per worker left the threads waiting on the next file's reading; several are queued on each.
 */
const READ_AHEAD = 8;

export interface ParseProgress {
  /** Files done (parsed, cached or skipped) and in all. */
  files: number;
  totalFiles: number;
  /** Documents found so far (before identical copies are collapsed). */
  documents: number;
}

export interface ParsePhase {
  /** One parse per raw file, in name order. */
  parses: FileParse[];
  /** How many came from the cache, and how many were parsed. */
  cached: number;
  parsed: number;
  /** Cache file names this build used (the rest can be pruned). */
  used: Set<string>;
  /** How many times a cached document's units were read back (core/corpus/deferred-units.ts), counted as the build goes on. */
  unitReads: { count: number };
  /** The same for a document parsed in this build and held deferred (`deferParsed`). */
  parsedUnitReads: { count: number };
}

/** A parse worker thread of the build (parse-worker.ts). */
class BuildWorker {
  private thread = new WorkerThread<WorkerRequest, WorkerReply>(WORKER_URL);

  async parse(name: string, bytes: Uint8Array): Promise<string> {
    const r = await this.thread.request({ name, bytes }, [bytes.buffer as ArrayBuffer]);
    return r.entry!;
  }

  stop(): Promise<void> {
    return this.thread.stop();
  }
}

export async function parseRawFolder(opts: {
  rawDir: string;
  names: string[];
  corpusDir: string;
  /** Worker threads; 0 parses in this thread. Default: as many as cores. */
  jobs?: number;
  /**
   * A freshly parsed file's documents are held as a cached one's, their units read from its entry when asked
   * (deferred), not kept. For a rebuild, which needs the units of few documents: one that parses every file again
   * (a parser upgrade, the cache gone) held them all through detection, 450 MB at 10,000 documents, and peaked at
   * 2.0–2.1 GB. A first build needs every document's units, several times: it keeps them.
   */
  deferParsed?: boolean;
  onProgress?: (p: ParseProgress) => void;
}): Promise<ParsePhase> {
  const { rawDir, names, corpusDir } = opts;
  const cacheDir = path.join(corpusDir, PARSE_CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });
  const version = parserFingerprint([WORKER_URL, new URL('./policy-reader.mjs', import.meta.url)]);
  const jobs = Math.max(0, Math.min(opts.jobs ?? availableParallelism(), names.length));
  const parses: FileParse[] = new Array(names.length);
  const used = new Set<string>();
  const unitReads = { count: 0 };
  const parsedUnitReads = { count: 0 };
  const progress: ParseProgress = { files: 0, totalFiles: names.length, documents: 0 };
  let cached = 0;
  let parsed = 0;
  let nextFile = 0;

  const done = (k: number, p: FileParse) => {
    parses[k] = p;
    progress.files++;
    progress.documents += p.docs.length;
    opts.onProgress?.({ ...progress });
  };

  const runner = async (worker: BuildWorker | null) => {
    for (let k = nextFile++; k < names.length; k = nextFile++) {
      const name = names[k];
      const read = readRawFile(rawDir, name);
      if (!read.ok) {
        done(k, { file: name, rawFile: null, warnings: [{ file: name, message: read.message }], notes: [], docs: [] });
        continue;
      }
      const key = `${sha256Hex(`${name}\n${sha256Hex(read.bytes)}\n${version}`)}.json`;
      used.add(key);
      const file = path.join(cacheDir, key);
      const kept = readCachedParse(file, unitReads);
      if (kept) {
        cached++;
        done(k, kept);
        continue;
      }
      // .pdf, .docx, .doc and .html in raw/ go through the app's import extractors (core/import) first; text passes as it is.
      const { files: extracted, skipped, warnings } = await extractRawFiles([{ name, bytes: read.bytes }], nodeExtractorLibs);
      const text = extracted[0];
      let entry: string;
      if (!text) entry = encodeParseEntry({ file: name, rawFile: null, warnings: skipped, notes: [], docs: [] });
      else entry = worker ? await worker.parse(name, text.bytes) : encodeParseEntry(parseRawFile(text, sha256Hex));
      let parse = parseEntryText(entry)!;
      // What extracting noticed comes before what parsing the text did (a text file's decoder warnings come first too).
      if (warnings.length) {
        parse = { ...parse, warnings: [...warnings, ...parse.warnings] };
        entry = encodeParseEntry(parse);
      }
      parsed++;
      // Written aside and renamed, so a killed build never leaves half a cache entry that a later build would trust.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, entry);
      await rename(tmp, file);
      done(k, (opts.deferParsed && readCachedParse(file, parsedUnitReads)) || parse);
    }
  };

  const workers = Array.from({ length: jobs }, () => new BuildWorker());
  try {
    await Promise.all(Array.from({ length: Math.max(jobs, READ_AHEAD) }, (_, i) => runner(jobs ? workers[i % jobs] : null)));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  return { parses, cached, parsed, used, unitReads, parsedUnitReads };
}

/** Remove cache entries this build did not use: only files named as the cache names them (never another file). */
export function pruneParseCache(corpusDir: string, used: Set<string>): Promise<number> {
  return pruneCacheDir(path.join(corpusDir, PARSE_CACHE_DIR), CACHE_NAME, used);
}
