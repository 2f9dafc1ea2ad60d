/**
 * The figures every bench prints, computed one way: a median is the middle value, or the mean of the two middle
 * values of an even count (several benches took the upper one, which reads a 2-run median as the slower run).
 */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The p-th percentile by the nearest-rank method (p95 of 20 values is the 19th smallest). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** `median 123 ms  (min 100, max 150, n=7)`: a timing with its spread. */
export function fmtMs(xs: number[], width = 0): string {
  return `median ${median(xs).toFixed(0).padStart(width)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;
}
