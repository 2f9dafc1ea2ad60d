/**
 * npm run bench:corpus — build time and peak memory of the corpus build, for
 * a set of raw files and for a 10× corpus of mutated copies (years shifted,
 * words swapped, a line inserted every 200, so copies are distinct documents
 * and not collapsed). The baseline, measured in the same run on the same
 * bytes, is decoding and splitting lines only: the floor any parser pays.
 *
 * Each measurement runs in its own Node process, so its peak RSS
 * (process.resourceUsage().maxRSS) is its own. Prints medians over RUNS runs
 * (env RUNS, default 3) and ms per MB of raw input.
 *
 * The set is the real-text test set (test-data/realtext/raw: real laws and notices
 * through Chromium print and pdftotext/pdf.js) by default; SET=sample measures the
 * five sample files instead.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, type RawFile } from '../core/corpus/build.js';
import { corpusFiles, inFolder } from '../core/corpus/file-stream.js';
import { decodeRaw } from '../core/corpus/decode.js';
import { toLines } from '../core/corpus/lines.js';
import { buildSearchArtifacts } from '../core/search/artifacts.js';
import { DEFAULT_CORPUS_DIR } from '../cli/corpus-files.js';
import { sha256Hex } from '../cli/hash.js';
import { median } from './bench-stats';

const RUNS = Number(process.env.RUNS ?? 3);
type Scenario = '1x' | '10x';
type Mode = 'decode' | 'build';

const SET = process.env.SET === 'sample' ? 'sample' : 'realtext';

function sampleFiles(): RawFile[] {
  const rawDir = SET === 'sample' ? path.join(DEFAULT_CORPUS_DIR, 'raw') : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-data', 'realtext', 'raw');
  return readdirSync(rawDir)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(rawDir, name))) }));
}

/** The set plus nine mutated copies of every file. */
function tenfold(files: RawFile[]): RawFile[] {
  const out = [...files];
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  for (let k = 1; k < 10; k++) {
    for (const f of files) {
      const lines = dec
        .decode(f.bytes)
        .replace(/(19|20)(\d\d)年/g, (_, c: string, y: string) => `${c}${String((Number(y) + k) % 100).padStart(2, '0')}年`)
        .replace(/优化/g, k % 2 ? '改善' : '提升')
        .replace(/营商环境/g, ['营商生态', '发展环境', '市场环境'][k % 3])
        .split('\n');
      for (let i = lines.length - 200; i > 0; i -= 200) lines.splice(i, 0, `补充说明第${k}-${i}号。`);
      out.push({ name: `copy${k}_${f.name}`, bytes: enc.encode(lines.join('\n')) });
    }
  }
  return out;
}


function child(scenario: Scenario, mode: Mode): void {
  const files = scenario === '1x' ? sampleFiles() : tenfold(sampleFiles());
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const times: number[] = [];
  let docs = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    if (mode === 'decode') {
      for (const f of files) {
        const d = decodeRaw(f.bytes);
        if (d.ok) toLines(d.text);
      }
    } else {
      const result = buildCorpus(files, sha256Hex);
      const out = corpusFiles(result, sha256Hex, inFolder('search', buildSearchArtifacts(result.docs)));
      docs = out.manifest.counts.documents;
    }
    times.push(performance.now() - t);
  }
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ times, bytes, docs, files: files.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function measure(scenario: Scenario, mode: Mode) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', scenario, mode], { encoding: 'utf8', env: { ...process.env, RUNS: String(RUNS) }, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench child ${scenario}/${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { times: number[]; bytes: number; docs: number; files: number; maxRssMb: number };
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  child(argv[1] as Scenario, argv[2] as Mode);
} else {
  console.log(`corpus build of the ${SET === 'sample' ? 'five sample files' : 'real-text set (test-data/realtext)'} (parse + search index + serialise, no disk writes), ${RUNS} runs each, medians; baseline = decode + split lines on the same bytes, same run`);
  console.log(['scenario'.padEnd(9), 'files', 'MB'.padStart(6), 'docs'.padStart(6), 'decode ms'.padStart(10), 'build ms'.padStart(9), 'decode ms/MB'.padStart(13), 'build ms/MB'.padStart(12), 'decode peak MB'.padStart(15), 'build peak MB'.padStart(14)].join(' '));
  for (const scenario of ['1x', '10x'] as const) {
    const base = measure(scenario, 'decode');
    const build = measure(scenario, 'build');
    const mb = build.bytes / 1e6;
    const row = [
      scenario.padEnd(9),
      String(build.files).padStart(5),
      mb.toFixed(2).padStart(6),
      String(build.docs).padStart(6),
      median(base.times).toFixed(0).padStart(10),
      median(build.times).toFixed(0).padStart(9),
      (median(base.times) / mb).toFixed(0).padStart(13),
      (median(build.times) / mb).toFixed(0).padStart(12),
      base.maxRssMb.toFixed(0).padStart(15),
      build.maxRssMb.toFixed(0).padStart(14),
    ];
    console.log(row.join(' '));
  }
}
