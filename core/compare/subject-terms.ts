/**
 * What "related by subject" (subject.ts) reads of one document, and a build's store of it for the next build.
 *
 * A document's terms are its core title's bigrams of two ideographs, distinct, in the order they first appear,
 * and its body's, distinct in the same way, with how often each occurs; place and issuer names are left out
 * first. They depend on the document alone. Reading them is a pass over every character of the corpus (143
 * million at 10,000 documents): a rebuild after one changed file takes the unchanged documents' terms from the
 * earlier build's store (cli/subject-thread.ts), named by the documents' content keys.
 *
 * A bigram is a number (`gramCode`), below 2^30, that sorts as the bigram's text does.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { flattenUnits, unitOwnText } from '../corpus/structure.js';
import { provinceShort } from '../corpus/regions.js';
import { coreTitle } from './titles.js';
import { checksumBut, hashWords } from './shingles.js';

export interface SubjectTerms {
  /** The core title's distinct bigrams, in the order they first appear. */
  title: Int32Array;
  /** The body's distinct bigrams, in the order they first appear… */
  body: Int32Array;
  /** …and how often each occurs in the body. */
  tf: Int32Array;
}

/** First and last code points of the ideographs counted in bigrams (CJK Extension A and Unified Ideographs). */
const FIRST = 0x3400;
const LAST = 0x9fff;
const SPAN = LAST + 1 - FIRST;
const isIdeograph = (c: number) => c >= FIRST && c <= LAST;
/** A bigram of two ideographs as one number, c1 before c2: numbers sort as the bigrams' texts do. */
const gramCode = (c1: number, c2: number) => (c1 - FIRST) * SPAN + (c2 - FIRST);
export const gramText = (g: number) => String.fromCharCode(FIRST + Math.floor(g / SPAN), FIRST + (g % SPAN));

/** Place and issuer names say who wrote a text, not what it is about: two texts from one district would look alike. */
function withoutNames(d: PolicyDocument, text: string): string {
  const names = new Set<string>();
  for (const n of [d.region.province, d.region.city, ...d.issuers]) {
    if (!n) continue;
    names.add(n);
    const short = provinceShort(n).replace(/(市|区|县)$/, '');
    if (short.length >= 2) names.add(short);
  }
  let out = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) out = out.split(n).join('|');
  return out;
}

/**
 * Counts of one text's bigrams in an open-addressing table of typed arrays, reused from text to text (a body's
 * every character asks for one: a Map was several times slower). Slots used are listed, so clearing costs what
 * was used, not the table.
 */
class GramCounter {
  private bits = 12;
  private keys = new Int32Array(1 << this.bits).fill(-1);
  private counts = new Int32Array(1 << this.bits);
  /** Slots in the order their bigrams first came. */
  private order: number[] = [];

  private slotOf(g: number): number {
    const mask = (1 << this.bits) - 1;
    let h = Math.imul(g, 0x9e3779b1) >>> (32 - this.bits);
    while (this.keys[h] !== -1 && this.keys[h] !== g) h = (h + 1) & mask;
    return h;
  }

  private add(g: number): void {
    const h = this.slotOf(g);
    if (this.keys[h] === g) {
      this.counts[h]++;
      return;
    }
    this.keys[h] = g;
    this.counts[h] = 1;
    this.order.push(h);
    if (2 * this.order.length > this.keys.length) this.grow(); // at most half full: probes stay short
  }

  private grow(): void {
    const codes = this.order.map((h) => this.keys[h]);
    const counts = this.order.map((h) => this.counts[h]);
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(-1);
    this.counts = new Int32Array(1 << this.bits);
    this.order = codes.map((g, k) => {
      const h = this.slotOf(g);
      this.keys[h] = g;
      this.counts[h] = counts[k];
      return h;
    });
  }

  /** The text's distinct bigrams in order and their counts; the table is empty again after. */
  read(s: string): { grams: Int32Array; counts: Int32Array } {
    let c1 = s.charCodeAt(0);
    for (let i = 1; i < s.length; i++) {
      const c2 = s.charCodeAt(i);
      if (isIdeograph(c1) && isIdeograph(c2)) this.add(gramCode(c1, c2));
      c1 = c2;
    }
    const grams = new Int32Array(this.order.length);
    const counts = new Int32Array(this.order.length);
    this.order.forEach((h, k) => {
      grams[k] = this.keys[h];
      counts[k] = this.counts[h];
      this.keys[h] = -1;
    });
    this.order = [];
    return { grams, counts };
  }
}

const counter = new GramCounter();

export function subjectTerms(d: PolicyDocument): SubjectTerms {
  const title = counter.read(withoutNames(d, coreTitle(d.title))).grams;
  const body = counter.read(withoutNames(d, flattenUnits(d.units).map(unitOwnText).join('|')));
  return { title, body: body.grams, tf: body.counts };
}

