/**
 * Sentences of a clause's body text, for selecting from the keyboard (`s`).
 * A sentence of a Chinese legal text ends at 。！？ or ； (items and
 * conditions are separated by semicolons and are read and quoted one by
 * one), or at the end of a paragraph ('\n' in the body text). Closing quotes
 * and brackets right after the stop belong to the sentence (…。」, …；）).
 */
const STOP = /[。！？；!?;]/;
const CLOSERS = /[”’」』）)】〕]/;

/** [start, end) of each sentence, without the paragraph breaks or leading spaces between them. */
export function sentenceSpans(body: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(body[s])) s++;
    if (end > s) out.push([s, end]);
  };
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\n') {
      push(i);
      start = i + 1;
    } else if (STOP.test(body[i])) {
      let end = i + 1;
      while (end < body.length && CLOSERS.test(body[end])) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(body.length);
  return out;
}

/** The sentence after the one ending at `after` (or the first, when `after` is null); null past the last. */
export function nextSentence(body: string, after: number | null): [number, number] | null {
  const spans = sentenceSpans(body);
  if (after === null) return spans[0] ?? null;
  return spans.find(([s]) => s >= after) ?? null;
}
