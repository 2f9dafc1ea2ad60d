/**
 * npm run corpus:realistic -- [--count N] [--out DIR] [--seed S] [--keep-pdf] [--per-file K] [--max-chars C]
 * npm run corpus:realistic -- --rekey [--out DIR]   (key fields from the sources again, no printing)
 * npm run corpus:realistic -- --only 部门规章/,DLC/重庆地方法规/ --count 40 --out DIR
 *   (laws from those folders of the source only, no notices: a set of texts the committed sets hardly drew on)
 *
 * Builds a real-text corpus: real laws and regulations (LawRefBook/Laws) are
 * printed to PDF by Chromium in one of the layouts of layouts.ts, extracted
 * with pdftotext / pdftotext -layout / pdf.js into the raw format, and the
 * answer key is written beside them:
 *   DIR/raw/NNN_<layout>.txt   the extracted text
 *   DIR/key.json               what each file holds (see key.ts)
 *   DIR/sources.json           where every text came from (repo, path, commit)
 *   DIR/pdf/…                  the PDFs, with --keep-pdf
 * The committed set is `--count 336 --out test-data/realtext` (the default):
 * real laws and regulations, and real State Council notices (notice-source.ts).
 * Beyond the real texts available, files repeat as mutated copies (see
 * mutate.ts), marked `mutated` in the key. Sets over 1,000 documents print
 * compilations of `--per-file` texts (default 10) and extract with pdftotext
 * only (on this shared 2-core machine about 70 real documents a minute;
 * mutated copies cost only a file write).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractRaw } from './extract.js';
import type { AnswerKey, KeyDoc, KeyFile } from './key.js';
import { LAW_LAYOUTS, NOTICE_LAYOUTS, bannerOf, renderHtml, renderNoticeHtml, type Layout, type PrintDoc } from './layouts.js';
import { locateDocs, pickSentences } from './locate.js';
import { noticeBlocks, noticeKind, readNotices, type NoticeText } from './notice-source.js';
import { LAWS_REPO, countArticles, kindOfTitle, lawsCommit, listLawFiles, parseLawMarkdown, readLawFile, regionOfLaw, type LawText } from './law-source.js';
import { openPdfRenderer } from '../../test-support/render-pdf.js';
import { mutateFile } from './mutate.js';
import { gazetteHeader } from './gazette.js';
import { charAccuracy, extractedText, printedText } from './accuracy.js';
import { mulberry32 } from '../../core/util/random.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function bodyChars(l: LawText): number {
  return l.blocks.reduce((n, b) => n + b.text.length, 0);
}

export interface Picked {
  law: LawText;
  versionGroup: string | null;
}

/** Up to `count` laws of a size that keeps the committed set small; version groups (one title at two or more dates) first. */
export function pickLaws(count: number, seed: number, maxChars: number, only: string[] = []): Picked[] {
  const commit = lawsCommit();
  const rand = mulberry32(seed); // seeded, so the same seed gives the same set
  const all: LawText[] = [];
  for (const f of listLawFiles().filter((p) => !only.length || only.some((o) => p.startsWith(o)))) {
    const l = parseLawMarkdown(readLawFile(f), f, commit);
    if (l && !l.subtitle) all.push(l);
  }
  const byTitle = new Map<string, LawText[]>();
  for (const l of all) byTitle.set(l.title, [...(byTitle.get(l.title) ?? []), l]);
  // A county's regulation (景宁畲族自治县…) would need a city the gazetteer does not list for its counties: left out rather than keyed wrong.
  const county = (l: LawText) => l.folder === 'DLC' && /^[^市省]{2,10}(?:自治县|县|旗)/.test(l.title);
  const fits = (l: LawText) => bodyChars(l) >= 600 && bodyChars(l) <= maxChars && !county(l);
  const groups = shuffle(
    // Versions are told apart by the dates they print: a group whose texts print none is not one a reader can order.
    [...byTitle.values()].filter((g) => g.length >= 2 && g.every(fits) && g.every((l) => l.meta.some((m) => m.event !== 'effective')) && new Set(g.map((l) => l.fileDate)).size === g.length),
    rand,
  )
    // Nor is one whose texts print the same date: the source repository holds some texts twice, under two file
    // names (司法解释/…适用法律若干问题的解释.md and …(2019-01-31).md, both issued 2018-12-12), and the key asked
    // for a revision between the copies. Dropped after the shuffle, so that a seed whose groups all print their own
    // dates (the committed set's) still picks the same texts.
    .filter(printsOwnDates)
    .slice(0, Math.max(20, Math.round(count * 0.06)));
  const picked: Picked[] = [];
  const used = new Set<string>();
  for (const g of groups) {
    for (const l of g.slice(0, 2)) {
      picked.push({ law: l, versionGroup: l.title });
      used.add(l.source.path);
    }
  }
  const rest = shuffle(all.filter((l) => fits(l) && !used.has(l.source.path) && (byTitle.get(l.title)?.length ?? 0) === 1), rand);
  // Mostly national texts, many local ones: the spread of a real library.
  for (const l of rest) {
    if (picked.length >= count) break;
    picked.push({ law: l, versionGroup: null });
  }
  return shuffle(picked.slice(0, count), rand);
}

