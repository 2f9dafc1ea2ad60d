/**
 * Metadata from a document's title and header paragraphs: title clean-up,
 * issuer(s), 文号, dates, kind. Pure string functions with fixture tests.
 */
import { DATE_LINE, DOC_NUMBER, OPENS_WITH_MATTER, isoDate } from './patterns.js';
import { parseChineseNumber } from './numerals.js';
import type { DocKind } from './types.js';

/** Strip the compilation number and the trailing date; remove PDF spaces. */
export function parseTitle(raw: string): { title: string; date: string | null; number: number | null } {
  let t = raw.replace(/[\s\u3000]+/g, ' ').trim();
  let number: number | null = null;
  const num = /^(\d{1,3})\s*[.．、]\s*/.exec(t);
  if (num) {
    number = Number(num[1]);
    t = t.slice(num[0].length);
  }
  let date: string | null = null;
  const d = /[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]\s*$/.exec(t);
  if (d) {
    date = isoDate(d[1], d[2], d[3]);
    t = t.slice(0, d.index);
  }
  return { title: tidyTitle(t), date, number };
}

/** Remove spaces a PDF put into a title: around CJK, digits and CJK punctuation; keep spaces between Latin words. */
export function tidyTitle(t: string): string {
  return t
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

const KIND_MAP: [RegExp, DocKind][] = [
  [/解读$/, '解读'],
  [/(实施细则|细则)$/, '细则'],
  [/条例$/, '条例'],
  [/(办法|管理办法)$/, '办法'],
  [/修正案$/, '修正案'],
  [/规则$/, '规则'],
  [/规定$/, '规定'],
  [/解释$/, '解释'],
  [/批复$/, '批复'],
  [/答复$/, '答复'],
  [/函$/, '函'],
  [/通报$/, '通报'],
  [/预案$/, '预案'],
  [/规范$/, '规范'],
  [/(指南|指引)$/, '指南'],
  // 中华人民共和国…法, …法（试行）: a law (办法, 方法, 做法 are not).
  [/[^办方做说用]法$/, '法'],
  [/(意见|实施意见|指导意见)$/, '意见'],
  [/(方案)$/, '方案'],
  [/(措施|举措|政策|若干政策)$/, '措施'],
  [/(要点)$/, '要点'],
  [/(计划|规划)$/, '计划'],
  [/(决定)$/, '决定'],
  [/(公告|通告)$/, '公告'],
  [/通知$/, '通知'],
];

/**
 * Kind from the title. A notice that issues or forwards another document
 * (关于印发《…措施》的通知) is classed by what it issues: that is what a
 * reader filtering by 措施 is looking for.
 */
export function kindFromTitle(title: string, attachmentTitle?: string): DocKind {
  const t = title.replace(/[（(](征求意见稿|草案[^）)]*|试行|暂行|\d{4}[^）)]*版|\d{4}[-—–]\d{4}年?)[）)]/g, '');
  const issued = /(?:印发|转发|发布)(?:[^《]*?)《([^》]+)》(?:的)?(?:通知|公告|函)?$/.exec(t) ?? /(?:印发|转发)(.+?)的通知$/.exec(t);
  if (issued) {
    const inner = kindOf(issued[1]);
    if (inner !== '其他') return inner;
    // The title may shorten what it issues (…若干措施及配套清单); the attachment's own title names its kind.
    const attached = attachmentTitle ? kindFromTitle(attachmentTitle) : '其他';
    if (attached !== '其他') return attached;
    // What is forwarded may be of no kind of its own (…意见报告, …的请示): then the covering notice's kind is the document's.
  }
  const own = kindOf(t);
  return own === '其他' && attachmentTitle ? kindFromTitle(attachmentTitle) : own;
}

function kindOf(t: string): DocKind {
  t = t.replace(/[（(][^（）()]*[）)]$/, '').replace(/[》」]$/, '');
  for (const [re, kind] of KIND_MAP) if (re.test(t)) return kind;
  return '其他';
}

/**
 * Issuers named at the head of a title: 上海市发展和改革委员会关于… ,
 * 上海海关等11部门关于… , 江苏省政府办公厅印发… ; several joined by 、 or spaces.
 */
export function issuersFromTitle(title: string): string[] {
  // A title that begins with its matter (关于印发…的通知, as a database lists a ministry's notice) names no issuer.
  if (OPENS_WITH_MATTER.test(title)) return [];
  // 国务院办公厅对…建议的答复: a reply names its author before 对.
  // Up to 120 characters before 关于: a joint notice of a dozen ministries names them all there.
  const m = /^(.{2,120}?)(?:关于|印发|转发|批准发布|发布)/.exec(title) ?? /^(.{2,30}?)对.{4,}(?:答复|复函)$/.exec(title);
  if (!m) return [];
  const head = m[1].replace(/《.*$/, '');
  if (head.length < 2 || /^\d/.test(head)) return [];
  // Joint issuers are set apart by 、 or by a space (国家发展改革委 财政部关于…).
  return head.split(/[、，,\s\u3000]+/).filter((s) => s.length >= 2);
}

/**
 * A body by its formal name, as the library lists it: a congress printed short (河南省人大常委会关于…的决议) and the
 * same congress in full are one issuer; a ministry's name after 中华人民共和国 (中华人民共和国海关总署关于…) is the
 * name it signs with (海关总署); 中央军委 is 中央军事委员会 (its 办公厅 keeps the short name it signs with).
 */
export function formalIssuer(name: string): string {
  return name.replace(/人大常委会/g, '人民代表大会常务委员会').replace(/^中华人民共和国(?=.{2})/, '').replace(/^中央军委$/, '中央军事委员会');
}

export function docNumberFrom(text: string): string | null {
  const m = DOC_NUMBER.exec(text);
  return m ? m[1].replace(/\s+/g, '').replace(/\[/g, '〔').replace(/\]/g, '〕') : null;
}

export function dateFromLine(text: string): string | null {
  const m = DATE_LINE.exec(text);
  if (m && m[4]) {
    const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c === '○' || c === '零' ? '〇' : c);
    const year = [...m[4]].map(digit).join('');
    const month = parseChineseNumber(m[5]);
    const day = parseChineseNumber(m[6]);
    return month && day ? isoDate(year, String(month), String(day)) : null;
  }
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

/** 发布日期: 2021-04-09 / 2021年4月9日 in a news header. */
export function publishedDate(text: string): string | null {
  const m = /(?:发布日期|发布时间|日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

/** 来源：青岛日报 */
export function sourceName(text: string): string | null {
  const m = /来源\s*[:：]\s*(\S{2,20})/.exec(text);
  return m ? m[1] : null;
}

/** 本办法自2023年7月1日起施行 → 2023-07-01 */
export function effectiveDate(text: string): string | null {
  const m = /自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起(?:施行|实施|执行|生效)/.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

/** 转自国家金融监督管理局 / 来源：… / 摘自… — a reprint note that ends an article. */
export function reprintSource(text: string): string | null {
  // A source is a name (来源：中国政府网), not a sentence (来源：医院填报。, a table's cell).
  const m = /^(?:转自|转载自|摘自|来源[:：])\s*([^\s。，；！？]{2,30})$/.exec(text.trim());
  return m ? m[1] : null;
}
