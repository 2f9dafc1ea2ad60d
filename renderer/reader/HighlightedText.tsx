import { markPieces, type Range } from '../../core/search';

/** Text with <mark>s over the ranges (core `markPieces`); `current` is the start of the find match in focus. */
export function HighlightedText({ text, ranges, current }: { text: string; ranges: readonly Range[]; current?: number }) {
  if (!ranges.length) return <>{text}</>;
  return (
    <>
      {markPieces(text, ranges).map((p, i) =>
        p.mark === null ? (
          p.text
        ) : (
          <mark key={i} className={p.mark === current ? 'find-current' : undefined}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}
