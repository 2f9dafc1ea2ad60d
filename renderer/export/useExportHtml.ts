/**
 * The export's HTML for the preview, at once and then better: the page
 * without embedded fonts is rendered synchronously the moment the input is
 * known (the screen has the same font installed or a CJK fallback), and the
 * PDF's version with the font slices embedded replaces it in the background.
 * A change of the export (typing a title, ticking an option) keeps the last
 * page on screen until the new one is ready, so the preview never goes blank.
 */
import { useEffect, useMemo, useState } from 'react';

/** Typing in the title re-embeds fonts after this pause, not on every key. */
const FULL_DELAY_MS = 250;

export interface ExportHtml {
  /** What the preview shows: the best page for this input. */
  preview: string | null;
  /** The page with fonts embedded for this input (what 导出 PDF sends), or null while it is made. */
  full: string | null;
  /** The fonts are still being embedded for this input. */
  updating: boolean;
  error: string | null;
}

/** `input` is compared by identity: a new model (or document) is a new export. */
export function useExportHtml<T extends object>(input: T | null, renderFast: (x: T) => string, renderFull: (x: T) => Promise<string>): ExportHtml {
  // The fast page is string building: computed in render, so the first paint already has it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the renderers are fixed per input; re-running on their identity would re-render every time.
  const fast = useMemo(() => (input === null ? null : renderFast(input)), [input]);
  const [full, setFull] = useState<{ input: T; html: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [embedded, setEmbedded] = useState(false);
  useEffect(() => {
    if (input === null) return;
    let live = true;
    const run = () =>
      renderFull(input).then(
        (html) => {
          if (!live) return;
          setFull({ input, html });
          setEmbedded(true);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    // The first page is embedded at once; later edits wait for a pause in typing.
    const t = setTimeout(run, embedded ? FULL_DELAY_MS : 0);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the input only (see above).
  }, [input]);
  const current = full && full.input === input ? full.html : null;
  return { preview: current ?? fast, full: current, updating: input !== null && !current && !error, error };
}
