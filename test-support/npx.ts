/** Runs the installed entry point as a user does (`npx policy-reader …` in the project folder), for the CLI tests. */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../cli/corpus-files.js';

export function npx(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'policy-reader', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    // npm's own warnings are not the command's output.
    child.on('close', (code) => resolve({ code: code ?? -1, out, err: err.replace(/^npm warn.*\n/gm, '') }));
  });
}
