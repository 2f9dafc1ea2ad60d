/**
 * The reference postings build: lunr's builder, which did this step before the counting build
 * (counted-postings.ts), 5–7× slower and far larger in memory. It stays as what the counting build is
 * checked against (same bytes, in engine.test.ts and bench:search): a lunr.Builder with our CJK tokenizer
 * and a registered pipeline function in place of lunr's English trimmer, stop-word filter and stemmer,
 * so lunr's inverted index holds, for every term, the units it occurs in. lunr's own `build()` (per-unit
 * BM25 vectors and the term FST) is skipped: we only need term → units.
 */
import lunr from 'lunr';
import type { SearchCorpus } from './corpus-units.js';
import { fromTermMap, type TermPostings } from './term-postings.js';
import { indexTerms, normalizeUnitText } from './tokenizer.js';

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
export function lunrPostings(corpus: SearchCorpus): TermPostings {
  register();
  let normChars = 0;
  const unitLens = new Int32Array(corpus.units.length);
  const merged = new Map<string, number[]>();
  for (let from = 0; from < corpus.units.length; from += CHUNK) {
    const builder = lunrBuilder();
    const to = Math.min(corpus.units.length, from + CHUNK);
    for (let i = from; i < to; i++) {
      const norm = normalizeUnitText(corpus.units[i].text).norm;
      normChars += norm.length;
      unitLens[i] = norm.length;
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
  return fromTermMap(merged, unitLens, normChars);
}
