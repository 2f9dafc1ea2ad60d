/**
 * A unit's text as the source prints it: its own marker (26、, not the
 * normalised 26.), never a label the source does not print (第一款 is an
 * address, not text), and an article whose text is split into 款 opening with
 * its first 款 on the line of its number (第十一条【监督检查】市、区…).
 * Shared by 复制引用, the export, `policy-reader show` and the reading view,
 * so what is copied is what is read.
 */
import type { Unit } from '../corpus/types.js';

/**
 * Where a document prints its signature (issuing body, date) among its top-level units: under the text, before
 * its 附注 (（此件公开发布）), its attachments and its 版记, as GB/T 9704 orders them. The index of the first of
 * those, or the number of units when it has none.
 */
export function signatureIndex(units: readonly Unit[]): number {
  const at = units.findIndex(printedUnderSignature);
  return at < 0 ? units.length : at;
}

/** Whether a top-level unit is one GB/T 9704 prints under the signature: a 附注, an attachment, a line of the 版记. */
export function printedUnderSignature(u: { level: string }): boolean {
  return u.level === 'note' || u.level === 'appendix' || u.level === 'imprint';
}

/** The marker as printed in the source; '' for a label the source does not print (款). */
export function printedMarker(u: Unit): string {
  if (u.level === 'clause') return '';
  return u.printedLabel ?? u.label;
}

/**
 * An article with no text of its own whose first child is a 款: the source
 * prints that 款 on the article's line, so the article's number opens it.
 */
export function opensWithFirstClause(u: Unit): boolean {
  return u.level === 'article' && !u.heading && !u.paragraphs.some((p) => p.text !== '') && u.children[0]?.level === 'clause';
}

/** The marker the unit's first line carries from its parent (第十一条 for that article's first 款), else ''. */
export function carriedMarker(unit: Unit, parent: Unit | undefined): string {
  return parent && opensWithFirstClause(parent) && parent.children[0] === unit ? printedMarker(parent) : '';
}

/**
 * A marker and the text on its line. An article number is followed by a
 * full-width space (第十条　市、区…) unless a printed bracket follows it
 * (第十一条【监督检查】): the source prints none there.
 */
export function openLine(marker: string, level: Unit['level'], text: string): string {
  if (!marker) return text;
  if (!text) return marker;
  return `${marker}${level === 'article' && !/^[【〔［[（(]/.test(text) ? '　' : ''}${text}`;
}

/** A heading line as printed: 一、总体要求, （一）工作目标, 第一章 总则. */
function headingLine(u: Unit): string {
  const marker = printedMarker(u);
  if (!u.heading) return marker;
  if (!marker) return u.heading;
  return /[、）).．:：]$/.test(marker) ? `${marker}${u.heading}` : `${marker} ${u.heading}`;
}

/**
 * The unit's own paragraphs, the first one opened by its printed marker (and
 * by `carried`, the marker of the article whose first 款 it is). An article's
 * heading stays on its line (第一条【目的依据】为…); other headings are lines
 * of their own.
 */
export function unitOwnLines(u: Unit, carried = ''): string[] {
  const own = u.paragraphs.map((p) => p.text).filter((t) => t !== '');
  const marker = printedMarker(u);
  if (u.level === 'article' && u.heading) {
    const head = openLine(marker, 'article', u.heading);
    return own.length ? [openLine(head, /[】〕］\]]$/.test(u.heading) ? 'clause' : 'article', own[0]), ...own.slice(1)] : [head];
  }
  if (u.heading || (!own.length && marker)) return [headingLine(u), ...own];
  if (own.length && marker && !own[0].startsWith(marker)) own[0] = openLine(marker, u.level, own[0]);
  if (carried) own[0] = openLine(carried, 'article', own[0] ?? '');
  return own;
}

/** Every line of a unit and its descendants as printed, each with the unit it belongs to. */
export function printedLines(u: Unit, carried = ''): { unit: Unit; depth: number; lines: string[] }[] {
  const out: { unit: Unit; depth: number; lines: string[] }[] = [];
  const walk = (x: Unit, depth: number, carry: string) => {
    const opens = opensWithFirstClause(x);
    // The article's number travels to its first 款; the article itself prints no line of its own.
    out.push({ unit: x, depth, lines: opens ? [] : unitOwnLines(x, carry) });
    x.children.forEach((c, i) => walk(c, depth + 1, opens && i === 0 ? openLine(carry, 'article', printedMarker(x)) : ''));
  };
  walk(u, 0, carried);
  return out;
}

/** The unit's text followed by its descendants', one paragraph a line, as the source prints it. */
export function unitText(u: Unit): string {
  return printedLines(u)
    .flatMap((b) => b.lines)
    .join('\n');
}
