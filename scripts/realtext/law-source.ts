/**
 * Real legal texts from the LawRefBook/Laws repository (public Chinese laws,
 * regulations, judicial interpretations and local regulations in Markdown),
 * read straight from its git objects, and the answer key taken from each
 * file's own header: its `# title`, the dated metadata lines before
 * `<!-- INFO END -->`, the folder it sits in (national / a province's DLC)
 * and the `第X条` paragraphs of its body. Nothing here looks at our parser.
 */
import { execFileSync } from 'node:child_process';
import type { KeyRegion } from './key.js';
import { regionOf } from './key-region.js';

export const LAWS_REPO = 'LawRefBook/Laws';
export const LAWS_GIT_DIR = '/work/.mirror/LawRefBook+Laws/repo';

export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'para'; text: string };

export interface MetaEvent {
  date: string; // ISO
  text: string; // the line as printed, cleaned of stray brackets
  event: 'adopted' | 'amended' | 'revised' | 'promulgated' | 'approved' | 'effective' | 'other';
  body: string | null; // the body that acted, normalised (全国人民代表大会常务委员会)
}

export interface LawText {
  source: { repo: string; path: string; commit: string };
  title: string;
  /** A part of a split law (民法典 合同编), printed under the title. */
  subtitle: string | null;
  meta: MetaEvent[];
  /** Header lines that carry no date (劳社部发[2008]3号). */
  extraHead: string[];
  blocks: Block[];
  /** Version date from the file name `(YYYY-MM-DD)`, when present. */
  fileDate: string | null;
  folder: string;
}

