/** The id of the reading view's text (the <article>): the skip link and find-in-document reach it by this, not by a test id. */
export const READING_TEXT_ID = 'reading-text';

/** Where the reading area starts: below the top bar and, while it is open, the find bar (both stick to the top). */
export function readingTop(): number {
  let y = 0;
  for (const sel of ['.topbar', '.find-bar']) {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    if (r && r.height > 0) y = Math.max(y, r.bottom);
  }
  return y;
}
