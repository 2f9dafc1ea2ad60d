/**
 * Text in the shape segmentFile takes it, for core/corpus/segment*.test.ts: one paragraph per line, as toParagraphs
 * gives them, and the documents it makes reduced to their titles and paragraphs.
 */
import type { Removed } from '../core/corpus/furniture.js';
import type { RawParagraph } from '../core/corpus/paragraphs.js';
import { type DocDraft, segmentFile } from '../core/corpus/segment.js';

/** One paragraph per line, numbered from 1 ('' is a blank line); a leading space is a new PDF text box. */
export const raw = (lines: string[]): RawParagraph[] =>
  lines.flatMap((t, i) => (t ? [{ text: t.trim(), pages: [], firstLine: i + 1, lastLine: i + 1, boxStart: /^\s/.test(t) }] : []));
export const segment = (lines: string[], removed: Removed[] = []) => segmentFile('f.txt', raw(lines), removed);
export const shape = (docs: DocDraft[]) => docs.map((d) => ({ title: d.title?.text ?? null, paras: d.paras.map((p) => p.text) }));