// The store: words. A header, each document's title and body lengths, every title's bigrams, every body's, every
// body's counts, then the text of `stamp` and the documents' keys, one a line. Checked whole before use.
const MAGIC = 0x50535431; // "PST1"
const FORMAT = 1;
const HEADER = 7;
const SUM_AT = HEADER - 1;
const checksum = (words: Uint32Array): number => checksumBut(words, SUM_AT);

/**
 * The store of `terms[i]` under `keys[i]`. `stamp` names the code that read the terms (the CLI gives a hash of
 * this module's code): terms read by other code are not the ones this code would read, and are not used.
 */
export function encodeSubjectTerms(keys: readonly string[], terms: readonly SubjectTerms[], stamp: string): Uint8Array {
  const parts = [...subjectTermsParts(keys, terms, stamp)];
  const out = new Uint8Array(parts.reduce((size, p) => size + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

const bytesOf = (a: Int32Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The store `encodeSubjectTerms` makes, in parts, most of them views of the terms themselves: written one after
 * the other, they are the store, without a copy of it all in memory (a first build writes it at its peak).
 */
export function* subjectTermsParts(keys: readonly string[], terms: readonly SubjectTerms[], stamp: string): Generator<Uint8Array> {
  if (keys.length !== terms.length) throw new Error(`encodeSubjectTerms: ${keys.length} keys for ${terms.length} documents`);
  const n = keys.length;
  const encoded = new TextEncoder().encode([stamp, ...keys].join('\n'));
  const text = new Uint32Array(Math.ceil(encoded.length / 4));
  bytesOf(text).set(encoded);
  const lengths = new Uint32Array(2 * n);
  terms.forEach((t, i) => {
    lengths[i] = t.title.length;
    lengths[n + i] = t.body.length;
  });
  let titles = 0;
  let bodies = 0;
  for (let i = 0; i < n; i++) [titles, bodies] = [titles + lengths[i], bodies + lengths[n + i]];
  const header = Uint32Array.from([MAGIC, FORMAT, n, titles, bodies, encoded.length, 0]);
  // The checksum (see `checksum`) over the header but its own word, then everything after it, in order.
  const body = [lengths, ...(['title', 'body', 'tf'] as const).flatMap((part) => terms.map((t) => t[part])), text];
  header[SUM_AT] = body.reduce((h, words) => hashWords(words, h), hashWords(header.subarray(0, SUM_AT)));
  yield bytesOf(header);
  for (const words of body) if (words.length) yield bytesOf(words);
}

/**
 * The store in `bytes`, its keys and their terms in its order, when it is whole, of this format and made by the
 * code `stamp` names; else null. The terms are views into `bytes` (no copy).
 */
export function decodeSubjectTerms(bytes: Uint8Array, stamp: string): { keys: string[]; terms: SubjectTerms[] } | null {
  // Words only (a copy of a misaligned store could not be made otherwise); anything too short fails the checks below.
  if (bytes.byteLength % 4 !== 0) return null;
  // An Int32 view needs an offset that is a multiple of 4: a file read whole has one, anything else is copied.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(new Uint8Array(bytes).buffer);
  const [magic, format, n, titles, bodies, textBytes, sum] = words;
  if (magic !== MAGIC || format !== FORMAT) return null;
  const textAt = HEADER + 2 * n + titles + 2 * bodies;
  if (textAt + Math.ceil(textBytes / 4) !== words.length || checksum(words) !== sum) return null;
  const lines = new TextDecoder().decode(new Uint8Array(words.buffer, words.byteOffset + textAt * 4, textBytes)).split('\n');
  if (lines[0] !== stamp || lines.length !== n + 1) return null;
  const ints = new Int32Array(words.buffer, words.byteOffset, words.length);
  const out: SubjectTerms[] = [];
  let titleAt = HEADER + 2 * n;
  let bodyAt = titleAt + titles;
  let tfAt = bodyAt + bodies;
  for (let i = 0; i < n; i++) {
    const tl = words[HEADER + i];
    const bl = words[HEADER + n + i];
    out.push({ title: ints.subarray(titleAt, (titleAt += tl)), body: ints.subarray(bodyAt, (bodyAt += bl)), tf: ints.subarray(tfAt, (tfAt += bl)) });
  }
  // The lengths must add up to the totals: then no document's part runs into another's.
  if (titleAt !== HEADER + 2 * n + titles || bodyAt !== HEADER + 2 * n + titles + bodies) return null;
  return { keys: lines.slice(1), terms: out };
}

/**
 * The terms of the documents `keys` names, in that order, each from the first of `stores` that has its key; null
 * when one is in none of them.
 */
export function termsOfKeys(keys: readonly string[], stores: readonly ({ keys: string[]; terms: SubjectTerms[] } | null)[]): SubjectTerms[] | null {
  const byKey = new Map<string, SubjectTerms>();
  for (const store of [...stores].reverse()) store?.keys.forEach((k, i) => byKey.set(k, store.terms[i]));
  const out: SubjectTerms[] = [];
  for (const k of keys) {
    const t = byKey.get(k);
    if (!t) return null;
    out.push(t);
  }
  return out;
}
