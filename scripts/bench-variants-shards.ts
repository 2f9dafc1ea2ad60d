/**
 * `npm run bench:variants-shards -- [--corpus DIR]`: what the split variants files cost (issue 20). On
 * disk: the summary (variants.json), the shards (variants/<id>.json: count, largest, median, p95,
 * total), and as the same-run baseline the single indented file of format 1 that the build wrote
 * before (the summary joined with every shard, `JSON.stringify(v, null, 1)`), which the renderer
 * fetched whole. In Chromium against the preview server, from a fresh profile each: the bytes the
 * app fetches from /corpus/ to open a document and show its 相似文本 — the document with the largest
 * shard and the one with the median shard among family members — split into variants, the document
 * itself, and the rest (library, manifest, search), and the JS heap after. Figures only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { VARIANTS_FILE, VARIANTS_DIR } from '../core/compare/format';
import { restoreVariantShard, restoreVariantsSummary } from '../core/compare/restore';
import { joinVariants } from '../core/compare/shards';
import { launch, startServer } from '../e2e/browser/harness';
import { DEFAULT_CORPUS } from './preview-server';

declare const performance: any;

const argv = process.argv.slice(2);
const at = argv.indexOf('--corpus');
const dir = at >= 0 ? argv[at + 1] : DEFAULT_CORPUS;
const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e5 ? 3 : 1)} MB`;
const kb = (n: number) => `${(n / 1e3).toFixed(1)} kB`;

async function main() {
  const summaryBytes = statSync(join(dir, VARIANTS_FILE)).size;
  const summary = restoreVariantsSummary(JSON.parse(readFileSync(join(dir, VARIANTS_FILE), 'utf8')));
  if (!summary) throw new Error(`${dir}/${VARIANTS_FILE} is not a variants summary of this format: rebuild the corpus`);
  const sizes = new Map(readdirSync(join(dir, VARIANTS_DIR)).map((f) => [f.replace(/\.json$/, ''), statSync(join(dir, VARIANTS_DIR, f)).size]));
  const sorted = [...sizes.values()].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(`corpus ${dir}`);
  console.log(`summary  variants.json  ${mb(summaryBytes)}  (${summary.families.length} families, ${summary.families.reduce((n, f) => n + f.members.length, 0)} members, ${summary.subject.length} subject pairs, ${summary.shards.length} shards listed)`);
  console.log(`shards   ${sizes.size} files  total ${mb(sorted.reduce((a, b) => a + b, 0))}  largest ${kb(sorted.at(-1) ?? 0)}  p95 ${kb(q(0.95))}  median ${kb(q(0.5))}`);
  // Baseline: the single file of format 1, as the build wrote it before the split.
  const shards = summary.shards.map((id) => restoreVariantShard(JSON.parse(readFileSync(join(dir, VARIANTS_DIR, `${id}.json`), 'utf8')), id)!);
  const whole = joinVariants(summary, shards);
  shards.length = 0;
  let single: number | null = null;
  try {
    single = Buffer.byteLength(JSON.stringify({ ...whole, formatVersion: 1 }, null, 1) + '\n');
  } catch (e) {
    console.log(`baseline not measured: ${(e as Error).message}`);
  }
  if (single) console.log(`baseline single variants.json (format 1, indented) ${mb(single)}: summary is ${((summaryBytes / single) * 100).toFixed(2)} % of it`);

  const members = new Set(summary.families.flatMap((f) => f.members));
  const inFamilies = [...sizes.entries()].filter(([id]) => members.has(id)).sort((a, b) => a[1] - b[1]);
  const picks = [
    ['largest shard', inFamilies.at(-1)],
    ['median shard', inFamilies[Math.floor(inFamilies.length / 2)]],
  ] as const;
  const server = await startServer(dir);
  try {
    for (const [label, pick] of picks) {
      if (!pick) continue;
      const [id, shardBytes] = pick;
      const browser = await launch();
      const got: { path: string; bytes: number }[] = [];
      const pending: Promise<void>[] = [];
      browser.page.on('response', (r: Response) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/corpus/')) pending.push(r.body().then((b) => void got.push({ path: path.slice('/corpus/'.length), bytes: b.length }), () => undefined));
      });
      await browser.page.goto(`${server.url}#/doc/${id}`);
      const similar = browser.page.locator('[data-testid=similar-texts]');
      await similar.locator('summary').click({ timeout: 120_000 });
      await similar.locator('li').first().waitFor({ timeout: 120_000 });
      await browser.page.waitForLoadState('networkidle');
      await Promise.all(pending);
      const sum = (f: (p: string) => boolean) => got.filter((g) => f(g.path)).reduce((n, g) => n + g.bytes, 0);
      const variants = sum((p) => p === VARIANTS_FILE || p.startsWith(`${VARIANTS_DIR}/`));
      const heap = await browser.page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
      console.log(
        `open ${label} (${id}, shard ${kb(shardBytes)}) with 相似文本: variants ${kb(variants)} in ${got.filter((g) => g.path === VARIANTS_FILE || g.path.startsWith(`${VARIANTS_DIR}/`)).length} files` +
          (single ? ` (baseline: the single file, ${mb(single)})` : '') +
          `, its document ${kb(sum((p) => p.startsWith('docs/')))}, library/manifest/search ${mb(sum((p) => p !== VARIANTS_FILE && !p.startsWith(`${VARIANTS_DIR}/`) && !p.startsWith('docs/')))}; JS heap ${mb(heap)}`,
      );
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
