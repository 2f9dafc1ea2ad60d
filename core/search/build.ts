/**
 * Index build. The postings (every unigram and overlapping bigram of the
 * normalised text → the units it occurs in) are collected with a plain Map;
 * lunr's builder, which did this step, makes the same postings 5–7× slower
 * (bench:search, same run), too slow for the 10,000-document build goal. lunr
 * stays as the reference the Map build is checked against (same bytes, in
 * engine.test.ts and bench:search), `buildIndexData(corpus, 'lunr')`: a
 * lunr.Builder with our CJK tokenizer and a registered pipeline function in
 * place of lunr's English trimmer, stop-word filter and stemmer, so lunr's
 * inverted index holds, for every term, the units it occurs in. lunr's own `build()` (per-unit BM25 vectors and the
 * term FST) is skipped: its serialisation is ~10 MiB for this corpus and
 * loads in ~0.5 s, and we only need term → units. That inverted index is
 * serialised compactly (sorted terms, delta/VLQ posting strings) and the
 * query side does candidate generation from it, exact verification and
 * ranking of only what is shown (engine.ts).
 */
import lunr from 'lunr';
import { encodeInts, encodeSorted } from './codec.js';
import type { SearchCorpus } from './corpus-units.js';
import { indexTerms, normalizeUnitText } from './tokenizer.js';
import { encodeUnits } from './unit-table.js';
import { SEARCH_FORMAT_VERSION, TOKENIZER_ID, type SerializedIndex, type SerializedTexts, type SerializedUnits } from './format.js';

export { SEARCH_FORMAT_VERSION, TOKENIZER_ID, type SerializedIndex, type SerializedTexts, type SerializedUnits };

const PIPELINE_LABEL = 'policyReaderCjkTerm';

/** Index terms are already normalised by the tokenizer; the pipeline only drops empties. */
const cjkTerm: lunr.PipelineFunction = (token) => (token.toString() ? token : null);

let registered = false;
function register() {
  if (registered) return;
  lunr.Pipeline.registerFunction(cjkTerm, PIPELINE_LABEL);
  registered = true;
}

function cjkTokenizer(obj?: unknown): lunr.Token[] {
  if (obj == null) return [];
  const norm = typeof obj === 'string' ? obj : String(obj);
  return indexTerms(norm).map((t) => new lunr.Token(t, {}));
}

/** Units per lunr.Builder: small builders keep lunr's per-posting objects short-lived (build time stays linear). */
const CHUNK = 1024;

function lunrBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(cjkTerm);
  builder.searchPipeline.add(cjkTerm);
  builder.tokenizer = cjkTokenizer as typeof lunr.tokenizer;
  builder.metadataWhitelist = [];
  builder.ref('i');
  builder.field('t');
  return builder;
}

/** term → ascending unit indexes, from lunr's inverted index, chunk by chunk. */
function lunrPostings(corpus: SearchCorpus): { merged: Map<string, number[]>; normChars: number } {
  register();
  let normChars = 0;
  const merged = new Map<string, number[]>();
  for (let from = 0; from < corpus.units.length; from += CHUNK) {
    const builder = lunrBuilder();
    const to = Math.min(corpus.units.length, from + CHUNK);
    for (let i = from; i < to; i++) {
      const norm = normalizeUnitText(corpus.units[i].text).norm;
      normChars += norm.length;
      // Non-numeric refs keep lunr's posting objects in fast named-property mode.
      builder.add({ i: 'u' + i, t: norm });
    }
    const inverted = builder.invertedIndex as Record<string, { t: Record<string, object> }>;
    for (const term of Object.keys(inverted)) {
      const refs = Object.keys(inverted[term].t)
        .map((r) => Number(r.slice(1)))
        .sort((a, b) => a - b);
      const list = merged.get(term);
      if (list) for (const r of refs) list.push(r);
      else merged.set(term, refs);
    }
  }
  return { merged, normChars };
}

