/**
 * What a cached parse depends on (the parse cache's key, cli/parse-pool.ts): the source files the parse phase
 * runs — its own module and the worker's, and every file they import from this project, followed import by
 * import — and the versions of the npm packages among those imports (pdf.js, and mammoth with jszip, extract .pdf and .docx
 * in raw/). A change elsewhere (variant detection, the search index, the CLI's other commands) keeps every
 * entry: hashing the whole compiled CLI, as the key did, parsed 6,134 files again (15 s at 10,000 documents)
 * after any change to the program.
 */
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { sha256Hex } from './hash.js';
import { PROJECT_ROOT } from './project-root.js';

/** The modules the parse phase starts from (relative to the project); other steps name theirs (cli/search-update.ts). */
export const PARSE_ROOTS = ['cli/parse-pool.ts', 'cli/parse-worker.ts'];

/** Every module specifier in a TypeScript or JavaScript source: static, re-exported, side-effect and dynamic imports. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The npm package a bare specifier names ('pdfjs-dist/legacy/build/pdf.mjs' → 'pdfjs-dist', '@scope/x/y' → '@scope/x'). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The project files reachable from `roots` by relative imports (a `.js` specifier names the `.ts` source, as
 * TypeScript's ES modules write it), sorted, and the npm packages they import. `read` gives a file's text, or
 * null when there is none; a specifier naming no file is listed as it is, so its later appearance changes the key.
 */
export function importClosure(roots: string[], read: (file: string) => string | null): { files: string[]; missing: string[]; packages: string[] } {
  const seen = new Set<string>();
  const missing = new Set<string>();
  const packages = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file) || missing.has(file)) continue;
    const text = read(file);
    if (text === null) {
      missing.add(file);
      continue;
    }
    seen.add(file);
    for (const [, spec] of text.matchAll(SPECIFIER)) {
      if (spec.startsWith('.')) {
        const target = path.posix.join(path.posix.dirname(file), spec);
        const ts = target.replace(/\.js$/, '.ts');
        todo.push(ts !== target && read(ts) !== null ? ts : target);
      } else if (!isBuiltin(spec)) packages.add(packageOf(spec));
    }
  }
  return { files: [...seen].sort(), missing: [...missing].sort(), packages: [...packages].sort() };
}

/**
 * One key from the closure: each file's name and content hash, each package with its version. A missing module
 * needs no line: its name is in the text of the file importing it, and once it is there it is in `files`.
 */
export function fingerprintOf(closure: ReturnType<typeof importClosure>, read: (file: string) => string | null, version: (pkg: string) => string): string {
  const lines = [...closure.files.map((f) => `${f}\n${sha256Hex(read(f) ?? '')}`), ...closure.packages.map((p) => `package ${p}@${version(p)}`)];
  return sha256Hex(lines.join('\n'));
}

/** A file of the project at `root` as text, or null. */
const projectReader =
  (root: string) =>
  (file: string): string | null => {
    try {
      return readFileSync(path.join(root, file), 'utf8');
    } catch {
      return null;
    }
  };

/** The version of an npm package as installed under `root`, or why there is none. */
function installedVersion(read: (file: string) => string | null, pkg: string): string {
  const text = read(`node_modules/${pkg}/package.json`);
  if (text === null) return 'not installed';
  try {
    return String((JSON.parse(text) as { version?: unknown }).version);
  } catch {
    return 'unreadable';
  }
}

/**
 * The parse phase's key part for the project at `root`. Without its sources (a compiled CLI copied on its own),
 * the compiled files it runs stand in for them: `compiled` are their paths.
 */
export function projectFingerprint(root: string, compiled: URL[], roots: string[] = PARSE_ROOTS): string {
  const read = projectReader(root);
  const closure = importClosure(roots, read);
  if (closure.files.length) return fingerprintOf(closure, read, (pkg) => installedVersion(read, pkg));
  return sha256Hex(compiled.map((u) => sha256Hex(readFileSync(u))).join('\n'));
}

let fingerprint: string | undefined;
/** This program's key part (projectFingerprint), worked out once per process. */
export function parserFingerprint(compiled: URL[]): string {
  return (fingerprint ??= projectFingerprint(PROJECT_ROOT, compiled));
}
