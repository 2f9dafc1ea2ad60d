/**
 * `policy-reader`: the corpus maintainers' tool. Each subcommand lives in
 * cli/commands/<name>.ts and exports `run(args, io) => exit code`.
 */
import type { CommandIO } from './io.js';
import { defaultIO, UsageError } from './io.js';

type Command = { summary: string; load: () => Promise<{ run: (args: string[], io: CommandIO) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  build: { summary: 'parse resources/corpus/raw into resources/corpus/', load: () => import('./commands/build.js') },
  list: { summary: 'list documents [--json]', load: () => import('./commands/list.js') },
  show: { summary: 'show one document: show <id> [--json]', load: () => import('./commands/show.js') },
  stats: { summary: 'corpus counts and build warnings [--json]', load: () => import('./commands/stats.js') },
  search: {
    summary: 'search [--json] [--limit N] [--scope clause|doc] <query>; no query: read queries from stdin',
    load: () => import('./commands/search.js'),
  },
  variants: { summary: 'families of variant texts and related-by-subject pairs [--json]', load: () => import('./commands/variants.js') },
  diff: { summary: 'diff <idA> <idB> [--json] [--strict-width] [--strict-space] [--ignore-numbering]', load: () => import('./commands/diff.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)}${c.summary}`);
  return ['usage: policy-reader <command> [options]', '', 'commands:', ...lines, '', 'Options common to all commands: --corpus DIR (default resources/corpus)'].join('\n');
}

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`policy-reader: unknown command '${name}'\n\n${usage()}`);
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
      io.err(`policy-reader ${name}: cannot read ${err.path} (run 'policy-reader build' first?)`);
      return 1;
    }
    io.err(`policy-reader ${name}: ${err?.message ?? String(e)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] && /policy-reader(\.ts|\.mjs|\.js)?$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
