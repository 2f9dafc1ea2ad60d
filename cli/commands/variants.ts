import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, corpusRoot, loadLibrary } from '../corpus-files.js';
import { VARIANTS_FILE } from '../../core/compare/format.js';
import { emptyVariants, restoreVariants } from '../../core/compare/restore.js';
import type { VariantsFile } from '../../core/compare/format.js';

/** variants.json of a built corpus, restored; a corpus built before variants existed has none. */
export async function loadVariants(corpusDir: string): Promise<VariantsFile> {
  try {
    return restoreVariants(JSON.parse(await readFile(path.join(corpusDir, VARIANTS_FILE), 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyVariants();
    throw e;
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The command without its argument parsing: families with members, relation and pairwise scores. */
export async function variants(opts: { corpusDir: string; json: boolean }, io: CommandIO): Promise<number> {
  const [v, library] = await Promise.all([loadVariants(opts.corpusDir), loadLibrary(opts.corpusDir)]);
  const title = new Map(library.map((d) => [d.id, d.title]));
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          families: v.families.map((f) => ({ id: f.id, center: f.center, members: f.members.map((id) => ({ id, title: title.get(id) ?? null })), pairs: f.pairs })),
          links: v.links,
          subject: v.subject,
          clauseCounterparts: Object.keys(v.clauses).length,
        },
        null,
        1,
      ),
    );
    return 0;
  }
  io.out(`${v.families.length} families, ${v.links.length} links outside families, ${v.subject.length} related-by-subject pairs, ${Object.keys(v.clauses).length} clauses with counterparts`);
  const pairLine = (p: (typeof v.links)[number]) =>
    `    ${p.a} ${p.relation === 'revision' ? '→' : '~'} ${p.b}  ${p.relation}${p.evidence ? ` (${p.evidence}${p.dates ? ` ${p.dates[0]} → ${p.dates[1]}` : ''})` : ''}  jaccard ${pct(p.jaccard)}  a-in-b ${pct(p.aInB)}  b-in-a ${pct(p.bInA)}  clauses ${p.sharedClauses}`;
  for (const f of v.families) {
    io.out('');
    io.out(`family ${f.id} (${f.members.length} documents)`);
    for (const id of f.members) io.out(`  ${id}${id === f.center ? ' *' : ''}  ${title.get(id) ?? '?'}`);
    for (const p of f.pairs) io.out(pairLine(p));
  }
  if (v.links.length) {
    io.out('');
    io.out('links outside families:');
    for (const p of v.links) io.out(pairLine(p));
  }
  if (v.subject.length) {
    io.out('');
    io.out('related by subject (little shared text):');
    for (const s of v.subject) io.out(`  ${s.a} ~ ${s.b}  ${pct(s.score)}  ${s.terms.join(' ')}`);
  }
  return 0;
}

/** policy-reader variants [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  return variants({ corpusDir: await corpusRoot(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR)), json: flags.has('json') }, io);
}
