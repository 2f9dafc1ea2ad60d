import path from 'node:path';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, loadLibrary } from '../corpus-files.js';
import { regionPath } from '../../core/corpus/facts.js';

/** policy-reader list [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  const library = await loadLibrary(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR));
  if (flags.has('json')) {
    io.out(JSON.stringify(library.map(({ id, title, issuer, docNumber, date, region, kind, sources, unitCount, charCount, bodyMissing }) => ({ id, title, issuer, docNumber, date, region, kind, sources, unitCount, charCount, bodyMissing })), null, 1));
    return 0;
  }
  for (const d of library) {
    const where = regionPath(d.region).join('/');
    io.out([d.id, d.date ?? '----------', d.kind, where, d.title + (d.bodyMissing ? ' [无正文]' : ''), d.docNumber ?? ''].join('\t'));
  }
  return 0;
}
