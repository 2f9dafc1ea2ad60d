/**
 * A document draft → a PolicyDocument (without its final id): header
 * (文号, addressees), body, signature, attached documents, and metadata.
 */
import { isAddresseeLine, leadingAddressees } from './addressees.js';
import { titleFromHeader } from './furniture.js';
import {
  dateFromLine,
  docNumberFrom,
  effectiveDate,
  formalIssuer,
  issuersFromTitle,
  kindFromTitle,
  parseTitle,
  publishedDate,
  reprintSource,
  sourceName,
  tidyTitle,
} from './metadata.js';
import { DATED_BODY, isLawMetaText, lawMeta, opensLawMeta } from './law-meta.js';
import { MARKER_START, type RawParagraph } from './paragraphs.js';
import { readOrder } from './orders.js';
import { ATTACHMENT_LABEL, BRACKETED_NOTE, DATE_LINE, DOC_NUMBER, META_LINE, SIGNER_LINE, endsLikeTitle, ORG_SUFFIX, signatureStart } from './patterns.js';
import { findRegion, regionOf } from './regions.js';
import type { DocDraft } from './segment.js';
import { buildUnits } from './structure.js';
import { trailingImprint } from './imprint.js';
import { unitId } from './unit-id.js';
import type { DocKind, PolicyDocument, SourceRef, TitleSource, Unit } from './types.js';
import { CORPUS_FORMAT_VERSION } from './types.js';

export interface Assembled {
  doc: Omit<PolicyDocument, 'id' | 'units'> & { units: Unit[] };
  draft: DocDraft;
}


/** Build the units of a body with a temporary id; ids are rewritten once the document id is known. */
export const TEMP_ID = '__doc__';

interface Attachment {
  title: string;
  label: string;
  paras: RawParagraph[];
}

interface Header {
  docNumber: string | null;
  addressees: string | null;
  /** 来源：… of a news page. */
  newsSource: string | null;
  authors: string[];
  /** 发布日期：… of a news page. */
  date: string | null;
  /** A law's metadata paragraphs (dated lines or the bracketed note). */
  lawMeta: string[];
  /** The paragraphs after the header. */
  rest: RawParagraph[];
}

interface Signed {
  body: RawParagraph[];
  signature: string[];
  /** The date line of the signature. */
  date: string | null;
  attachments: Attachment[];
  /** The body's paragraphs printed under the signature (its 附注: （联系人：…）, （此件公开发布）): the last item's text ended above it. */
  notes: Set<RawParagraph>;
}

/** The stages in reading order; each is a function below. */
export function assemble(d: DocDraft, previousTitle: (draft: DocDraft) => string | null): Assembled {
  const titleLine = d.title ? parseTitle(d.title.text) : null;
  const header = readHeader(d, titleLine?.title ?? '');
  const { text, imprint } = withoutImprint(dropRepeatedTitle(header.rest, titleLine?.title ?? ''));
  const signed = splitSignature(text, titleLine?.title ?? '');
  const { title, titleSource } = titleLine?.title ? { title: titleLine.title, titleSource: 'title-line' as TitleSource } : recoverTitle(d, signed.body, previousTitle);
  const authors = header.authors.length ? header.authors : bylineAuthors(d);
  const reprint = d.signoff ? reprintSource(d.signoff) : null;
  const meta = lawMeta(header.lawMeta);
  // The order printed above the title promulgated the text as it stands: its body, number and date come first.
  const order = d.order ? readOrder(d.order.heading.text, d.order.paras) : null;
  const joint = jointIssuersPrinted(d, title);
  const lawBodies = order?.issuers.length ? order.issuers : meta.issuers;
  const issuers = [...new Set(findIssuers(d, title, joint, lawBodies, signed.signature, reprint, header.newsSource, authors).map(formalIssuer))];
  const kind = classify(d, title, signed.attachments, header.newsSource, authors);
  // (Its text leads the body, as printed; added after the signature was looked for: its date is the order's, not the text's.)
  const body = order ? [...order.paras, ...signed.body] : signed.body;
  const units = buildBodyUnits(body, signed.attachments, imprint, signed.notes);

  return {
    draft: d,
    doc: {
      formatVersion: CORPUS_FORMAT_VERSION,
      title: withJointIssuersApart(title, joint),
      titleSource,
      issuer: issuers.join('、'),
      issuers,
      authors,
      docNumber: header.docNumber ?? order?.docNumber ?? null,
      date: titleLine?.date ?? order?.date ?? meta.date ?? header.date ?? signed.date ?? null,
      effectiveDate: meta.effectiveDate ?? effectiveDate(paragraphsText([...body, ...signed.attachments.flatMap((a) => a.paras)])),
      ...(meta.adoptedDate ? { adoptedDate: meta.adoptedDate } : {}),
      // A city's regulation approved by its province, the city not in the gazetteer (莱芜市, merged into 济南市 in
      // 2019): the approving province, as a compilation's heading would give it.
      region: regionOf(issuers, title, d.headingProvince ?? approvingProvince(meta.approvers), kind, `${header.addressees ?? ''}\n${paragraphsText(body)}`),
      kind,
      sources: [sourceOf(d)],
      unitCount: 0,
      charCount: 0,
      // The corpus pipeline decides this once the units are built (see build.ts).
      bodyMissing: null,
      addressees: header.addressees,
      signature: signed.signature,
      units,
      ...(reprint ? { reprintedFrom: reprint } : {}),
    },
  };
}

