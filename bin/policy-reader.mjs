#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so maintainers need no separate compile step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../cli/policy-reader.ts');
process.exitCode = await main(process.argv.slice(2));
