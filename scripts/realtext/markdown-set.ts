/**
 * A scored set of laws as they are collected and shared, in Markdown: 200 files of the LawRefBook/Laws repository
 * (every 30th of its national `.md` files in `git ls-tree` order from the 7th, leaving out READMEs; every 9th of its
 * local regulations, DLC/, from the 4th; every 17th national file from the 11th), each kept as a
 * `.txt` (Markdown under a plain-text name, as a user saves it), with its answer key taken from the file itself:
 * the title is its `# ` heading, `articles` the number of its lines that begin 第…条. Never from this parser.
 *
 *   npx tsx scripts/realtext/markdown-set.ts --source <LawRefBook/Laws git directory> [--out test-data/markdown]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const source = arg('--source');
if (!source) throw new Error('usage: markdown-set.ts --source <LawRefBook/Laws git directory> [--out DIR]');
const out = arg('--out') ?? 'test-data/markdown';
const git = (...a: string[]) => execFileSync('git', ['-C', source, '-c', 'core.quotepath=off', ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });

const commit = git('rev-parse', 'HEAD').trim();
const all = git('ls-tree', '-r', '--name-only', 'HEAD').split('\n');
/** Every `every`-th path of a group, from the `from`-th, `count` at most, named `<prefix>NN.txt`. */
const pick = (prefix: string, paths: string[], every: number, from: number, count: number) =>
  paths
    .filter((_, i) => (i + 1) % every === from)
    .slice(0, count)
    .map((p, i) => ({ file: `${prefix}${String(i + 1).padStart(2, '0')}.txt`, path: p }));
const chosen = [
  // National laws, regulations, judicial interpretations and cases.
  ...pick('md', all.filter((p) => p.endsWith('.md') && !/^DLC\/|README|^\.|目录|index/.test(p)), 30, 7, 50),
  // Local regulations of the provinces (DLC/).
  ...pick('dlc', all.filter((p) => /^DLC\/.*\.md$/.test(p)), 9, 4, 60),
  // A second draw of national files (every 17th from the 11th), checked after the parser was fixed on the first two.
  ...pick('nat', all.filter((p) => p.endsWith('.md') && !/^DLC\/|README|^\.|目录|index/.test(p)), 17, 11, 90),
];
const ARTICLE_LINE = /^第[一二三四五六七八九十百千零〇]+条/;
mkdirSync(path.join(out, 'raw'), { recursive: true });
const sources: { file: string; path: string }[] = [];
const files: { file: string; title: string | null; articles: number }[] = [];
chosen.forEach(({ file, path: p }) => {
  const text = git('show', `HEAD:${p}`);
  writeFileSync(path.join(out, 'raw', file), text);
  const lines = text.split('\n');
  const h1 = lines.find((l) => /^# /.test(l));
  sources.push({ file, path: p });
  files.push({ file, title: h1 ? h1.slice(2).trim() : null, articles: lines.filter((l) => ARTICLE_LINE.test(l)).length });
});
writeFileSync(path.join(out, 'sources.json'), JSON.stringify({ repository: 'https://github.com/LawRefBook/Laws', commit, files: sources }, null, 1) + '\n');
writeFileSync(path.join(out, 'key.json'), JSON.stringify({ files }, null, 1) + '\n');
console.log(`${files.length} files from ${commit} in ${out}`);
