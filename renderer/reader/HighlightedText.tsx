import type { Range } from '../../core/search';

/** Text with <mark>s over sorted, non-overlapping ranges; `current` is the start of the find match in focus. */
export function HighlightedText({ text, ranges, current }: { text: string; ranges: Range[]; current?: number }) {
  if (!ranges.length) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(
      <mark key={s} className={s === current ? 'find-current' : undefined}>
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
