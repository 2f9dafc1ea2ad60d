import path from 'node:path';
import { type CommandIO, UsageError, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, loadDocument } from '../corpus-files.js';
import { printedLines, signatureIndex } from '../../core/citation/printed.js';

/** policy-reader show <id> [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options, positionals } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  if (positionals.length !== 1) throw new UsageError('需要一个文档编号（可用 policy-reader list 查看）');
  const doc = await loadDocument(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR), positionals[0]);
  if (!doc) {
    io.err(`policy-reader show: 没有编号为“${positionals[0]}”的文档`);
    return 1;
  }
  if (flags.has('json')) {
    io.out(JSON.stringify(doc, null, 1));
    return 0;
  }
  io.out(doc.title);
  io.out([doc.issuer, doc.docNumber, doc.date].filter(Boolean).join('  '));
  for (const s of doc.sources) io.out(`  ${s.file}:${s.startLine}-${s.endLine}${s.firstPage ? `（第 ${s.firstPage}–${s.lastPage} 页）` : ''}`);
  io.out('');
  // Whom it is sent to, flush left above the text, as printed.
  if (doc.addressees) io.out(doc.addressees);
  // The text as printed (core/citation/printed.ts): markers as the source prints them, no 第一款
  // labels, an article's first 款 on the line of its number; indented by depth to show the structure.
  // The signature where the document prints it: under the text, before its 附注, attachments and 版记.
  const signatureAt = signatureIndex(doc.units);
  doc.units.forEach((top, i) => {
    if (i === signatureAt) printSignature(doc.signature, io);
    for (const { depth, lines } of printedLines(top)) for (const line of lines) io.out('  '.repeat(depth) + line);
  });
  if (signatureAt === doc.units.length) printSignature(doc.signature, io);
  return 0;
}

/** The signature's lines set off from the text by a blank line, to the right as printed (a terminal has no right edge to set them against). */
function printSignature(lines: string[], io: CommandIO): void {
  if (!lines.length) return;
  io.out('');
  for (const line of lines) io.out(' '.repeat(24) + line);
}
