import path from 'node:path';
import { type CommandIO, parseArgs } from '../io.js';
import { DEFAULT_CORPUS_DIR, corpusRoot, loadLibrary, loadManifest } from '../corpus-files.js';
import { UNKNOWN_LABEL, documentYear, regionTop } from '../../core/corpus/facts.js';
import { printable } from '../printable.js';
import type { RemovedKind } from '../../core/corpus/furniture.js';

/** The furniture rules (core/corpus/furniture.ts RemovedKind) and the heading echoes, in the words a maintainer reads. */
const DROPPED_LABEL: Record<RemovedKind | 'heading-echo', string> = {
  'page-number': '页码',
  latin: '外文行',
  'page-repeat': '每页重复的行',
  'running-header': '页眉页脚',
  'trailing-title': '移到文首的标题',
  byline: '作者署名',
  letterhead: '版头',
  'head-mark': '份号、密级、紧急程度',
  provenance: '出处（数据库字段、原文链接）',
  'heading-echo': '重复的标题',
};

/** policy-reader stats [--json] [--corpus DIR] */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { flags, options } = parseArgs(args, { flags: ['json'], options: ['corpus'] });
  const dir = await corpusRoot(path.resolve(options.corpus ?? DEFAULT_CORPUS_DIR));
  const [manifest, library] = await Promise.all([loadManifest(dir), loadLibrary(dir)]);
  const count = (key: (d: (typeof library)[number]) => string) => {
    const m: Record<string, number> = {};
    for (const d of library) m[key(d)] = (m[key(d)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));
  };
  const stats = {
    ...manifest.counts,
    contentHash: manifest.contentHash,
    byKind: count((d) => d.kind),
    byProvince: count((d) => regionTop(d.region)),
    byYear: count((d) => documentYear(d) ?? UNKNOWN_LABEL),
    multiSource: library.filter((d) => d.sources.length > 1).length,
    bodyMissing: library.filter((d) => d.bodyMissing).map((d) => ({ id: d.id, title: d.title, ...d.bodyMissing })),
    droppedLines: Object.fromEntries(manifest.rawFiles.map((f) => [f.file, f.dropped ?? {}])),
    warnings: manifest.warnings,
    notes: manifest.notes,
  };
  if (flags.has('json')) io.out(JSON.stringify(stats, null, 1));
  else {
    io.out(`文档 ${stats.documents} 个，条款单元 ${stats.units} 个，${stats.characters} 字，原始文件 ${stats.rawFiles} 个（跳过 ${stats.skippedFiles} 个）`);
    io.out(`按文种：${Object.entries(stats.byKind).map(([k, v]) => `${k} ${v}`).join('，')}`);
    io.out(`按省份：${Object.entries(stats.byProvince).map(([k, v]) => `${k} ${v}`).join('，')}`);
    io.out(`按年份：${Object.entries(stats.byYear).map(([k, v]) => `${k} ${v}`).join('，')}`);
    io.out(`有多个来源的文档：${stats.multiSource} 个`);
    for (const b of stats.bodyMissing) io.out(printable(`没有正文：${b.id} ${b.title}（${b.detail ?? b.reason}）`));
    for (const [file, dropped] of Object.entries(stats.droppedLines)) {
      const parts = Object.entries(dropped).map(([k, v]) => `${DROPPED_LABEL[k as keyof typeof DROPPED_LABEL] ?? k} ${v}`);
      io.out(printable(`${file} 中去掉的行：${parts.length ? parts.join('，') : '无'}`));
    }
    for (const w of stats.warnings) io.out(printable(`警告：${w.file}：${w.message}`));
    for (const n of stats.notes) io.out(printable(`说明：${n}`));
  }
  return 0;
}
