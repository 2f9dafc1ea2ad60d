import path from 'node:path';
import { type CommandIO, UsageError, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, loadDocument } from '../corpus-files.js';
import type { Unit } from '../../core/corpus/types.js';

/** policy-reader show <id> [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options, positionals } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  if (positionals.length !== 1) throw new UsageError('expected one document id (see `policy-reader list`)');
  const doc = await loadDocument(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR), positionals[0]);
  if (!doc) {
    io.err(`policy-reader show: no document with id '${positionals[0]}'`);
    return 1;
  }
  if (flags.has('json')) {
    io.out(JSON.stringify(doc, null, 1));
    return 0;
  }
  io.out(doc.title);
  io.out([doc.issuer, doc.docNumber, doc.date].filter(Boolean).join('  '));
  for (const s of doc.sources) io.out(`  ${s.file}:${s.startLine}-${s.endLine}${s.firstPage ? ` (p.${s.firstPage}-${s.lastPage})` : ''}`);
  io.out('');
  const print = (units: Unit[], depth: number) => {
    for (const u of units) {
      const head = [u.label, u.heading].filter(Boolean).join(' ');
      const text = u.paragraphs.map((p) => p.text).join('\n' + '  '.repeat(depth + 1));
      io.out('  '.repeat(depth) + [head, text].filter(Boolean).join(' '));
      print(u.children, depth + 1);
    }
  };
  print(doc.units, 0);
  return 0;
}
