/**
 * A document draft → a PolicyDocument (without its final id): header
 * (文号, addressees), body, signature, attached documents, and metadata.
 */
import { titleFromHeader } from './furniture.js';
import {
  dateFromLine,
  docNumberFrom,
  effectiveDate,
  issuersFromTitle,
  kindFromTitle,
  parseTitle,
  publishedDate,
  reprintSource,
  sourceName,
  tidyTitle,
} from './metadata.js';
import { MARKER_START, type RawParagraph } from './paragraphs.js';
import { ATTACHMENT_LABEL, DATE_LINE, DOC_NUMBER, META_LINE, endsLikeTitle, isOrgLine } from './patterns.js';
import { regionOf } from './regions.js';
import type { DocDraft } from './segment.js';
import { buildUnits } from './structure.js';
import { unitId } from './unit-id.js';
import type { DocKind, PolicyDocument, Region, SourceRef, TitleSource, Unit } from './types.js';
import { CORPUS_FORMAT_VERSION } from './types.js';

export interface Assembled {
  doc: Omit<PolicyDocument, 'id' | 'units'> & { units: Unit[] };
  draft: DocDraft;
}


/** Build the units of a body with a temporary id; ids are rewritten once the document id is known. */
export const TEMP_ID = '__doc__';

export function assemble(d: DocDraft, previousTitle: (draft: DocDraft) => string | null): Assembled {
  const paras = [...d.paras];
  let title = '';
  let titleSource: TitleSource = 'title-line';
  let date: string | null = null;

  if (d.title) {
    const t = parseTitle(d.title.text);
    title = t.title;
    date = t.date;
  }

  // Header: meta lines (news), 文号, addressees.
  let docNumber: string | null = null;
  let addressees: string | null = null;
  let newsSource: string | null = null;
  let authors: string[] = [];
  while (paras.length) {
    const t = paras[0].text;
    // The byline paragraph (white space already collapsed): names of 2–4 characters.
    if (d.title && !authors.length && /^[\u4e00-\u9fa5]{2,4}(?: [\u4e00-\u9fa5]{2,4})+$/.test(t) && !MARKER_START.test(t)) {
      authors = t.split(/[\s\u3000]+/).filter(Boolean);
      paras.shift();
    } else if (/^作者\s*[:：]/.test(t)) {
      authors = t.replace(/^作者\s*[:：]\s*/, '').split(/[\s\u3000、，,]+/).filter(Boolean);
      paras.shift();
    } else if (META_LINE.test(t)) {
      date ??= publishedDate(t);
      newsSource ??= sourceName(t);
      paras.shift();
    } else if (!docNumber && DOC_NUMBER.test(t)) {
      docNumber = docNumberFrom(t);
      paras.shift();
    } else if (!addressees && isAddressees(t)) {
      addressees = t;
      paras.shift();
    } else break;
  }

  // The title printed again at the head of the body (compilations print both) is not body text.
  if (title && paras.length && tidyTitle(paras[0].text) === title) paras.shift();

  // Signature: org lines followed by a date line; what follows a signature may be an attached document.
  const signature: string[] = [];
  let body = paras;
  const attachments: { title: string; label: string; paras: RawParagraph[] }[] = [];
  const dateIdx = paras.findIndex((p, i) => DATE_LINE.test(p.text) && i > 0);
  if (dateIdx > 0) {
    let sigStart = dateIdx;
    while (sigStart > 0 && dateIdx - sigStart < 8 && isOrgLine(paras[sigStart - 1].text)) sigStart--;
    signature.push(...paras.slice(sigStart, dateIdx + 1).map((p) => p.text));
    date ??= dateFromLine(paras[dateIdx].text);
    const rest = paras.slice(dateIdx + 1);
    body = paras.slice(0, sigStart);
    // After the signature: notes (（此件公开发布）, 附件) stay in the body; a title starts an attachment.
    // An 附件 label (附件1) names the attachment whose title follows.
    let current: { title: string; label: string; paras: RawParagraph[] } | null = null;
    let label: string | null = null;
    for (const p of rest) {
      const l = ATTACHMENT_LABEL.exec(p.text);
      if (l) {
        label = `附件${l[1]}`;
        continue;
      }
      if (isAttachmentTitle(p.text) && (!current || current.paras.length > 0 || label)) {
        current = { title: tidyTitle(p.text), label: label ?? '附件', paras: [] };
        attachments.push(current);
      } else if (current) current.paras.push(p);
      else body.push(p);
      label = null;
    }
  }

  // Title recovery for documents without a title line.
  if (!title) {
    const trailing = d.furniture.find((r) => r.kind === 'trailing-title');
    const header = d.furniture.filter((r) => r.kind === 'running-header').map((r) => titleFromHeader(r.text)).find((t): t is string => !!t);
    if (d.interprets) {
      const of = previousTitle(d.interprets);
      title = of ? `《${of}》政策解读` : '政策解读';
      titleSource = 'inferred';
    } else if (trailing) {
      title = tidyTitle(trailing.text);
      titleSource = 'trailing-title';
    } else if (header) {
      title = tidyTitle(header);
      titleSource = 'running-header';
    } else {
      const first = body[0]?.text ?? '';
      title = first.slice(0, 24) + (first.length > 24 ? '…' : '');
      titleSource = 'inferred';
    }
  }
  const byline = d.furniture.find((r) => r.kind === 'byline');
  if (byline && !authors.length) authors = byline.lines[0].text.trim().split(/[\s\u3000]+/).filter(Boolean);

  // Issuers: the title's head, else a running header naming the issuing notice, else the signature.
  let issuers = issuersFromTitle(title);
  if (!issuers.length) {
    for (const r of d.furniture) {
      const h = r.kind === 'running-header' ? titleFromHeader(r.text) : null;
      if (h && h.includes(title.replace(/^《|》.*$/g, ''))) issuers = issuersFromTitle(h);
      if (issuers.length) break;
    }
  }
  const reprint = d.signoff ? reprintSource(d.signoff) : null;
  if (!issuers.length && signature.length > 1) issuers = [signature[0]];
  if (!issuers.length && d.signoff && !reprint) issuers = [d.signoff.replace(/秘书处$/, '')];
  if (!issuers.length && reprint) issuers = [reprint];
  if (!issuers.length && newsSource) issuers = [newsSource];
  if (!issuers.length && authors.length) issuers = authors;

  const allText = [...body, ...attachments.flatMap((a) => a.paras)].map((p) => p.text).join('\n');
  const effective = effectiveDate(allText);

  let kind: DocKind = kindFromTitle(title);
  // A notice whose title does not say what it issues (…措施及配套清单的通知) is classed by its first attachment.
  if (kind === '其他' && attachments.length) kind = kindFromTitle(attachments[0].title);
  if (d.interprets || /解读$/.test(title)) kind = '解读';
  else if (newsSource) kind = '新闻';
  else if (authors.length) kind = '文章';

  const region: Region = regionOf(issuers, title, d.headingProvince);

  const units = buildUnits(TEMP_ID, body);
  // 附件2 keeps its own number in the path; unnumbered attachments are counted.
  const usedAtt = new Set<string>();
  attachments.forEach((a, k) => {
    let path = `att${/\d+$/.exec(a.label)?.[0] ?? k + 1}`;
    while (usedAtt.has(path)) path += '_';
    usedAtt.add(path);
    const children = buildUnits(TEMP_ID, a.paras, `${path}.`);
    units.push({ id: unitId(TEMP_ID, path), path, level: 'appendix', label: a.label, heading: a.title, paragraphs: [], pages: unionPages(children), children });
  });

  const all = [d.title, ...d.paras].filter((p): p is RawParagraph => !!p);
  const source: SourceRef = {
    file: d.file,
    startLine: Math.min(...all.map((p) => p.firstLine)),
    endLine: Math.max(...all.map((p) => p.lastLine)),
    firstPage: minPage(all),
    lastPage: maxPage(all),
  };

  return {
    draft: d,
    doc: {
      formatVersion: CORPUS_FORMAT_VERSION,
      title,
      titleSource,
      issuer: issuers.join('、'),
      issuers,
      authors,
      docNumber,
      date: date ?? null,
      effectiveDate: effective,
      region,
      kind,
      sources: [source],
      unitCount: 0,
      charCount: 0,
      // The corpus pipeline decides this once the units are built (see build.ts).
      bodyMissing: null,
      addressees,
      signature,
      units,
      ...(reprint ? { reprintedFrom: reprint } : {}),
    },
  };
}

function isAddressees(t: string): boolean {
  return /[：:]$/.test(t) && t.length <= 200 && !/[。]|如下/.test(t) && /各|单位|政府|部门|机构|公司|委|局/.test(t);
}

function isAttachmentTitle(t: string): boolean {
  return t.length >= 6 && t.length <= 100 && !/[。，；！？：]/.test(t) && endsLikeTitle(t) && !DATE_LINE.test(t);
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