/** Header: meta lines (news), byline, 文号, addressees, law metadata, the title printed again — in any order, before the body. */
function readHeader(d: DocDraft, title: string): Header {
  const paras = [...d.paras];
  const h: Header = { docNumber: null, addressees: null, newsSource: null, authors: [], date: null, lawMeta: [], rest: paras };
  /** Header paragraphs that are also text the reader must see (a law's metadata: its dates of amendment). */
  const shown: RawParagraph[] = [];
  while (paras.length) {
    const t = paras[0].text;
    // The byline paragraph (white space already collapsed): names of 2–4 characters.
    if (d.title && !h.authors.length && /^[\u4e00-\u9fa5]{2,4}(?: [\u4e00-\u9fa5]{2,4})+$/.test(t) && !MARKER_START.test(t)) {
      h.authors = t.split(/[\s\u3000]+/).filter(Boolean);
    } else if (/^作者\s*[:：]/.test(t)) {
      h.authors = t.replace(/^作者\s*[:：]\s*/, '').split(/[\s\u3000、，,]+/).filter(Boolean);
    } else if (META_LINE.test(t)) {
      h.date ??= publishedDate(t);
      h.newsSource ??= sourceName(t);
    } else if (isLawMetaText(t) || DATED_BODY.test(t) || (opensLawMeta(t) && /会议(?:《[^》]*)?$/.test(t) && paras.length > 1 && isLawMetaText(paras[1].text))) {
      // (A text adopted by two bodies prints each meeting on a line of its own, the verb after the second only:
      // …最高人民法院审判委员会第1749次会议 / …最高人民检察院第十三届检察委员会第十一次会议通过. A dated event cut short
      // before its verb, as a source prints it (…第三十一次会议《关于修改〈…招标投标法〉), is still one of the events
      // above the dated line after it.)
      h.lawMeta.push(t);
      shown.push(paras[0]);
    } else if (title && repeatsTitle(paras, title)) {
      // The title printed again in the header (a judicial interpretation's 最高人民法院 / 关于…的规定 block, then its 文号).
      paras.splice(0, repeatsTitle(paras, title) - 1);
    } else if (!h.docNumber && DOC_NUMBER.test(t)) {
      h.docNumber = docNumberFrom(t);
    } else if (SIGNER_LINE.test(t)) {
      // A report's 签发人 under its 文号: who signed it off, not its text.
    } else if (!h.addressees && (isAddressees(t) || isAddresseeLine(t))) {
      // (A class of bodies whatever the list's shape, 市政府各委、办、局：; or named bodies or persons, 武警总部：, 石英代表：.)
      h.addressees = t;
    } else {
      // Addressees run into the body's first sentence, where the printout kept no indent to part them.
      const lead = h.addressees ? null : leadingAddressees(t);
      if (lead) {
        h.addressees = lead.addressees;
        paras[0] = { ...paras[0], text: lead.rest };
      }
      break;
    }
    paras.shift();
  }
  h.rest = [...shown, ...paras];
  return h;
}

