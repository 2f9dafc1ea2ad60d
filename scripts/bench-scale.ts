/**
 * npm run bench:scale — the corpus build at growing sizes, one run, figures
 * only (no pass/fail):
 *
 *   npm run bench:scale -- [--sizes 1250,2500,5000,10000] [--jobs N] [--search] [--chromium]
 *
 * For each size N: a corpus of N documents from the real-text set
 * (test-data/realtext, written by `npm run corpus:realistic`: real laws and
 * notices printed and extracted), repeated as mutated copies
 * (scripts/realtext/mutate.ts: another city, other years) only where the real
 * texts run out. It is built by the compiled CLI in a child process (worker
 * threads, empty cache), then rebuilt after one raw file changed (the
 * incremental build). Printed per size: build wall and CPU time (main thread
 * and workers), peak RSS, per-phase times, the incremental rebuild, raw and
 * corpus size on disk; then the growth exponent of each phase (slope of
 * log time over log N between the smallest and largest size).
 * --search runs `bench:search --quick` on each corpus (ours vs FlexSearch vs a
 * brute-force scan, same run); --chromium runs `bench:startup --runs 3`
 * (library visible vs a static file, largest document). Both are off by
 * default: on a shared machine they take long.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnswerKey } from './realtext/key.js';
import { mutateFile } from './realtext/mutate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SET = path.join(ROOT, 'test-data', 'realtext');
const WORK = path.join(ROOT, '.cache', 'bench-scale');
const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (opt('--sizes') ?? '1250,2500,5000,10000').split(',').map(Number).filter((n) => n > 0);
const JOBS = opt('--jobs');

/** N documents as raw files: the real set's files in order, then mutated copies of them, until the key counts N documents. */
function makeRaw(n: number, dir: string): { files: number; docs: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const key = JSON.parse(readFileSync(path.join(SET, 'key.json'), 'utf8')) as AnswerKey;
  let docs = 0;
  let bytes = 0;
  let files = 0;
  for (let round = 0; docs < n; round++) {
    for (const f of key.files) {
      if (docs >= n) break;
      const raw = readFileSync(path.join(SET, 'raw', f.file), 'utf8');
      const name = round === 0 ? f.file : `${String(round).padStart(3, '0')}-${f.file}`;
      const text = round === 0 ? raw : mutateFile(raw, f, round * key.files.length + files, name).raw;
      writeFileSync(path.join(dir, name), text);
      docs += f.docs.length;
      bytes += Buffer.byteLength(text);
      files++;
    }
  }
  return { files, docs, bytes };
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  summary: { documents: number; units: number; phases: Record<string, number>; peakRssMb?: Record<string, number>; parsedFiles: number; cachedFiles: number; clausesRematched?: number | null };
}

/** One build by the compiled CLI in a child that reports its own resource use (CPU of all its threads, peak RSS). */
function build(corpusDir: string): Promise<Run> {
  const script = `
    const { main } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'policy-reader.mjs'))});
    const out = [];
    const err = [];
    const io = { out: (t) => out.push(t), err: (t) => err.push(t), stdinIsTTY: true, async *stdinLines() {} };
    const code = await main(['build', '--corpus', ${JSON.stringify(corpusDir)}, '--json'${JOBS ? `, '--jobs', ${JSON.stringify(JOBS)}` : ''}], io);
    if (code !== 0) { process.stderr.write(err.join('\\n') + '\\n'); process.exit(1); }
    const u = process.resourceUsage();
    process.stdout.write(JSON.stringify({ code, summary: JSON.parse(out.join('')), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
  `;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const wallMs = performance.now() - started;
      try {
        const r = JSON.parse(out);
        if (r.code !== 0) throw new Error(`build exited ${r.code}`);
        resolve({ wallMs, cpuMs: r.cpuMs, maxRssMb: r.maxRssMb, summary: r.summary });
      } catch (e) {
        reject(new Error(`build of ${corpusDir} failed: ${(e as Error).message}\n${out.slice(0, 500)}`));
      }
    });
  });
}

function du(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const st = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (st?.isFile()) n += st.size;
  }
  return n;
}

function runScript(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
  });
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