function printDocOf(l: LawText): PrintDoc {
  return { title: l.title, subtitle: l.subtitle, metaLines: l.meta.map((m) => m.text), blocks: l.blocks };
}

/**
 * A text that several bodies each adopt (最高人民法院审判委员会…通过, 最高人民检察院检察委员会…通过: a joint
 * interpretation) is issued by all of them together, as its title names them (最高人民法院、最高人民检察院).
 */
function jointly(l: LawText, named: string[]): string[] {
  const adopters = [...new Set(l.meta.filter((m) => m.event === 'adopted' && m.body).map((m) => m.body!))];
  return adopters.length > 1 ? [[...new Set(named.filter((b) => adopters.includes(b)))].join('、')] : [];
}

/** The date a text prints as its own: the latest of its acts (adopted, amended, promulgated…), its entry into force aside. */
function printedDate(l: LawText): string | null {
  const acts = l.meta.filter((m) => m.event !== 'effective');
  return acts.length ? acts.map((m) => m.date).sort().at(-1)! : null;
}

/** Whether each text of a group of one title prints a date of its own, so that a reader can order them as versions. */
export function printsOwnDates(group: LawText[]): boolean {
  const dates = group.map(printedDate);
  return !dates.includes(null) && new Set(dates).size === group.length;
}

export function keyFields(p: Picked): Omit<KeyDoc, 'key' | 'startLine' | 'titleLine' | 'endLine' | 'wrapPhrases'> {
  const l = p.law;
  const acts = l.meta.filter((m) => m.event !== 'effective');
  // 国务院批准 … 民政部令第14号发布: the approving body is not the issuer; the city that adopts a regulation its province approves is.
  const bodies = acts.filter((m) => m.event !== 'approved').map((m) => m.body).filter((b): b is string => Boolean(b));
  const region = regionOfLaw(l, bodies[0] ?? null);
  // 市十二届人民代表大会常务委员会: the header names its own city as 市 (省); the key names it.
  const named = bodies.map((b) => b.replace(/^市(?=人民代表大会)/, region.city ?? '市').replace(/^省(?=人民代表大会)/, region.province ?? '省'));
  const issuer = named[0] ?? null;
  const latest = printedDate(l);
  const paras = l.blocks.filter((b) => b.kind === 'para').map((b) => b.text);
  return {
    title: l.title,
    docNumber: null,
    date: latest,
    ...(acts.at(-1)?.event === 'approved' && acts.length > 1 ? { dateAlternatives: [acts.at(-2)!.date] } : {}),
    adoptedDate: acts[0]?.date ?? null,
    effectiveDate: l.meta.find((m) => m.event === 'effective')?.date ?? null,
    issuer,
    issuerAlternatives: [...new Set([...named.filter((b) => b !== issuer), ...jointly(l, named)])],
    region,
    kind: kindOfTitle(l.title),
    articles: countArticles(l.blocks),
    sentences: pickSentences(paras),
    versionGroup: p.versionGroup,
    source: l.source,
  };
}

interface Plan {
  layout: Layout;
  laws: Picked[];
  notices: NoticeText[];
}

/** Law files cycle through the law layouts, notice files through the notice layouts; one notice file after every four law files. */
export function planFiles(picked: Picked[], notices: NoticeText[], perFile = 0): Plan[] {
  // Large benchmark sets: compilations of `perFile` texts, extracted by pdftotext (pdf.js in Node is about 5× slower).
  const lawLayouts = perFile ? LAW_LAYOUTS.filter((l) => l.perFile > 1).map((l) => ({ ...l, perFile, extractor: l.extractor === 'pdfjs' ? ('pdftotext' as const) : l.extractor })) : LAW_LAYOUTS;
  const lawPlans: Plan[] = [];
  for (let i = 0, n = 0; i < picked.length; n++) {
    const layout = lawLayouts[n % lawLayouts.length];
    lawPlans.push({ layout, laws: picked.slice(i, i + layout.perFile), notices: [] });
    i += layout.perFile;
  }
  const noticeLayouts = perFile ? NOTICE_LAYOUTS.filter((l) => l.extractor !== 'pdfjs') : NOTICE_LAYOUTS;
  const noticePlans: Plan[] = [];
  for (let i = 0, n = 0; i < notices.length; n++) {
    const layout = noticeLayouts[n % noticeLayouts.length];
    noticePlans.push({ layout, laws: [], notices: notices.slice(i, i + layout.perFile) });
    i += layout.perFile;
  }
  const out: Plan[] = [];
  while (lawPlans.length || noticePlans.length) {
    out.push(...lawPlans.splice(0, 4));
    out.push(...noticePlans.splice(0, 1));
  }
  return out;
}

