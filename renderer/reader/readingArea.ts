/** Where the reading area starts: below the top bar and, while it is open, the find bar (both stick to the top). */
export function readingTop(): number {
  let y = 0;
  for (const sel of ['.topbar', '.find-bar']) {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    if (r && r.height > 0) y = Math.max(y, r.bottom);
  }
  return y;
}
