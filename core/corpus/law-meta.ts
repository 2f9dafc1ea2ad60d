/**
 * The metadata a law or regulation prints under its title, as dated lines
 *   2015年12月27日第十二届全国人民代表大会常务委员会第十八次会议通过
 *   2014年11月24日中华人民共和国国务院令第656号公布
 * or as one bracketed note
 *   （2010年6月24日…会议通过　根据2018年…《关于修改…的决定》修正）.
 * Each event is a date, the body that acted and what it did (通过, 公布,
 * 印发, 修正, 修订, 修改, 批准, 施行). The text printed is the version of the latest
 * event that made it (not 施行, which only says when it applies).
 */
import { isoDate } from './patterns.js';

export type LawEventKind = '通过' | '公布' | '发布' | '印发' | '修正' | '修订' | '修改' | '批准' | '施行' | '生效';

export interface LawEvent {
  date: string;
  kind: LawEventKind;
  /** The words between the date and the verb: the body and the occasion. */
  by: string;
}

export interface LawMeta {
  /** The version the text is: the latest 通过/公布/修正/修订/批准. */
  date: string | null;
  adoptedDate: string | null;
  effectiveDate: string | null;
  /** The body that made the text, as the header names it (全国人民代表大会常务委员会, 国务院, 广东省人民代表大会常务委员会). */
  issuers: string[];
  /** The bodies that approved it (a province's congress approves its cities' regulations: 山东省人民代表大会常务委员会). */
  approvers: string[];
}

const DATE = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;
/**
 * An amendment named after the verb that adopted it: the codes amended by 修正案 list each under the title
 * (中华人民共和国宪法, 中华人民共和国刑法: 2018年3月11日…会议通过的《中华人民共和国宪法修正案》, …通过的《中华人民共和国刑法
 * 修正案（八）》). The text is the version of the latest.
 */
const AMENDMENT_NAMED = '的《[^》]{2,80}(?:修正案|决定)(?:（[^（）]{1,6}）)?》';
const AMENDED_BY = `通过${AMENDMENT_NAMED}`;
// 修改: a ministry's rule amended by a decision (…《关于修改和废止有关规章的决定》修改), never the 关于修改 of the
// decision's name, where a line often wraps (…会议《关于修改 | 〈…条例〉等二十件地方性法规的决定》第一次修正).
// 印发: a court's answer issued by a notice (…以法发〔1993〕15号通知印发); not a notice's own date (（2023年6月13日印发）).
const VERB = '通过|公布|发布|(?<=通知)印发|修正|修订|(?<!关于)修改|批准|施行|生效';
/** One event: a date, at most 120 characters without another date, and the verb that ends it. */
const EVENT = new RegExp(`${DATE}((?:(?!\\d{4}\\s*年)[^（）()])*?)(?:起)?(${VERB})`, 'g');

/** A line that is one dated event of the header: it starts with a date (or 根据 + date) and ends with the verb. */
const META_LINE = new RegExp(`^\\s*(?:根据)?${DATE}.{0,140}?(?:${VERB}|令第\\s*\\d+\\s*号|${AMENDED_BY})[\\s。）)]*$`);
/** The opening of a bracketed note: （2010年6月24日… */
// Or the note's first event undated, its meeting named first (（最高人民法院审判委员会第1193次会议、…通过 2002年3月15日…公布）).
const META_NOTE_START = new RegExp(`^\\s*[（(]\\s*(?:根据)?(?:${DATE}(?!\\s*[）)])|[^（）()\\d]{2,40}?(?:委员会|人民代表大会|政府|法院|检察院)第[\\d一二三四五六七八九十百]+次(?:全体)?会议)`);

/** A paragraph (or line) that is a law's metadata: dated event lines or a bracketed note of them. */
export function isLawMetaText(text: string): boolean {
  const t = text.trim();
  if (META_LINE.test(t) && !/[。；]./.test(t)) return true;
  // Longer than one event's line: a city regulation's events run together over wrapped lines (…批准1995年12月14日…
  // 公告公布施行根据2004年…第一次修正根据2018年9月7日…第三次修正), or one event naming a long decision: dated
  // events end to end, no sentence among them.
  if (DATE_START.test(t) && VERB_END.test(t) && !/[，。；]/.test(t) && lawEvents(t).length > 0) return true;
  return META_NOTE_START.test(t) && /[）)]\s*$/.test(t) && lawEvents(t).length > 0;
}

/** Whether a line opens law metadata (a dated event line, or the first line of a bracketed note). */
export function opensLawMeta(line: string): boolean {
  const t = line.trim();
  return META_NOTE_START.test(t) || (DATE_START.test(t) && !/[，。；]/.test(t.slice(0, 14)));
}

/** Whether a line ends a metadata event (…通过, …修正）). */
export function endsLawMeta(line: string): boolean {
  return VERB_END.test(line.trim());
}

// Made once: these are asked of every line of every file (a new RegExp per call was most of the time they took).
const DATE_START = new RegExp(`^\\s*(?:根据)?${DATE}`);
const VERB_END = new RegExp(`(?:${VERB})[\\s。]*[）)]?\\s*$`);

/**
 * A date and the body that issued the text, its verb not printed, as an old regulation's source gives it under its title
 * (1984年4月4日国务院; 1980年12月9日国务院批准 | 1980年12月27日国家经济委员会). Only the header is asked: at the end
 * of a notice, a date and a body are its signature.
 */
export const DATED_BODY = new RegExp(`^\\s*${DATE}\\s*(国务院|[\\u4e00-\\u9fa5]{2,20}(?:委员会|部|总局|局|署|院|办公厅))\\s*$`);