export function lawsCommit(): string {
  return execFileSync('git', ['-C', LAWS_GIT_DIR, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

export function listLawFiles(): string[] {
  const out = execFileSync('git', ['-C', LAWS_GIT_DIR, '-c', 'core.quotepath=off', 'ls-tree', '-r', '--name-only', 'HEAD'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return out.split('\n').filter((p) => p.endsWith('.md') && !p.endsWith('_index.md') && !p.startsWith('scripts/') && !p.startsWith('案例/') && p !== 'README.md' && !p.includes('模版'));
}

export function readLawFile(path: string): string {
  return execFileSync('git', ['-C', LAWS_GIT_DIR, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日/;
/** Where one event ends and the next, dated one begins within a line: after its verb, before 根据 and a date. */
const EVENT_JOIN = /(?<=通过|修正|修订|批准|公布|发布|施行|生效)\s*(?:根据\s*)?(?=\d{4}年\d{1,2}月\d{1,2}日)/;

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The acting body in a metadata line, without 第N届 / 第N次会议 / 令第N号: 上海市第十五届人民代表大会常务委员会第二十次会议 → 上海市人民代表大会常务委员会. */
export function actingBody(rest: string): string | null {
  // 人大常委会 and 中央军委 are how some headers abbreviate the body; the key names it in full.
  const s = rest.replace(/^[经由]/, '').replace(/人大常委会/g, '人民代表大会常务委员会').replace(/人大(?=第|会议)/g, '人民代表大会').replace(/中央军委(?!办公厅|员会)/g, '中央军事委员会');
  const congress = /^(.*?)(?:第?[一二三四五六七八九十]+届)?(全国人民代表大会(?:常务委员会)?|人民代表大会(?:常务委员会)?)/.exec(s);
  if (congress) {
    const place = congress[1].replace(/第?[一二三四五六七八九十]+届$/, '');
    if (!/[《〈]/.test(place) && place.length <= 12) return (place + congress[2]).replace(/^中华人民共和国/, '');
  }
  const court = /^(最高人民法院|最高人民检察院)/.exec(s);
  if (court) return court[1];
  const decision = /^《(国务院)关于/.exec(s);
  if (decision) return decision[1];
  const issued = /^(?:中华人民共和国)?([^《〈，]{2,30}?)(?:发布|公布|印发)$/.exec(s);
  if (issued && !/令第|号令/.test(issued[1])) return issued[1];
  // 中华人民共和国国务院、中华人民共和国中央军事委员会令第371号 (or 食品药品监管局、海关总署第4号令): both bodies,
  // as the parser lists issuers.
  const order = /^(.{2,40}?)(?:令(?:第|〔|\[)|第[\d一二三四五六七八九十百]+号令)/.exec(s);
  if (order && !/[《〈，]/.test(order[1])) return order[1].split('、').map((b) => b.replace(/^中华人民共和国/, '')).join('、');
  const council = /^(国务院)/.exec(s);
  if (council) return council[1];
  const meeting = /^(.{2,20}?)(?:第[\d一二三四五六七八九十百]+次)?(?:部务|局务|委务|署务|常务|主任|行长)?会议/.exec(s);
  if (meeting && !/[《〈，、]/.test(meeting[1])) return meeting[1];
  return null;
}

function eventOf(text: string): MetaEvent['event'] {
  if (/施行$/.test(text)) return 'effective';
  if (/修订/.test(text)) return 'revised';
  if (/修正|修改/.test(text)) return 'amended';
  if (/批准/.test(text)) return 'approved';
  if (/通过/.test(text)) return 'adopted';
  if (/公布|发布/.test(text)) return 'promulgated';
  return 'other';
}

/**
 * Events listed with 、 share the verb printed once at the end (2023年3月20日 最高人民法院审判委员会第1880次会议、
 * 2024年3月29日最高人民检察院…会议通过: both bodies adopted the text, the second on the later date).
 */
function sharedVerb(text: string): string[] {
  const parts = text.split(/、(?=\d{4}年\d{1,2}月\d{1,2}日)/);
  if (parts.length < 2) return parts;
  const verb = /(通过|修正|修订|批准|公布|发布)$/.exec(parts[parts.length - 1])?.[1];
  return verb ? parts.map((p) => (p.endsWith(verb) ? p : p + verb)) : [text];
}

/** A province's approval printed inside a city's event: …会议通过并经2018年9月21日山东省…会议批准的《…决定》第二次修正. */
const APPROVED_WITHIN = /并经\s*(\d{4}年\d{1,2}月\d{1,2}日[^《〈]*?批准)/;

/**
 * The city's event, then the province's approval of it, as two events: the approval is the latest date printed for
 * that version, as it is when printed on its own (…通过 2018年9月21日…批准), and its body is not the one that acted.
 */
function approvalWithin(text: string): string[] {
  const m = APPROVED_WITHIN.exec(text);
  return m ? [text.slice(0, m.index) + text.slice(m.index + m[0].length), m[1]] : [text];
}

export function parseLawMarkdown(md: string, path: string, commit: string): LawText | null {
  const lines = md.replace(/\r/g, '').split('\n');
  const end = lines.findIndex((l) => l.includes('INFO END'));
  if (end < 0) return null;
  const titles = lines.slice(0, end).filter((l) => /^#\s/.test(l)).map((l) => l.replace(/^#\s+/, '').trim());
  if (!titles.length) return null;
  const meta: MetaEvent[] = [];
  const extraHead: string[] = [];
  for (const raw of lines.slice(0, end)) {
    const l = raw.trim();
    if (!l || l.startsWith('#') || l.startsWith('<!--') || l === '---' || /^\w+:/.test(l)) continue;
    // Stray brackets and the "根据" that links one amendment to the next are left from the source's bracketed note.
    const line = l.replace(/^[（(]/, '').replace(/\s*根据$/, '').replace(/[）)。\s　]+$/, '').replace(/\s+/g, ' ').trim();
    // One source line may hold several events run together (…修订根据2017年11月23日…第二次修正, …通过2021年7月30日…批准):
    // each dated event after a verb is an event of its own, or the key misses the version the text is.
    for (const text of line.split(EVENT_JOIN).flatMap(sharedVerb).flatMap(approvalWithin)) {
      const m = DATE.exec(text);
      if (!m) {
        extraHead.push(text);
        continue;
      }
      const rest = text.slice(m[0].length).trim();
      meta.push({ date: iso(m[1], m[2], m[3]), text, event: eventOf(text), body: actingBody(rest) });
    }
  }
  // A meeting printed with no verb, the next meeting's line ending in it (…最高人民法院审判委员会第1749次会议 |
  // 2018年12月12日 最高人民检察院…会议通过): both adopted the text, as with meetings listed with 、.
  meta.forEach((m, i) => {
    if (m.event === 'other' && /会议$/.test(m.text) && meta[i + 1] && meta[i + 1].event !== 'effective') m.event = meta[i + 1].event;
  });
  const blocks: Block[] = [];
  for (const raw of lines.slice(end + 1)) {
    const l = raw.trim();
    if (!l || l.startsWith('<!--')) continue;
    const h = /^(#{2,6})\s+(.*)$/.exec(l);
    if (h) blocks.push({ kind: 'heading', level: h[1].length, text: h[2].replace(/\s+/g, ' ').trim() });
    else blocks.push({ kind: 'para', text: l.replace(/^[>*-]\s+/, '') });
  }
  if (!blocks.some((b) => b.kind === 'para')) return null;
  const fd = /\((\d{4})-(\d{2})-(\d{2})\)\.md$/.exec(path);
  return {
    source: { repo: LAWS_REPO, path, commit },
    title: titles[0],
    subtitle: titles[1] ?? null,
    meta,
    extraHead,
    blocks,
    fileDate: fd ? `${fd[1]}-${fd[2]}-${fd[3]}` : null,
    folder: path.split('/')[0],
  };
}

/** 第X条 at the start of a paragraph, followed by a space: how the source marks an article. */
export const ARTICLE_START = /^第[零〇一二三四五六七八九十百千两]+条(?:之[一二三四五六七八九十]+)?[\s　]/;

export function countArticles(blocks: Block[]): number {
  return blocks.filter((b) => b.kind === 'para' && ARTICLE_START.test(b.text)).length;
}

/** Kind from the title's last words, the way the genre names itself. */
export function kindOfTitle(title: string): string {
  const t = title.replace(/[（(][^）)]*[）)]$/, '');
  const kinds = ['修正案', '解释', '决定', '条例', '规定', '办法', '细则', '规则', '意见', '通知', '方案', '批复', '预案', '规范', '指南', '指引', '标准', '法'];
  for (const k of kinds) if (t.endsWith(k)) return k === '指引' ? '指南' : k;
  return '其他';
}

export function regionOfLaw(law: LawText, issuer: string | null): KeyRegion {
  if (law.folder !== 'DLC') return { level: 'national', province: null, city: null };
  const provinceFolder = law.source.path.split('/')[1].replace('地方法规', '');
  return regionOf(provinceFolder, [issuer ?? '', law.title]);
}
