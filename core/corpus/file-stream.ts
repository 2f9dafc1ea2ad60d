/**
 * The corpus files of a build as a stream (corpusFileStream): library.json and its head, the derived artifacts, one
 * document's JSON at a time and the manifest last, each made when the writer asks for it and hashed as it passes.
 */
import { type BuildResult, compactJson, type HashHex, stableJson, summarize } from './build.js';
import { LIBRARY_HEAD_FILE, libraryHead } from './library-head.js';
import type { Manifest, PolicyDocument } from './types.js';
import { CORPUS_FORMAT_VERSION } from './types.js';

export interface CorpusFiles {
  /** Relative path (under resources/corpus/) → file content. */
  files: Map<string, string>;
  manifest: Manifest;
}

/**
 * A file derived from the documents (search index, variants), with its path from the corpus root ('search/index.json'):
 * its text, or, for one the previous build wrote (a variants shard whose makings are unchanged), what makes it and
 * the SHA-256 it had then: the writer links that file and makes nothing.
 */
export type CorpusArtifact = { path: string; data: FileBytes } | { path: string; make: () => FileBytes; sha256: string };

/** Artifacts whose paths are relative to one folder of the corpus (the search index's are relative to search/). */
export function* inFolder(folder: string, artifacts: Iterable<CorpusArtifact>): Generator<CorpusArtifact> {
  for (const a of artifacts) yield { ...a, path: `${folder}/${a.path}` };
}

/** The files of a build made one at a time, so that a writer holds one document's JSON, not all of them. */
/** A file's text, or its bytes (a rebuild's search text shard moved whole: core/search/build.ts). */
export type FileBytes = string | Uint8Array;

/** A file's text or bytes, or what makes them (a document whose hash is known: made only if the writer cannot link it). */
export type FileContent = FileBytes | (() => FileBytes);

export interface CorpusFileStream {
  /**
   * library.json, library-head.json, the artifacts, docs/<id>.json, the artifacts made after the documents, each
   * with its SHA-256 (the writer links a file the previous version has with that hash instead of writing it), then
   * manifest.json (over the hashes of those before it). Read once.
   */
  files: Iterable<[path: string, content: FileContent, sha256?: string]>;
  /** The manifest, once `files` has been read to its end. */
  manifest(): Manifest;
  /** The SHA-256 of a file already handed on. */
  sha256Of(path: string): string | undefined;
}

/**
 * The corpus files of a build, each made when asked for and hashed as it passes. Artifacts are read in
 * order as the writer reaches them: a generator (the variants' shards) makes each only then, and an array
 * is let go of entry by entry once handed on (a caller that keeps no other reference has the search index
 * freed as it is written).
 */
/**
 * `docHash`, where given, is each document's file hash, made before (the CLI's variants cache is keyed by it): the
 * document's file is then handed on as that hash and a function that makes its JSON, not made here.
 * `afterDocuments` are read once the documents' files are out: the build makes its search index there, from units
 * it flattened out of the documents before letting them go.
 */
export function corpusFileStream(
  result: BuildResult,
  sha256Hex: HashHex,
  artifacts: Iterable<CorpusArtifact> = [],
  docHash?: (doc: PolicyDocument) => string,
  afterDocuments: Iterable<CorpusArtifact> = [],
): CorpusFileStream {
  const hashes = new Map<string, string>();
  const early = readOnce(artifacts);
  const late = readOnce(afterDocuments);
  let manifest: Manifest | null = null;
  /** A file of the corpus, hashed here, or made later (`make`) with the hash it was given. */
  function file(path: string, content: FileBytes): [string, FileBytes, string];
  function file(path: string, make: () => FileBytes, sha: string): [string, () => FileBytes, string];
  function file(path: string, content: FileContent, known?: string): [string, FileContent, string] {
    if (hashes.has(path) || path === 'manifest.json') throw new Error(`two corpus files at ${path}`);
    const sha = known ?? sha256Hex(content as FileBytes);
    hashes.set(path, sha);
    return [path, content, sha];
  }
  const artifactFile = (a: CorpusArtifact) => ('data' in a ? file(a.path, a.data) : file(a.path, a.make, a.sha256));
  function* files(): Generator<[string, FileContent, string?]> {
    // Counted now, and the documents reached through `result` only, never held here: the caller may let them go
    // once their files are out, before `afterDocuments` are made (the build does: cli/commands/build.ts).
    const counts = {
      rawFiles: result.rawFiles.length + result.skippedFiles,
      documents: result.docs.length,
      units: result.docs.reduce((n, d) => n + d.unitCount, 0),
      characters: result.docs.reduce((n, d) => n + d.charCount, 0),
      skippedFiles: result.skippedFiles,
    };
    const summaries = result.docs.map(summarize);
    yield file('library.json', compactJson(summaries));
    yield file(LIBRARY_HEAD_FILE, compactJson(libraryHead(summaries)));
    // Each artifact is let go once written, before the next is made; those made after the documents, only once
    // the documents' files are out (the build's search index, made when the documents are let go).
    for (const a of early) yield artifactFile(a);
    for (const d of result.docs) yield docHash ? file(`docs/${d.id}.json`, () => compactJson(d), docHash(d)) : file(`docs/${d.id}.json`, compactJson(d));
    for (const a of late) yield artifactFile(a);
    const hashInput = [...hashes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, h]) => `${p}\n${h}`).join('\n');
    manifest = {
      formatVersion: CORPUS_FORMAT_VERSION,
      contentHash: sha256Hex(hashInput),
      counts,
      rawFiles: result.rawFiles,
      warnings: result.warnings,
      notes: result.notes,
      files: [...hashes.keys()].sort(),
    };
    yield ['manifest.json', stableJson(manifest)];
  }
  return {
    files: { [Symbol.iterator]: files },
    manifest: () => {
      if (!manifest) throw new Error('the manifest is made after the last corpus file');
      return manifest;
    },
    sha256Of: (path) => hashes.get(path),
  };
}

/** Artifacts as the stream reads them: a generator as it comes, an array from the stream's own copy, entry by entry. */
const readOnce = (artifacts: Iterable<CorpusArtifact>): Iterable<CorpusArtifact> => (Array.isArray(artifacts) ? handedOn(artifacts.slice()) : artifacts);

/** The entries of an array the caller gave up, each dropped from it once yielded (so each can be freed once used). */
export function* handedOn<T>(items: (T | null)[]): Generator<T> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    items[i] = null;
    yield item;
  }
}

/** All the corpus files at once (tests, benchmarks); the build writes them as they come (corpusFileStream). */
export function corpusFiles(result: BuildResult, sha256Hex: HashHex, artifacts: Iterable<CorpusArtifact> = []): CorpusFiles {
  const stream = corpusFileStream(result, sha256Hex, artifacts);
  const text = (c: FileBytes) => (typeof c === 'string' ? c : new TextDecoder().decode(c));
  const files = new Map(Array.from(stream.files, ([path, content]) => [path, text(typeof content === 'function' ? content() : content)]));
  return { files, manifest: stream.manifest() };
}
