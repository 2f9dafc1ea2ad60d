import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, corpusRoot, loadLibrary } from '../corpus-files.js';
import { VARIANTS_FILE, variantShardPath, type VariantShard } from '../../core/compare/format.js';
import { emptyVariants, restoreVariantShard, restoreVariantsSummary, shardUnreadable, SUMMARY_UNREADABLE } from '../../core/compare/restore.js';
import { joinVariants } from '../../core/compare/shards.js';
import { EVIDENCE_LABEL, RELATION_LABEL, type VariantsFile } from '../../core/compare/format.js';

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

/**
 * The variants of a built corpus, whole: the summary joined with every document's shard. A corpus built
 * before variants existed has none; an unreadable summary or shard is named through `warn` and costs
 * only what it holds.
 */
export async function loadVariants(corpusDir: string, warn: (message: string) => void = () => {}): Promise<VariantsFile> {
  let raw: unknown;
  try {
    raw = await readJson(path.join(corpusDir, VARIANTS_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyVariants();
    raw = null;
  }
  const summary = restoreVariantsSummary(raw);
  if (!summary) {
    warn(SUMMARY_UNREADABLE);
    return emptyVariants();
  }
  const shards: VariantShard[] = [];
  for (const id of summary.shards) {
    const shard = restoreVariantShard(await readJson(path.join(corpusDir, variantShardPath(id))).catch(() => null), id);
    if (shard) shards.push(shard);
    else warn(shardUnreadable(id));
  }
  return joinVariants(summary, shards);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The command without its argument parsing: families with members, relation and pairwise scores. */
export async function variants(opts: { corpusDir: string; json: boolean }, io: CommandIO): Promise<number> {
  const [v, library] = await Promise.all([loadVariants(opts.corpusDir, (m) => io.err(`policy-reader variants: ${m}`)), loadLibrary(opts.corpusDir)]);
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
  io.out(`文本族 ${v.families.length} 个，族外关联 ${v.links.length} 对，主题相关 ${v.subject.length} 对，有对应条款的条款 ${Object.keys(v.clauses).length} 个`);
  const pairLine = (p: (typeof v.links)[number]) =>
    `    ${p.a} ${p.relation === 'revision' ? '→' : '~'} ${p.b}  ${RELATION_LABEL[p.relation]}${p.evidence ? `（${EVIDENCE_LABEL[p.evidence]}${p.dates ? ` ${p.dates[0]} → ${p.dates[1]}` : ''}）` : ''}  Jaccard ${pct(p.jaccard)}  左见于右 ${pct(p.aInB)}  右见于左 ${pct(p.bInA)}  共有条款 ${p.sharedClauses}`;
  for (const f of v.families) {
    io.out('');
    io.out(`文本族 ${f.id}（${f.members.length} 个文档，* 为中心）`);
    for (const id of f.members) io.out(`  ${id}${id === f.center ? ' *' : ''}  ${title.get(id) ?? '?'}`);
    for (const p of f.pairs) io.out(pairLine(p));
  }
  if (v.links.length) {
    io.out('');
    io.out('族外关联：');
    for (const p of v.links) io.out(pairLine(p));
  }
  if (v.subject.length) {
    io.out('');
    io.out('主题相关（共有文字很少）：');
    for (const s of v.subject) io.out(`  ${s.a} ~ ${s.b}  ${pct(s.score)}  ${s.terms.join(' ')}`);
  }
  return 0;
}

/** policy-reader variants [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  return variants({ corpusDir: await corpusRoot(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR)), json: flags.has('json') }, io);
}
