/**
 * Character accuracy of an extraction against what was printed: 1 − edits /
 * printed characters, whitespace ignored (line wraps and indents are layout,
 * not text), page markers and the page furniture the layout added left out.
 * A substituted character is one edit (e.g. 戶 for 户), a lost or an extra
 * one is one edit each.
 */
import { diffChars } from 'diff';
import { compact, isFurniture } from './locate.js';

/** The text an HTML page prints (its body without tags), for comparison with an extraction. */
export function printedText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<(p|h1|h2|tr|div|section)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The raw text without `# Page N:` markers and furniture lines (page numbers, the running header). */
export function extractedText(raw: string, headers: string[]): string {
  return raw
    .split('\n')
    .filter((l) => !/^\s*#\s*Page\s+\d+\s*:?\s*$/.test(l) && !isFurniture(l, headers))
    .join('\n');
}

export function charAccuracy(printed: string, extracted: string): { accuracy: number; edits: number; chars: number } {
  const a = compact(printed);
  const b = compact(extracted);
  let edits = 0;
  let removed = 0;
  let added = 0;
  const flush = () => {
    edits += Math.max(removed, added);
    removed = added = 0;
  };
  for (const part of diffChars(a, b)) {
    if (part.removed) removed += part.value.length;
    else if (part.added) added += part.value.length;
    else flush();
  }
  flush();
  return { accuracy: a.length ? 1 - edits / a.length : 1, edits, chars: a.length };
}
