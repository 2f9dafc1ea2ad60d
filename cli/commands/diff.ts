import path from 'node:path';
import { type CommandIO, UsageError, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, corpusRoot, loadDocument } from '../corpus-files.js';
import { alignDocuments, type AlignedRow } from '../../core/compare/align.js';
import { DEFAULT_DIFF_OPTIONS, type DiffOptions } from '../../core/compare/diff.js';
import { splitUnitId } from '../../core/corpus/unit-id.js';

const MARK: Record<AlignedRow['status'], string> = { same: ' ', changed: '~', moved: '>', 'only-a': '-', 'only-b': '+' };
const SPLIT_LABEL: Record<NonNullable<AlignedRow['split']>, string> = { 'a-split': '--- 一条拆为 +++ 两条', 'b-split': '--- 两条合为 +++ 一条' };

/**
 * wdiff-style inline marks: [-removed-]{+added+}; text equal under the options
 * is printed as in A. A rewritten row is printed as its two texts, `-` then `+`
 * lines: marks scattered through a rewrite help nobody.
 */
export function inlineDiff(row: AlignedRow): string {
  if (row.rewritten) return row.ops.map((op) => `${op[0]} ${op[1]}`).join('\n');
  return row.ops.map((op) => (op[0] === '=' ? op[1] : op[0] === '-' ? `[-${op[1]}-]` : `{+${op[1]}+}`)).join('');
}

/** The command without its argument parsing: the alignment of two documents and its operations. */
export async function diff(opts: { corpusDir: string; a: string; b: string; json: boolean; options: DiffOptions }, io: CommandIO): Promise<number> {
  const [a, b] = await Promise.all([loadDocument(opts.corpusDir, opts.a), loadDocument(opts.corpusDir, opts.b)]);
  for (const [id, d] of [[opts.a, a], [opts.b, b]] as const)
    if (!d) {
      io.err(`policy-reader diff: 没有编号为“${id}”的文档`);
      return 1;
    }
  const al = alignDocuments(a!, b!, opts.options);
  if (opts.json) {
    io.out(JSON.stringify(al, null, 1));
    return 0;
  }
  io.out(`--- ${a!.id} ${a!.title}`);
  io.out(`+++ ${b!.id} ${b!.title}`);
  for (const r of al.rows) {
    const where = [r.a.map((id) => splitUnitId(id).path).join('+') || '·', r.b.map((id) => splitUnitId(id).path).join('+') || '·'].join(' ↔ ');
    const notes = [r.renumbered ? `改号 ${r.renumbered.a}→${r.renumbered.b}` : '', r.split ? SPLIT_LABEL[r.split] : '', r.status === 'moved' ? '移动' : '', r.rewritten ? '改写' : ''].filter(Boolean).join('，');
    io.out(`${MARK[r.status]} [${where}]${notes ? `（${notes}）` : ''}${r.status === 'changed' || r.status === 'moved' ? ` 条款相似度 ${Math.round(r.similarity * 100)}%` : ''}`);
    io.out('    ' + inlineDiff(r).replace(/\n/g, '\n    '));
  }
  const s = al.summary;
  io.out(`相同 ${s.same}，有改动 ${s.changed}，移动 ${s.moved}，仅见于 --- ${s.onlyA}，仅见于 +++ ${s.onlyB}，重合 ${Math.round(s.overlap * 1000) / 10}%`);
  return 0;
}

/** policy-reader diff <idA> <idB> [--json] [--strict-width] [--strict-space] [--ignore-numbering] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options, positionals } = parseArgs(args, { flags: ['json', 'strict-width', 'strict-space', 'ignore-numbering'], options: ['corpus'] });
  if (positionals.length !== 2) throw new UsageError('需要两个文档编号（可用 policy-reader list 查看）');
  return diff(
    {
      corpusDir: await corpusRoot(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR)),
      a: positionals[0],
      b: positionals[1],
      json: flags.has('json'),
      options: {
        ...DEFAULT_DIFF_OPTIONS,
        ignoreWidth: !flags.has('strict-width'),
        ignoreWhitespace: !flags.has('strict-space'),
        ignoreNumbering: flags.has('ignore-numbering'),
      },
    },
    io,
  );
}
