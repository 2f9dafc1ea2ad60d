import { parseArgs as nodeParseArgs } from 'node:util';

/** Output seams so commands can be tested without spawning a process. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Lines of standard input, read lazily (used by `search` with no query). */
  stdinLines(): AsyncIterable<string>;
  /** True when stdin is a terminal (no piped input). */
  stdinIsTTY: boolean;
  /** True when stderr is a terminal: long commands draw a progress bar there (cli/progress.ts). */
  errIsTTY?: boolean;
  /** Write to stderr as is, without a newline (the progress bar redraws its line). */
  errWrite?(text: string): void;
}

export class UsageError extends Error {}

/**
 * `policy-reader list | head` closes the pipe early: that is the reader saying
 * it has enough, not a failure, so stop quietly instead of a stack trace.
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export function defaultIO(): CommandIO {
  exitQuietlyOnClosedPipe(process.stdout);
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    errWrite: (t) => process.stderr.write(t),
    async *stdinLines() {
      const { createInterface } = await import('node:readline');
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) yield line;
    },
  };
}

/**
 * Flags and options through Node's util.parseArgs (strict: an unknown option is
 * a usage error); the result keeps the shape the commands read.
 */
export function parseArgs(args: string[], spec: { flags?: string[]; options?: string[] }) {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const f of spec.flags ?? []) options[f] = { type: 'boolean' };
  for (const o of spec.options ?? []) options[o] = { type: 'string' };
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const option = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知选项 ${option}`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} 需要一个值`);
    throw new UsageError(err.message.split('. ')[0]);
  }
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.values)) {
    if (v === true) flags.add(k);
    else if (typeof v === 'string') values[k] = v;
  }
  return { flags, options: values, positionals: parsed.positionals };
}
