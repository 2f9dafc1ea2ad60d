#!/usr/bin/env node
// Usage: node scripts/require-node.mjs <major.minor> <what>
// Stops a command that needs a newer Node than the rest of the project, with one sentence.
const [need = '0.0', what = 'this command'] = process.argv.slice(2);
const [nMaj, nMin] = need.split('.').map(Number);
const [maj, min] = process.versions.node.split('.').map(Number);
if (maj < nMaj || (maj === nMaj && min < nMin)) {
  console.error(`${what} 需要 Node ≥ ${need}（Electron 45 的下载与打包工具要求），当前是 ${process.versions.node}。${what} needs Node >= ${need}; this is ${process.versions.node}.`);
  process.exit(1);
}
