/**
 * The 版记 (GB/T 9704 §7.4) among paragraphs: the block at a document's foot, under its text and attachments, that
 * says who else receives it and who printed it when:
 *
 *   抄送：市委有关部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察院。
 *   各民主党派市委（总支），市工商联。
 *   德州市人民政府办公室2023 年1 月20 日印发
 *
 * It is printed, so the reader shows it, but it is not the document's text: not a clause (the cc list of every notice
 * of one office is the same, so it would pair unrelated notices), not a signature, not a new document.
 */
import { MARKER_START } from './paragraphs.js';
import { IMPRINT_START, isImprintLine, isOrgLine, printingOffice } from './patterns.js';

/** Groups of recipients a cc list may print on lines of their own before its printing line. */
const MAX_CC_GROUPS = 4;

/** A further group of recipients (各民主党派市委（总支），市工商联。): names apart by ，or 、, one sentence end at most, and that last. */
function isRecipientGroup(t: string): boolean {
  return t.length <= 200 && /[，、]|。$/.test(t) && !/[。；！？：]/.test(t.slice(0, -1)) && !MARKER_START.test(t);
}

/**
 * Indexes of the paragraphs that belong to a 版记: its own lines (patterns.ts isImprintLine); an office on its own line
 * above the date it printed on (国务院办公厅 | 2019年1月28日印发, as extraction may split the one printed line); and the
 * groups a cc list goes on to, when its printing line (or the end) follows them.
 */
export function imprintParagraphs(texts: readonly string[]): Set<number> {
  const out = new Set<number>();
  texts.forEach((t, i) => {
    if (!isImprintLine(t)) return;
    out.add(i);
    if (i > 0 && printingOffice(t) === '' && isOrgLine(texts[i - 1])) out.add(i - 1);
  });
  texts.forEach((t, i) => {
    if (!IMPRINT_START.test(t)) return;
    for (let j = i + 1; j <= Math.min(texts.length, i + 1 + MAX_CC_GROUPS); j++) {
      if (j === texts.length || out.has(j)) {
        for (let k = i + 1; k < j; k++) out.add(k);
        return;
      }
      if (!isRecipientGroup(texts[j])) return;
    }
  });
  return out;
}

/** How many paragraphs at the end of `texts` make its 版记 (0 when it ends otherwise). */
export function trailingImprint(texts: readonly string[]): number {
  const imprint = imprintParagraphs(texts);
  let n = 0;
  while (n < texts.length && imprint.has(texts.length - 1 - n)) n++;
  return n;
}