/** How many paragraphs at the head of `paras` spell the title again (0 when they do not), over at most 4 paragraphs. */
function repeatsTitle(paras: RawParagraph[], title: string): number {
  let text = '';
  for (let k = 0; k < Math.min(4, paras.length); k++) {
    text += tidyTitle(paras[k].text);
    if (text === title) return k + 1;
    if (!title.startsWith(text)) return 0;
  }
  return 0;
}

/** The 版记 the document ends in (imprint.ts), apart: it follows the attachments, and is shown after them, not inside the last. */
function withoutImprint(paras: RawParagraph[]): { text: RawParagraph[]; imprint: RawParagraph[] } {
  const at = paras.length - trailingImprint(paras.map((p) => p.text));
  return { text: paras.slice(0, at), imprint: paras.slice(at) };
}

/** The title printed again at the head of the body (compilations print both) is not body text. */
function dropRepeatedTitle(paras: RawParagraph[], title: string): RawParagraph[] {
  return title && paras.length && tidyTitle(paras[0].text) === title ? paras.slice(1) : paras;
}

/**
 * Signature: org lines followed by a date line. What follows a signature is
 * notes (（此件公开发布）, 附件 labels), which stay in the body, or a title,
 * which starts an attached document; an 附件 label (附件1) names the
 * attachment whose title follows. The document's own title there starts the
 * text a 公告 promulgates, which is the document's body.
 */
function splitSignature(paras: RawParagraph[], title: string): Signed {
  const notes = new Set<RawParagraph>();
  const dateIdx = paras.findIndex((p, i) => DATE_LINE.test(p.text) && i > 0);
  if (dateIdx <= 0) {
    // A law or rule printed without a signature may still end in its 附件: the label, then the attachment's title.
    const at = paras.findIndex((p, i) => i > 0 && ATTACHMENT_LABEL.test(p.text) && isLabelledAttachmentTitle(paras[i + 1]?.text ?? ''));
    if (at < 0) return { body: paras, signature: [], date: null, attachments: [], notes };
    const body = paras.slice(0, at);
    return { body, signature: [], date: null, attachments: readAttachments(paras.slice(at), body, title, notes), notes };
  }
  const sigStart = signatureStart((i) => paras[i].text, dateIdx);
  const body = paras.slice(0, sigStart);
  const attachments = readAttachments(paras.slice(dateIdx + 1), body, title, notes);
  return { body, signature: paras.slice(sigStart, dateIdx + 1).map((p) => p.text), date: dateFromLine(paras[dateIdx].text), attachments, notes };
}

/** What follows a document's text (its signature, or the end of a law): 附件 labels and titles, each attachment's paragraphs; the rest goes to `body`. */
function readAttachments(rest: RawParagraph[], body: RawParagraph[], title: string, notes: Set<RawParagraph>): Attachment[] {
  const attachments: Attachment[] = [];
  let current: Attachment | null = null;
  let label: string | null = null;
  let inNotes = true;
  rest.forEach((p, k) => {
    const l = ATTACHMENT_LABEL.exec(p.text);
    if (l) {
      label = `附件${l[1]}`;
      return;
    }
    // A 公告 that promulgates a law under its own title (临沂市优化营商环境条例, then its metadata note) is followed by the law: the document's body.
    if (!current && !label && title && tidyTitle(p.text) === title && isLawMetaText(rest[k + 1]?.text ?? '')) {
      body.push(p);
      inNotes = false;
    }
    else if ((label ? isLabelledAttachmentTitle(p.text) : isAttachmentTitle(p.text)) && (!current || current.paras.length > 0 || label)) {
      current = { title: tidyTitle(p.text), label: label ?? '附件', paras: [] };
      attachments.push(current);
    } else if (current) current.paras.push(p);
    else {
      // Right under the signature, the 附注 the standard prints in parentheses (（此件公开发布）, （联系人：…）): the
      // document's notes, in no item. The first paragraph of another kind ends them (a numbered heading after a page
      // break, the text of what a notice forwards): that text goes on as before.
      if (inNotes && BRACKETED_NOTE.test(p.text)) notes.add(p);
      else inNotes = false;
      body.push(p);
    }
    label = null;
  });
  return attachments;
}

