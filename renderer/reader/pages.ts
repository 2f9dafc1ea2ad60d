import type { FlatUnit } from './units';

/**
 * Where to show a page number: on each paragraph whose first page differs from
 * the page the reader was on, so numbers appear once per page turn rather than
 * on every paragraph. Returns, per unit id, one entry per paragraph.
 */
export function pageMarks(flat: FlatUnit[]): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  let page: number | null = null;
  for (const { unit } of flat) {
    out.set(
      unit.id,
      unit.paragraphs.map((p) => {
        if (!p.pages.length) return null;
        const first = p.pages[0];
        const mark = first !== page ? first : null;
        page = p.pages[p.pages.length - 1];
        return mark;
      }),
    );
  }
  return out;
}

/**
 * A height guess for a unit not yet laid out (content-visibility: auto), in em
 * so it scales with the font size: ~36 characters per line at a 38em measure.
 */
export function estimateHeightEm(chars: number, paragraphs: number, isHeading: boolean): number {
  const lines = Math.max(1, Math.ceil(chars / 36) + (paragraphs > 1 ? paragraphs - 1 : 0));
  return Math.round((lines * 1.8 + (isHeading ? 3 : 0.8)) * 10) / 10;
}
