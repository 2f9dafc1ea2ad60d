#!/usr/bin/env bash
# npm test: everything CI checks, in the order a failure is cheapest to find.
# Each Vitest suite writes a JSON report; the last line sums them up as
# "N passed, N failed, N skipped" so the total is visible at a glance.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.vitest.json
status=0
step() {
  echo
  echo "== $1"
  shift
  "$@" || { status=1; echo "!! failed: $*"; }
}
suite() {
  local name=$1
  shift
  step "tests: $name" npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="test-results/$name.vitest.json"
}

step "typecheck (core without DOM or Node, node side, renderer without Node)" npm run --silent typecheck
step "lint (layer boundaries: eslint.config.js)" npm run --silent lint
step "build (corpus + search index, renderer, electron bundles)" npm run --silent build
suite unit
suite browser-e2e -c vitest.e2e.config.ts
suite electron-e2e -c vitest.electron.config.ts

# The slowest ten test files of all suites (to see where the run's time goes),
# then the totals, which stay the last line.
node -e '
const fs = require("fs");
const path = require("path");
let p = 0, f = 0, s = 0;
const files = [];
for (const file of fs.readdirSync("test-results").filter((n) => n.endsWith(".vitest.json"))) {
  const r = JSON.parse(fs.readFileSync("test-results/" + file, "utf8"));
  p += r.numPassedTests; f += r.numFailedTests; s += r.numPendingTests + (r.numTodoTests || 0);
  const suite = file.replace(/\.vitest\.json$/, "");
  for (const t of r.testResults || []) {
    if (t.endTime && t.startTime) files.push({ ms: t.endTime - t.startTime, name: `${suite}: ${path.relative(process.cwd(), t.name)}` });
  }
}
files.sort((a, b) => b.ms - a.ms);
if (files.length) {
  console.log("\n== slowest test files");
  for (const t of files.slice(0, 10)) console.log(`${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.name}`);
}
console.log(`\n${p} passed, ${f} failed, ${s} skipped`);
'
exit $status