/** A title for a document without a title line: what it interprets, a trailing title, a running header, else its opening words. */
function recoverTitle(d: DocDraft, body: RawParagraph[], previousTitle: (draft: DocDraft) => string | null): { title: string; titleSource: TitleSource } {
  if (d.interprets) {
    const of = previousTitle(d.interprets);
    return { title: of ? `《${of}》政策解读` : '政策解读', titleSource: 'inferred' };
  }
  const trailing = d.furniture.find((r) => r.kind === 'trailing-title');
  if (trailing) return { title: tidyTitle(trailing.text), titleSource: 'trailing-title' };
  const header = d.furniture.filter((r) => r.kind === 'running-header').map((r) => titleFromHeader(r.text)).find((t): t is string => !!t);
  if (header) return { title: tidyTitle(header), titleSource: 'running-header' };
  const first = body[0]?.text ?? '';
  return { title: first.slice(0, 24) + (first.length > 24 ? '…' : ''), titleSource: 'inferred' };
}

function bylineAuthors(d: DocDraft): string[] {
  const byline = d.furniture.find((r) => r.kind === 'byline');
  return byline ? byline.lines[0].text.trim().split(/[\s\u3000]+/).filter(Boolean) : [];
}

/** Issuers: the title's head, else a running header naming the issuing notice, else the body a law's metadata names, the signature, the sign-off, the reprint source, the news source, the authors. */
/** A body's whole name: a signature's org names (法院, 公安部, 人民政府, 商务委员会), and the short 国家发展改革委, 中共中央, 扶贫办. */
const isBodyName = (s: string) => ORG_SUFFIX.test(s) || /(?:委|中央|办)$/.test(s);

/** 市人民代表大会常务委员会 (a congress named short in its own city's printing) with the city or province the title names. */
function withPlace(body: string, title: string): string {
  const short = /^(省|市|自治区)人民代表大会/.exec(body);
  const region = short ? findRegion(title) : null;
  const place = short?.[1] === '市' ? region?.city : region?.province;
  return place ? place + body.slice(short![1].length) : body;
}

/**
 * Joint issuers printed apart by a space (最高人民法院 最高人民检察院关于…), which run together once the title's PDF
 * spaces are taken out: the title as printed sets them apart, where each part is a body's whole name (a space a PDF
 * put inside one, 上海市 商务委员会, leaves a place name). Null when the title does not name them so.
 */
function jointIssuersPrinted(d: DocDraft, title: string): string[] | null {
  const fromTitle = issuersFromTitle(title);
  if (fromTitle.length !== 1 || !d.title) return null;
  const printed = issuersFromTitle(d.title.text.replace(/^\s*\d{1,3}\s*[.．、]\s*/, ''));
  return printed.length > 1 && printed.join('') === fromTitle[0] && printed.every(isBodyName) ? printed : null;
}

/** The title with its joint issuers apart, as printed (最高人民法院 最高人民检察院关于…): the space is the title's own. */
function withJointIssuersApart(title: string, joint: string[] | null): string {
  return joint && title.startsWith(joint.join('')) ? joint.join(' ') + title.slice(joint.join('').length) : title;
}

function findIssuers(d: DocDraft, title: string, joint: string[] | null, lawBodies: string[], signature: string[], reprint: string | null, newsSource: string | null, authors: string[]): string[] {
  if (joint) return joint;
  const fromTitle = issuersFromTitle(title);
  if (fromTitle.length) return fromTitle;
  for (const r of d.furniture) {
    const h = r.kind === 'running-header' ? titleFromHeader(r.text) : null;
    const found = h && h.includes(title.replace(/^《|》.*$/g, '')) ? issuersFromTitle(h) : [];
    if (found.length) return found;
  }
  if (lawBodies.length) return lawBodies.map((b) => withPlace(b, title));
  if (signature.length > 1) return [signature[0]];
  if (d.signoff && !reprint) return [d.signoff.replace(/秘书处$/, '')];
  if (reprint) return [reprint];
  if (newsSource) return [newsSource];
  return authors;
}

