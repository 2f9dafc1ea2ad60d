#!/usr/bin/env node
// `npm run mutate [-- path …]`: StrykerJS on the given folders/files (default: the
// targets in stryker.config.mjs). The paths are checked first, so a typo is an error
// rather than a run that mutates nothing and reports 100 %.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

// Paths first, then Stryker's own options: `npm run mutate -- core/text --logLevel debug`.
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith('-'));
const targets = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
// A file's lines (core/corpus/decode.ts:137-170, Stryker's syntax) mutate only those lines of it.
const missing = targets.filter((t) => !existsSync(t.replace(/:\d+-\d+$/, '')));
if (missing.length) {
  console.error(`mutate: no such file or folder: ${missing.join(', ')}`);
  process.exit(2);
}
const env = { ...process.env };
if (targets.length) env.MUTATE_TARGETS = targets.join(',');
const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...flags], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