function noticeKey(n: NoticeText): Omit<KeyDoc, 'key' | 'startLine' | 'titleLine' | 'endLine' | 'wrapPhrases'> {
  const blocks = noticeBlocks(n);
  return {
    title: n.title,
    docNumber: n.docNumber,
    date: n.date,
    adoptedDate: null,
    effectiveDate: null,
    issuer: n.issuer,
    issuerAlternatives: [],
    region: { level: 'national', province: null, city: null },
    kind: noticeKind(n.title, kindOfTitle),
    articles: countArticles(blocks),
    sentences: pickSentences(blocks.map((b) => b.text)),
    versionGroup: null,
    source: n.source,
  };
}

function noticeText(n: NoticeText): string {
  return n.items.map((i) => (i.kind === 'p' ? i.p.text : i.rows.map((r) => r.join('')).join('\n'))).join('\n');
}

/**
 * --rekey: recompute every key field that comes from the sources (title, dates, issuer, region, kind,
 * 条, sentences) in an existing set's key.json, keeping what came from its extraction (lines, wrap
 * phrases, accuracy). For changing a key rule without printing everything again.
 */
async function rekey(out: string): Promise<void> {
  const keyPath = path.join(out, 'key.json');
  const key = JSON.parse(readFileSync(keyPath, 'utf8')) as AnswerKey;
  const commit = lawsCommit();
  const notices = new Map(readNotices(1e9).map((n) => [n.source.note, n]));
  for (const f of key.files) {
    f.docs = f.docs.map((d) => {
      if (d.mutated) return d;
      const keep = { key: d.key, startLine: d.startLine, titleLine: d.titleLine, endLine: d.endLine, wrapPhrases: d.wrapPhrases };
      if (d.source.repo === LAWS_REPO) {
        const law = parseLawMarkdown(readLawFile(d.source.path), d.source.path, commit);
        if (!law) throw new Error(`cannot read ${d.source.path}`);
        return { ...keep, ...keyFields({ law, versionGroup: d.versionGroup }) };
      }
      const n = notices.get(d.source.note ?? '');
      if (!n) throw new Error(`notice ${d.source.note} not in the source`);
      return { ...keep, ...noticeKey(n) };
    });
  }
  writeFileSync(keyPath, JSON.stringify(key, null, 1) + '\n');
  console.log(`rekeyed ${key.files.reduce((n, f) => n + f.docs.length, 0)} documents in ${keyPath}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--rekey')) return rekey(path.resolve(arg('out', 'test-data/realtext')));
  const count = Number(arg('count', '336'));
  const out = path.resolve(arg('out', 'test-data/realtext'));
  const seed = Number(arg('seed', '15'));
  const large = count > 400;
  const maxChars = Number(arg('max-chars', large ? '40000' : '6000'));
  const perFile = Number(arg('per-file', count > 1000 ? '10' : '0'));
  const keepPdf = process.argv.includes('--keep-pdf');
  const started = performance.now();
  const only = arg('only', '').split(',').filter(Boolean);
  const notices = only.length ? [] : readNotices(large ? 60000 : 9000).slice(0, Math.round(count / 6));
  const picked = pickLaws(count - notices.length, seed, maxChars, only);
  rmSync(path.join(out, 'raw'), { recursive: true, force: true });
  mkdirSync(path.join(out, 'raw'), { recursive: true });
  const pdfDir = keepPdf ? path.join(out, 'pdf') : mkdtempSync(path.join(tmpdir(), 'realtext-'));
  mkdirSync(pdfDir, { recursive: true });
  const renderer = await openPdfRenderer();
  const files: KeyFile[] = [];
  const plans = planFiles(picked, notices, perFile);
  // File names sort in print order (the build reads them sorted): wide enough for every file, mutated copies included.
  const width = String(plans.length + count).length > 3 ? 5 : 3;
  const pad = (n: number) => String(n).padStart(width, '0');
  let docsDone = 0;
  try {
    for (const [n, plan] of plans.entries()) {
      const { layout } = plan;
      const name = `${pad(n)}_${layout.id}`;
      const genre = plan.notices.length ? 'notice' : 'law';
      const header =
        layout.pdf.header === undefined ? undefined : genre === 'notice' ? '中华人民共和国国务院公报' : gazetteHeader(plan.laws[0].law, layout.perFile > 1);
      const html = genre === 'notice' ? renderNoticeHtml(plan.notices, layout) : renderHtml(plan.laws.map((p) => printDocOf(p.law)), layout);
      const bytes = await renderer.render(html, { ...layout.pdf, header });
      const pdfPath = path.join(pdfDir, `${name}.pdf`);
      writeFileSync(pdfPath, bytes);
      const { text, pages } = await extractRaw(pdfPath, bytes, layout.extractor);
      if (!keepPdf) rmSync(pdfPath);
      const heads =
        genre === 'notice'
          ? plan.notices.map((x) => ({ first: layout.banner ? bannerOf(x) : x.title, title: x.title, text: noticeText(x) }))
          : plan.laws.map((p) => ({ first: p.law.title, title: p.law.title, text: p.law.blocks.map((b) => b.text).join('\n') }));
      let located;
      try {
        located = locateDocs(text, heads, header ? [header] : []);
      } catch (e) {
        // An extraction that lost a title cannot be keyed: say so and leave the file out rather than guess.
        process.stderr.write(`skipped ${name}: ${(e as Error).message}\n`);
        continue;
      }
      writeFileSync(path.join(out, 'raw', `${name}.txt`), text);
      const fields = genre === 'notice' ? plan.notices.map(noticeKey) : plan.laws.map(keyFields);
      files.push({
        file: `${name}.txt`,
        layout: layout.id,
        genre,
        extractor: layout.extractor,
        pages,
        accuracy: Number(charAccuracy(printedText(html), extractedText(text, header ? [header] : [])).accuracy.toFixed(5)),
        docs: fields.map((f, k) => ({ key: `${name}#${k + 1}`, ...f, ...located[k] })),
      });
      docsDone += fields.length;
      if ((n + 1) % 20 === 0) process.stderr.write(`${docsDone} documents, ${n + 1}/${plans.length} files\n`);
    }
  } finally {
    await renderer.close();
    if (!keepPdf) rmSync(pdfDir, { recursive: true, force: true });
  }
  // Real text exhausted (benchmark sets only): mutated copies of the extracted files until the count is reached.
  const real = files.length;
  let total = files.reduce((n, f) => n + f.docs.length, 0);
  for (let k = 1; real > 0 && total < count; k++) {
    const base = files[(k - 1) % real];
    const name = `${pad(files.length)}_${base.layout}_m${k}`;
    let m = mutateFile(readFileSync(path.join(out, 'raw', base.file), 'utf8'), base, k, name);
    const need = count - total;
    if (m.file.docs.length > need) {
      // The last copy is cut before the first document it does not need, so the set holds exactly `count`.
      const cut = m.file.docs[need].startLine - 1;
      m = { raw: m.raw.split('\n').slice(0, cut).join('\n') + '\n', file: { ...m.file, docs: m.file.docs.slice(0, need) } };
    }
    writeFileSync(path.join(out, 'raw', m.file.file), m.raw);
    files.push(m.file);
    total += m.file.docs.length;
  }
  const key: AnswerKey = {
    formatVersion: 1,
    note: 'Answer key taken from the sources (title line, dated metadata lines, folder, 第X条 paragraphs; for notices the listed title, office and 文号 and the printed signature date), not from the parser. Generated by npm run corpus:realistic.',
    files,
  };
  writeFileSync(path.join(out, 'key.json'), JSON.stringify(key, null, 1) + '\n');
  const sources = new Map<string, { repo: string; path: string; commit: string; note?: string; files: string[] }>();
  for (const f of files)
    for (const d of f.docs) {
      const id = d.source.path + (d.source.note ?? '');
      const s = sources.get(id) ?? { ...d.source, files: [] };
      s.files.push(f.file);
      sources.set(id, s);
    }
  writeFileSync(path.join(out, 'sources.json'), JSON.stringify([...sources.values()], null, 1) + '\n');
  const docs = files.reduce((s, f) => s + f.docs.length, 0);
  for (const x of ['pdftotext', 'pdftotext-layout', 'pdfjs'] as const) {
    const acc = files.filter((f) => f.extractor === x).map((f) => f.accuracy).sort((a, b) => a - b);
    if (acc.length) console.log(`${x}: character accuracy median ${acc[acc.length >> 1].toFixed(4)}, lowest ${acc[0].toFixed(4)} over ${acc.length} files`);
  }
  console.log(`wrote ${docs} documents in ${files.length} files (${new Set(files.map((f) => f.layout)).size} layouts) to ${out} in ${Math.round(performance.now() - started)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