/**
 * The same postings with a plain Map (no lunr): terms as numbers (a code unit c, or a pair as
 * (c + 1)·65536 + d), each unit added once per term. What the build uses: lunr's builder makes an object
 * per posting and is several times slower on the same postings (bench:search measures both in one run,
 * and checks they give the same bytes; engine.test.ts too).
 */
function mapPostings(corpus: SearchCorpus): { merged: Map<string, number[]>; normChars: number } {
  let normChars = 0;
  const byKey = new Map<number, number[]>();
  const seen = new Set<number>();
  corpus.units.forEach((u, i) => {
    const norm = normalizeUnitText(u.text).norm;
    normChars += norm.length;
    seen.clear();
    for (let k = 0; k < norm.length; k++) {
      const c = norm.charCodeAt(k);
      if (c === 10) continue;
      seen.add(c);
      const d = k + 1 < norm.length ? norm.charCodeAt(k + 1) : 10;
      if (d !== 10) seen.add((c + 1) * 65536 + d);
    }
    for (const key of seen) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const merged = new Map<string, number[]>();
  for (const [key, list] of byKey) merged.set(key < 65536 ? String.fromCharCode(key) : String.fromCharCode(Math.floor(key / 65536) - 1, key % 65536), list);
  return { merged, normChars };
}

export type PostingsBuilder = 'lunr' | 'map';

/** Build the serialisable index for a flattened corpus. Deterministic; both builders give the same bytes. */
/** Characters of unit text per shard (about 1 MB of JSON): a query reads the shards of its candidates only. */
export const SHARD_CHARS = 400_000;

/** Shard starts (unit indexes) at document boundaries, each shard about SHARD_CHARS of text, then the unit count. */
function shardStarts(corpus: SearchCorpus, shardChars: number): number[] {
  const starts = [0];
  let chars = 0;
  for (let i = 0; i < corpus.units.length; i++) {
    const startsDoc = i > 0 && corpus.units[i].doc !== corpus.units[i - 1].doc;
    if (startsDoc && chars >= shardChars) {
      starts.push(i);
      chars = 0;
    }
    chars += corpus.units[i].text.length;
  }
  starts.push(corpus.units.length);
  return starts;
}

export function buildIndexData(
  corpus: SearchCorpus,
  builder: PostingsBuilder = 'map',
  shardChars = SHARD_CHARS,
): { units: SerializedUnits; index: SerializedIndex; texts: SerializedTexts[] } {
  const { merged, normChars } = builder === 'lunr' ? lunrPostings(corpus) : mapPostings(corpus);
  const unitLens = corpus.units.map((u) => normalizeUnitText(u.text).norm.length);
  const shards = shardStarts(corpus, shardChars);

  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const all = [...merged.keys()];
  const uni = all.filter((t) => t.length === 1).sort(cmp);
  const bi = all.filter((t) => t.length === 2).sort(cmp);
  if (uni.length + bi.length !== all.length) throw new Error('index terms must be one or two code units');
  const terms = [...uni, ...bi];

  const df: number[] = [];
  const lens: number[] = [];
  const postings: string[] = [];
  for (const term of terms) {
    const refs = merged.get(term)!;
    const s = encodeSorted(refs);
    df.push(refs.length);
    lens.push(s.length);
    postings.push(s);
  }
  return {
    units: encodeUnits(corpus, SEARCH_FORMAT_VERSION),
    index: {
      v: SEARCH_FORMAT_VERSION,
      tokenizer: TOKENIZER_ID,
      unitCount: corpus.units.length,
      uni: uni.join(''),
      bi: bi.join(''),
      avgLen: Math.round((normChars / Math.max(1, corpus.units.length)) * 1000) / 1000,
      df: encodeInts(df),
      lens: encodeInts(lens),
      postings: postings.join(''),
      unitLens: encodeInts(unitLens),
      shards,
    },
    texts: shards.slice(0, -1).map((from, k) => ({ v: SEARCH_FORMAT_VERSION, from, texts: corpus.units.slice(from, shards[k + 1]).map((u) => u.text) })),
  };
}
