/**
 * What the browser benches (bench:startup, bench:reader) put in the page and read off it: a probe of the frames
 * in which the library and a document are first painted, a scroll through a document, and the tab's memory.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { median } from './bench-stats';

/**
 * Injected before any page script: records, per animation frame, when the
 * library rows and a document's units first exist, and when a click happened.
 * rAF timing is what the user sees: the frame in which the content is painted.
 */
// A string, not a function: tsx rewrites functions with helpers (__name) that
// do not exist in the page.
export const PROBE = `
  window.__bench = { libraryAt: null, docAt: null, clickAt: null, want: 0 };
  document.addEventListener('click', () => (window.__bench.clickAt = performance.now()), true);
  // The content is in the DOM at the frame where it is first seen; it has been
  // laid out and painted when the next frame starts, which is the time recorded.
  const painted = (key) => requestAnimationFrame(() => (window.__bench[key] = performance.now()));
  let seenLibrary = false, seenDoc = false;
  const tick = () => {
    const b = window.__bench;
    if (!seenLibrary && document.querySelector('[data-testid=doc-row]')) { seenLibrary = true; painted('libraryAt'); }
    if (!seenDoc && b.want > 0 && document.querySelectorAll('[data-testid=doc] [data-unit-id]').length >= b.want) { seenDoc = true; painted('docAt'); }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Scrolls the document in 60 px steps, one per frame, and resolves to the frame durations. */
export const SCROLL_THROUGH = `new Promise((ok) => {
  window.scrollTo(0, 0);
  const out = [];
  let last = performance.now();
  const step = () => {
    const now = performance.now();
    out.push(now - last);
    last = now;
    const before = window.scrollY;
    window.scrollBy(0, 60);
    if (window.scrollY === before) ok(out.slice(1));
    else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

export const frameStats = (fs: number[]) => {
  const sorted = [...fs].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return `${fs.length} frames, median ${median(fs).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...fs).toFixed(1)} ms, frames > 50 ms: ${fs.filter((f) => f > 50).length}`;
};
/**
 * Resident memory of the tab, in MB: the largest Chromium renderer process started under this Node process.
 * The page and its workers (threads of it) are one process; the others are Chromium's own (the first blank
 * page's, a spare one), 80–160 MB each, not the app's.
 */
export function rendererRssMb(): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat = '';
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(name));
  }
  let kb = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--type=renderer')) kb = Math.max(kb, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${c}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        // gone meanwhile
      }
      walk(c);
    }
  };
  walk(process.pid);
  return kb / 1024;
}