export function lawEvents(text: string): LawEvent[] {
  const out: LawEvent[] = [];
  // An order printed without its verb (…国务院令第692号) promulgates the text; so does a body dated alone (DATED_BODY).
  const flat = (DATED_BODY.test(text) ? `${text}发布` : text).replace(/[\s\u3000]+/g, '').replace(/令第(\d+)号(?!公布|发布)/g, '令第$1号公布');
  const at: number[] = [];
  for (const m of flat.matchAll(EVENT)) {
    const amends = m[5] === '通过' && AMENDMENT_AFTER.test(flat.slice(m.index + m[0].length));
    out.push({ date: isoDate(m[1], m[2], m[3]), kind: amends ? '修正' : (m[5] as LawEventKind), by: m[4] });
    at.push(m.index);
  }
  // A meeting printed with no verb, the next dated event's verb being its too (a joint interpretation adopted by
  // two bodies: 2020年8月31日…审判委员会第1811次会议 2020年8月21日…检察委员会第四十八次会议通过): both adopted it.
  for (const m of flat.matchAll(MEETING_NO_VERB)) {
    const next = at.findIndex((i) => i > m.index);
    if (next < 0 || ANY_VERB.test(m[4])) continue;
    out.splice(next, 0, { date: isoDate(m[1], m[2], m[3]), kind: out[next].kind, by: m[4] });
    at.splice(next, 0, m.index);
  }
  return out;
}

const AMENDMENT_AFTER = new RegExp(`^${AMENDMENT_NAMED}`);
const MEETING_NO_VERB = new RegExp(`${DATE}((?:(?!\\d{4}\\s*年)[^（）()])*?会议)、?(?=\\d{4}\\s*年)`, 'g');
const ANY_VERB = new RegExp(VERB);

/** The body an event names: 第十二届全国人民代表大会常务委员会第十八次会议 → 全国人民代表大会常务委员会. */
export function eventBodies(by: string): string[] {
  const out: string[] = [];
  // A joint order (农业部、财政部、国家物价局令第1号; 食品药品监管局、海关总署第4号令) is made by every body it names.
  const joint = /^(?:根据)?((?:[^、，,令]{2,20}、)+[^、，,令]{2,20}?)(?:令第|第[\d一二三四五六七八九十百]+号令)/.exec(by);
  if (joint) return [...new Set(joint[1].split('、').map((s) => s.replace(/^中华人民共和国/, '')))];
  for (const part of by.split(/[、，,]|和(?=最高|中华|国务院)/)) {
    // 经…部务会议通过, 由…发布: the verb's preposition, not the body's name (经济 is a word of names: 经济贸易委员会).
    const s = part.replace(/^(?:根据)?(?:经(?!济)|由)?/, '');
    let m: RegExpExecArray | null;
    if (/国务院/.test(s) && /令|常务会议|国务院(?:批准|公布|发布)?$/.test(s)) out.push('国务院');
    else if ((m = /最高人民(法院|检察院)/.exec(s))) out.push(`最高人民${m[1]}`);
    else if (/全国人民代表大会常务委员会/.test(s)) out.push('全国人民代表大会常务委员会');
    else if (/全国人民代表大会/.test(s)) out.push('全国人民代表大会');
    else if ((m = /^(.{2,20}?)第[一二三四五六七八九十]+届人民代表大会(常务委员会)?/.exec(s))) out.push(`${m[1]}人民代表大会${m[2] ?? ''}`);
    // A congress named short (北京市第九届人大常委会, 宁波市十四届人大常委会), in its own city's printing without its
    // place (市十四届人大常委会: the title's place, see assemble.ts).
    // (Or in full without its 第: 市十二届人民代表大会常务委员会, 杭州's own printing.)
    else if ((m = /^(.{0,8}?)(省|市|自治区)第?[一二三四五六七八九十]+届(?:人大(常委会)?|人民代表大会(常务委员会)?)/.exec(s))) out.push(`${m[1]}${m[2]}人民代表大会${m[3] || m[4] ? '常务委员会' : ''}`);
    else if ((m = /^(?:中华人民共和国)?(.{2,30}?)令第/.exec(s))) out.push(m[1]);
    else if ((m = /^(.{2,30}?)(?:公告|第\d+次|第[一二三四五六七八九十]+次)/.exec(s))) out.push(m[1]);
    // A body named alone before its verb (铁道部发布, 中国证券监督管理委员会、财政部公布).
    // (中央军委: the Central Military Commission as 征兵工作条例 names it, 国务院、中央军委发布.)
    else if ((m = /^(?:中华人民共和国)?([\u4e00-\u9fa5]{1,20}(?:部|委员会|总局|局|署|银行|办公厅)|中共中央|中央军委)$/.exec(s))) out.push(m[1]);
  }
  return [...new Set(out)];
}

/** Dates and issuing body from the header's metadata paragraphs. */
export function lawMeta(texts: string[]): LawMeta {
  const events = texts.flatMap(lawEvents);
  const made = events.filter((e) => e.kind !== '施行' && e.kind !== '生效');
  const latest = made.reduce<string | null>((best, e) => (best === null || e.date > best ? e.date : best), null);
  const adopted = events.find((e) => e.kind === '通过') ?? null;
  const effective = events.find((e) => e.kind === '施行' || e.kind === '生效') ?? null;
  // 国务院批准 … 交通部令第14号发布: a rule approved by a superior body is made by the body that promulgates it.
  const first = adopted ?? made.find((e) => e.kind !== '批准') ?? made[0] ?? null;
  const approvers = [...new Set(events.filter((e) => e.kind === '批准').flatMap((e) => eventBodies(e.by)))];
  return { date: latest, adoptedDate: adopted?.date ?? null, effectiveDate: effective?.date ?? null, issuers: first ? eventBodies(first.by) : [], approvers };
}
