import path from 'node:path';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, corpusRoot, loadLibrary, loadManifest } from '../corpus-files.js';
import { UNKNOWN_LABEL, documentYear, regionTop } from '../../core/corpus/facts.js';
import { printable } from '../printable.js';

/** policy-reader stats [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  const dir = await corpusRoot(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR));
  const [manifest, library] = await Promise.all([loadManifest(dir), loadLibrary(dir)]);
  const count = (key: (d: (typeof library)[number]) => string) => {
    const m: Record<string, number> = {};
    for (const d of library) m[key(d)] = (m[key(d)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));
  };
  const stats = {
    ...manifest.counts,
    contentHash: manifest.contentHash,
    byKind: count((d) => d.kind),
    byProvince: count((d) => regionTop(d.region)),
    byYear: count((d) => documentYear(d) ?? UNKNOWN_LABEL),
    multiSource: library.filter((d) => d.sources.length > 1).length,
    bodyMissing: library.filter((d) => d.bodyMissing).map((d) => ({ id: d.id, title: d.title, ...d.bodyMissing })),
    droppedLines: Object.fromEntries(manifest.rawFiles.map((f) => [f.file, f.dropped ?? {}])),
    warnings: manifest.warnings,
    notes: manifest.notes,
  };
  if (flags.has('json')) io.out(JSON.stringify(stats, null, 1));
  else {
    io.out(`documents ${stats.documents}, units ${stats.units}, characters ${stats.characters}, raw files ${stats.rawFiles} (skipped ${stats.skippedFiles})`);
    io.out(`by kind: ${Object.entries(stats.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    io.out(`by province: ${Object.entries(stats.byProvince).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    io.out(`by year: ${Object.entries(stats.byYear).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    io.out(`documents with several sources: ${stats.multiSource}`);
    for (const b of stats.bodyMissing) io.out(printable(`no body text: ${b.id} ${b.title} (${b.reason}${b.detail ? `: ${b.detail}` : ''})`));
    for (const [file, dropped] of Object.entries(stats.droppedLines)) {
      const parts = Object.entries(dropped).map(([k, v]) => `${k} ${v}`);
      io.out(printable(`lines dropped from ${file}: ${parts.length ? parts.join(', ') : 'none'}`));
    }
    for (const w of stats.warnings) io.out(printable(`warning: ${w.file}: ${w.message}`));
    for (const n of stats.notes) io.out(printable(`note: ${n}`));
  }
  return 0;
}
