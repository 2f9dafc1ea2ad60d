/**
 * Preloaded into a CLI process by the kill-during-switch tests
 * (node --import ./test-support/stop-at-step.mjs bin/policy-reader.mjs build …):
 * each file-system change under STOP_DIR (rename, symlink, unlink, rm, rmdir;
 * not the parse cache) is a step, printed on stderr as `STEP n op path`. At
 * step STOP_AT the process stops itself (SIGSTOP) before making the change,
 * so the test can kill it there by its pid. STOP_AT=0 only lists the steps.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const dir = process.env.STOP_DIR ?? '';
const at = Number(process.env.STOP_AT ?? 0);
const cache = `${path.sep}cache${path.sep}`;
let step = 0;
for (const op of ['rename', 'symlink', 'unlink', 'rm', 'rmdir']) {
  const original = fs.promises[op];
  fs.promises[op] = function (...args) {
    const [a, b] = args.map(String);
    // symlink(target, path): the change is at its second argument.
    const where = op === 'symlink' ? b : a;
    if (dir && where.startsWith(dir + path.sep) && !where.includes(cache)) {
      step++;
      const to = op === 'rename' ? ` -> ${path.relative(dir, b)}` : '';
      fs.writeSync(2, `STEP ${step} ${op} ${path.relative(dir, where)}${to}\n`);
      if (step === at) process.kill(process.pid, 'SIGSTOP');
    }
    return original.apply(this, args);
  };
}
// The CLI imports these as named ES exports of node:fs/promises: make them the wrapped ones.
syncBuiltinESMExports();
