#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/policy-reader.mjs, plain JavaScript: no
// TypeScript loader at start-up). `npm run build` compiles it; in a fresh
// clone, or after a source file changed, it is compiled here first (esbuild,
// a few hundred ms), so `npx policy-reader` always runs the current sources.
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, buildCli, cliBundleStale } from '../scripts/build-cli.mjs';

if (cliBundleStale()) await buildCli();
const { main } = await import(pathToFileURL(CLI_BUNDLE).href);
process.exitCode = await main(process.argv.slice(2));
