/**
 * `policy-reader`: the corpus maintainers' tool. Each subcommand lives in
 * cli/commands/<name>.ts and exports `run(args, io) => exit code`.
 * Entry points: bin/policy-reader.mjs (npx policy-reader: runs the compiled
 * dist/cli/policy-reader.mjs, see scripts/build-cli.mjs) and `tsx cli/policy-reader.ts`.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from './project-root.js';
import type { CommandIO } from './io.js';
import { defaultIO, UsageError } from './io.js';
import { systemErrorMessage } from './system-error.js';

type Command = { summary: string; load: () => Promise<{ run: (args: string[], io: CommandIO) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  build: { summary: '把 DIR/raw 里的原始文件解析成语料，写入 DIR [--raw DIR] [--jobs N] [--json] [--quiet]', load: () => import('./commands/build.js') },
  list: { summary: '列出文档 [--json]', load: () => import('./commands/list.js') },
  show: { summary: '显示一篇文档：show <编号> [--json]', load: () => import('./commands/show.js') },
  stats: { summary: '语料统计、去掉的页眉页脚等行和构建警告 [--json]', load: () => import('./commands/stats.js') },
  search: {
    summary: '全文检索：search [--json] [--limit N] [--scope clause|doc] [--title] <检索词>；不给检索词时从标准输入逐行读取',
    load: () => import('./commands/search.js'),
  },
  variants: { summary: '相似文本的文本族、族外关联和主题相关的文档 [--json]', load: () => import('./commands/variants.js') },
  diff: { summary: '逐条比较两篇文档：diff <编号A> <编号B> [--json] [--strict-width] [--strict-space] [--ignore-numbering]', load: () => import('./commands/diff.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`);
  return [
    '用法：policy-reader <命令> [选项]',
    '      policy-reader --help | --version',
    '',
    '命令：',
    ...lines,
    '',
    '所有命令都可用 --corpus DIR 指定语料文件夹（默认 resources/corpus）',
    '退出码：0 成功，1 失败，2 用法错误',
  ].join('\n');
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(usage());
    return 0;
  }
  if (name === '-V' || name === '--version' || name === 'version') {
    io.out(`policy-reader ${version()}`);
    return 0;
  }
  if (!name) {
    io.err(usage());
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`policy-reader: 未知命令“${name}”\n\n${usage()}`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`policy-reader ${name}: ${e.message}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === 'ENOENT' && err.path) {
      io.err(`policy-reader ${name}: 无法读取 ${err.path}（是否还没有运行 policy-reader build？）`);
      return 1;
    }
    io.err(`policy-reader ${name}: ${systemErrorMessage(err) ?? err?.message ?? String(e)}`);
    return 1;
  }
}

/** True only when this very file is the script Node was started with (not when bin/policy-reader.mjs imports it). */
function isMainModule(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
