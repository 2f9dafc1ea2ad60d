/** Output seams so commands can be tested without spawning a process. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Lines of standard input, read lazily (used by `search` with no query). */
  stdinLines(): AsyncIterable<string>;
  /** True when stdin is a terminal (no piped input). */
  stdinIsTTY: boolean;
}

export class UsageError extends Error {}

export function defaultIO(): CommandIO {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    async *stdinLines() {
      const { createInterface } = await import('node:readline');
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) yield line;
    },
  };
}

/** Minimal flag parser: --flag, --key value, --key=value; the rest are positionals. */
export function parseArgs(args: string[], spec: { flags?: string[]; options?: string[] }) {
  const flags = new Set<string>();
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (spec.flags?.includes(key)) {
        flags.add(key);
      } else if (spec.options?.includes(key)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`--${key} needs a value`);
        options[key] = value;
      } else {
        throw new UsageError(`unknown option --${key}`);
      }
    } else {
      positionals.push(a);
    }
  }
  return { flags, options, positionals };
}