async function main() {
  // The compiled CLI, as `npx policy-reader` runs it (compiled again when a source changed).
  const cli = (await import(path.join(ROOT, 'scripts', 'build-cli.mjs'))) as { buildCli: () => Promise<number>; cliBundleStale: () => boolean };
  if (cli.cliBundleStale()) await cli.buildCli();
  console.log(`bench:scale: sizes ${SIZES.join(', ')}; ${JOBS ?? 'all'} worker thread(s); machine: ${(await import('node:os')).availableParallelism()} cores (shared: read ratios and exponents, not absolute times)`);
  const rows: { n: number; raw: ReturnType<typeof makeRaw>; full: Run; incremental: Run; corpusBytes: number }[] = [];
  for (const n of SIZES) {
    const dir = path.join(WORK, String(n));
    rmSync(dir, { recursive: true, force: true });
    const raw = makeRaw(n, path.join(dir, 'raw'));
    const full = await build(dir);
    // The incremental build: one raw file changed (a line appended), everything else from the cache.
    const first = readdirSync(path.join(dir, 'raw')).sort()[0];
    appendFileSync(path.join(dir, 'raw', first), '\n附：本文件已于基准测试中修改。\n');
    const incremental = await build(dir);
    const corpusBytes = du(path.join(dir, 'current') + path.sep);
    rows.push({ n, raw, full, incremental, corpusBytes });
    const p = full.summary.phases;
    console.log(
      `\nN=${n}: ${raw.files} raw files, ${mb(raw.bytes)} MB raw → ${full.summary.documents} documents, ${full.summary.units} units; corpus on disk ${mb(corpusBytes)} MB (${(corpusBytes / raw.bytes).toFixed(1)}× raw)`,
    );
    console.log(`  full build:        wall ${s(full.wallMs)} s, CPU ${s(full.cpuMs)} s, peak RSS ${full.maxRssMb.toFixed(0)} MB; parsed ${full.summary.parsedFiles} files`);
    console.log(`  phases (s):        ${Object.entries(p).map(([k, v]) => `${k} ${s(v)}`).join(', ')}`);
    // The running peak as each phase ended: the first phase at the final figure is the one that set it.
    const peaks = (r: Run) => (r.summary.peakRssMb ? Object.entries(r.summary.peakRssMb).map(([k, v]) => `${k} ${v}`).join(', ') + ' MB' : 'n/a');
    console.log(
      `  incremental build: wall ${s(incremental.wallMs)} s, CPU ${s(incremental.cpuMs)} s, peak RSS ${incremental.maxRssMb.toFixed(0)} MB; parsed ${incremental.summary.parsedFiles}, from cache ${incremental.summary.cachedFiles}; clause matches ${incremental.summary.clausesRematched == null ? 'all made again' : `kept but for ${incremental.summary.clausesRematched} units`}; phases ${Object.entries(incremental.summary.phases).map(([k, v]) => `${k} ${s(v)}`).join(', ')}`,
    );
    // The running peak as each phase ended: the first phase at the final figure is the one that set it.
    console.log(`  peak RSS by phase: full ${peaks(full)}; incremental ${peaks(incremental)} (worker threads included)`);
    if (argv.includes('--search')) console.log((await runScript(['bench:search', '--', '--corpus', dir, '--quick'])).replace(/^/gm, '  search | '));
    if (argv.includes('--chromium')) console.log((await runScript(['bench:startup', '--', '--corpus', dir, '--runs', '3'])).replace(/^/gm, '  chromium | '));
  }
  if (rows.length >= 2) {
    const [a, b] = [rows[0], rows[rows.length - 1]];
    const exp = (x: number, y: number) => (x > 0 && y > 0 ? (Math.log(y / x) / Math.log(b.full.summary.documents / a.full.summary.documents)).toFixed(2) : 'n/a');
    console.log(`\ngrowth exponents (time ∝ documents^k, N=${a.n} → ${b.n}; 1 is linear):`);
    for (const phase of Object.keys(b.full.summary.phases)) console.log(`  ${phase.padEnd(9)} k = ${exp(a.full.summary.phases[phase] ?? 0, b.full.summary.phases[phase] ?? 0)}`);
    console.log(`  ${'wall'.padEnd(9)} k = ${exp(a.full.wallMs, b.full.wallMs)}`);
    console.log(`  ${'CPU'.padEnd(9)} k = ${exp(a.full.cpuMs, b.full.cpuMs)}`);
    console.log(`  ${'RSS'.padEnd(9)} k = ${exp(a.full.maxRssMb, b.full.maxRssMb)}`);
    console.log(`  ${'disk'.padEnd(9)} k = ${exp(a.corpusBytes, b.corpusBytes)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
