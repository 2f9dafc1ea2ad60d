/**
 * Where each printed document landed in an extracted raw file: its first
 * line (the title as extracted, wrapped or letter-spaced), its last text
 * line, and phrases that now straddle a line wrap. Found by matching the
 * source's own title and text against the extraction, never by our parser.
 */

export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

const PAGE_MARKER = /^\s*#\s*Page\s+\d+\s*:?\s*$/;

/** A page-number or running-header line: what the layout added around the text. */
export function isFurniture(line: string, headers: string[]): boolean {
  const t = compact(line);
  if (!t) return false;
  if (/^(—\d+—|-\d+-|第\d+页|\d+)$/.test(t)) return true;
  return headers.some((h) => h && compact(h) === t);
}

export interface Located {
  startLine: number;
  titleLine: number;
  endLine: number;
  wrapPhrases: string[];
}

/**
 * Lines are 1-based. `heads[i]` is what document i prints first (its title,
 * or the 文号 when printed above it); the documents are in print order.
 */
export function locateDocs(raw: string, heads: { first: string; title: string; text: string }[], headers: string[]): Located[] {
  const lines = raw.split('\n');
  /** First line at or after `from` where `text` begins and runs, over the following lines, to a line end. */
  const find = (text: string, from: number): number => {
    const want = compact(text);
    for (let i = from; i < lines.length; i++) {
      const c = compact(lines[i]);
      if (!c || !want.startsWith(c) || PAGE_MARKER.test(lines[i]) || isFurniture(lines[i], headers)) continue;
      let acc = c;
      for (let j = i + 1; acc.length < want.length && j < lines.length; j++) {
        if (PAGE_MARKER.test(lines[j]) || isFurniture(lines[j], headers)) continue;
        acc += compact(lines[j]);
      }
      if (acc === want) return i;
    }
    return -1;
  };
  const starts: number[] = [];
  const titles: number[] = [];
  let cursor = 0;
  for (const h of heads) {
    const start = find(h.first, cursor);
    const title = start < 0 ? -1 : h.first === h.title ? start : find(h.title, start + 1);
    if (start < 0 || title < 0) throw new Error(`not found in the extraction: ${start < 0 ? h.first : h.title}`);
    starts.push(start);
    titles.push(title);
    cursor = title + 1;
  }
  return heads.map((h, k) => {
    const from = starts[k];
    const to = k + 1 < starts.length ? starts[k + 1] : lines.length;
    let end = to - 1;
    while (end > from && (!lines[end].trim() || PAGE_MARKER.test(lines[end]) || isFurniture(lines[end], headers))) end--;
    const body = '\n' + h.text.split('\n').map(compact).join('\n') + '\n';
    const wraps: string[] = [];
    for (let i = titles[k] + 1; i < end; i++) {
      const a = compact(lines[i]);
      const b = compact(lines[i + 1]);
      if (a.length < 6 || b.length < 6 || PAGE_MARKER.test(lines[i + 1]) || isFurniture(lines[i + 1], headers)) continue;
      const phrase = a.slice(-5) + b.slice(0, 5);
      // Only a phrase of one paragraph of the source, found once in it, is a wrap the parser must rejoin.
      if (/[\d\sA-Za-z]/.test(phrase)) continue;
      const at = body.indexOf(phrase);
      if (at >= 0 && body.indexOf(phrase, at + 1) < 0) wraps.push(phrase);
    }
    const pick = wraps.length <= 2 ? wraps : [wraps[Math.floor(wraps.length / 3)], wraps[Math.floor((2 * wraps.length) / 3)]];
    return { startLine: from + 1, titleLine: titles[k] + 1, endLine: end + 1, wrapPhrases: pick };
  });
}

/** Up to `n` whole sentences of the body, spread over it (12–50 characters, ending in 。). */
export function pickSentences(paragraphs: string[], n = 3): string[] {
  const all: string[] = [];
  for (const p of paragraphs) {
    for (const s of p.match(/[^。；：]*。/g) ?? []) {
      // A leading 第X条 / （四） / 一、 / 1. is the unit's label, not its text: search finds text.
      const c = compact(s)
        .replace(/^第[零〇一二三四五六七八九十百千两]+条/, '')
        .replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])/, '');
      if (c.length >= 12 && c.length <= 50 && !/[“”"]/.test(c)) all.push(c);
    }
  }
  if (all.length <= n) return all;
  return Array.from({ length: n }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / n)]);
}