/** Kind from the title; a notice whose title does not say what it issues (…措施及配套清单的通知) is classed by its first attachment. */
function classify(d: DocDraft, title: string, attachments: Attachment[], newsSource: string | null, authors: string[]): DocKind {
  if (d.interprets || /解读$/.test(title)) return '解读';
  if (newsSource) return '新闻';
  if (authors.length) return '文章';
  return kindFromTitle(title, attachments[0]?.title);
}

/** The body's units, then one appendix unit per attachment (附件2 keeps its own number in the path; unnumbered ones are counted). */
function buildBodyUnits(body: RawParagraph[], attachments: Attachment[], imprint: RawParagraph[], notes: Set<RawParagraph>): Unit[] {
  const units = buildUnits(TEMP_ID, body, '', notes);
  const usedAtt = new Set<string>();
  attachments.forEach((a, k) => {
    let path = `att${/\d+$/.exec(a.label)?.[0] ?? k + 1}`;
    while (usedAtt.has(path)) path += '_';
    usedAtt.add(path);
    const children = buildUnits(TEMP_ID, a.paras, `${path}.`);
    units.push({ id: unitId(TEMP_ID, path), path, level: 'appendix', label: a.label, heading: a.title, paragraphs: [], pages: unionPages(children), children });
  });
  // (Built apart, under their own path, so the same line in the body, 公开方式：主动公开, cannot take their ids.)
  units.push(...buildUnits(TEMP_ID, imprint, 'end.'));
  return units;
}

/** Where the document's text is: its file, first and last raw line and page. */
function sourceOf(d: DocDraft): SourceRef {
  const all = [d.order?.heading, ...(d.order?.paras ?? []), d.title, ...d.paras].filter((p): p is RawParagraph => !!p);
  return {
    file: d.file,
    startLine: Math.min(...all.map((p) => p.firstLine)),
    endLine: Math.max(...all.map((p) => p.lastLine)),
    firstPage: minPage(all),
    lastPage: maxPage(all),
  };
}

/** The province of the bodies that approved a text (山东省人民代表大会常务委员会 → 山东省), or null. */
function approvingProvince(approvers: string[]): string | null {
  return approvers.length ? (findRegion(approvers.join('、'))?.province ?? null) : null;
}

/** Raw paragraphs as one text, for the dates printed anywhere in the body. */
function paragraphsText(paras: RawParagraph[]): string {
  return paras.map((p) => p.text).join('\n');
}

function isAddressees(t: string): boolean {
  return /[：:]$/.test(t) && t.length <= 200 && !/[。]|如下/.test(t) && /各|单位|政府|部门|机构|公司|委|局/.test(t);
}

/** A title after the signature; a numbered heading (三、保障措施 after a page break) is body text, never an attachment's title (附件：…（略） is one). */
function isAttachmentTitle(t: string): boolean {
  return !(MARKER_START.test(t) && !/^附件/.test(t)) && t.length >= 6 && t.length <= 100 && !/[。，；！？：]/.test(t) && endsLikeTitle(t) && !DATE_LINE.test(t);
}

/** The line after a 附件 label is the attachment's title whatever word it ends in (国徽图案, 受理费表), if it is a short line and no sentence. */
function isLabelledAttachmentTitle(t: string): boolean {
  return isAttachmentTitle(t) || (t.length >= 4 && t.length <= 60 && !/[。，；！？：:]/.test(t) && !MARKER_START.test(t) && !DATE_LINE.test(t));
}

function unionPages(units: Unit[]): number[] {
  const s = new Set<number>();
  units.forEach((u) => u.pages.forEach((p) => s.add(p)));
  return [...s].sort((a, b) => a - b);
}

function minPage(ps: RawParagraph[]): number | null {
  const all = ps.flatMap((p) => p.pages);
  return all.length ? Math.min(...all) : null;
}
function maxPage(ps: RawParagraph[]): number | null {
  const all = ps.flatMap((p) => p.pages);
  return all.length ? Math.max(...all) : null;
}
