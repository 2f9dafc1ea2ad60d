/**
 * The search index of a rebuild, updated from the previous build's instead of made again: byte for byte what
 * `buildIndexData` makes of the same corpus (index-update.test.ts checks it against a full build).
 *
 * Why it can be: a unit's entry in a posting list is its number, delta-coded, and its part of a bigram's
 * positions (format.ts, SerializedPositions) depends on its own text alone. A unit whose text is unchanged keeps
 * its positions' bytes and its length; only its number moves, by the units added or removed before it. So each
 * term's new list is its old entries, renumbered, without the units that went, merged with the entries of the
 * units indexed afresh (few in a rebuild: the changed document's). That is a sequential pass over the old
 * lists, where a full build looks every bigram of the corpus up in a hash table and scatters its units across
 * the lists (about 10 s at 10,000 documents).
 */
import { assembleIndex, POSTING_SHARD_CHARS, SHARD_CHARS, type UpdatedIndex } from './build.js';
import { ByteWriter } from './byte-writer.js';
import { decodeInts, VlqReader } from './codec.js';
import { countedPostings, normalisedTexts } from './counted-postings.js';
import type { SearchCorpus } from './corpus-units.js';
import { SearchIndexDamaged } from './shard-reader.js';
import { bigramPositions } from './positions.js';
import type { PreviousIndex } from './previous-index.js';

/**
 * A posting list's first entries whose units are below `below`, at most `n` of them, read from `r` (at the list's start;
 * left after them): how many, the last one's unit (−1: none) and where their bytes end.
 */
function skim(r: VlqReader, n: number, below: number): { entries: number; unit: number; end: number } {
  let entries = 0;
  let unit = -1;
  let end = r.pos;
  while (entries < n) {
    const next = unit + r.next() + 1;
    if (next >= below) break;
    unit = next;
    end = r.pos;
    entries++;
  }
  r.pos = end;
  return { entries, unit, end };
}

/** Where a unit's part of a positions string ends: its count less one, then that many places. */
function skipPart(r: VlqReader): number {
  for (let places = r.next() + 1; places > 0; places--) r.next();
  return r.pos;
}

/** A term's order: unigrams by code unit, then bigrams by their two code units (the order of `uni`, then `bi`). */
function termKey(uni: string, bi: string, t: number): number {
  if (t < uni.length) return uni.charCodeAt(t);
  const b = 2 * (t - uni.length);
  return 65536 + bi.charCodeAt(b) * 65536 + bi.charCodeAt(b + 1);
}

/**
 * The index of `corpus` from the previous build's (`prev`). `oldOf[u]` is the previous build's unit whose text
 * new unit u has (its postings and positions are taken from there), −1 for a unit indexed afresh. Null when the
 * kept units are not in their old order (the caller builds the index whole); the previous index, if damaged,
 * throws SearchIndexDamaged.
 */
export function updatedIndexData(
  corpus: SearchCorpus,
  oldOf: Int32Array,
  prev: PreviousIndex,
  shardChars = SHARD_CHARS,
  postingShardChars = POSTING_SHARD_CHARS,
  /**
   * Filled in, when given: the old posting entries, how many of them were decoded, and how many were only skimmed
   * (`skimmed`: before every change, their bytes copied once their deltas were summed); the rest copied as they were.
   */
  work?: { entries: number; decoded: number; skimmed?: number },
): UpdatedIndex | null {
  const n = corpus.units.length;
  const old = prev.index;
  const oldN = old.unitCount;
  if (oldOf.length !== n) throw new Error(`updatedIndexData: ${oldOf.length} old units given for ${n} units`);
  const newOfOld = new Int32Array(oldN).fill(-1);
  const fresh: number[] = [];
  let last = -1;
  for (let u = 0; u < n; u++) {
    const o = oldOf[u];
    if (o < 0) fresh.push(u);
    else if (o <= last || o >= oldN) return null;
    else newOfOld[(last = o)] = u;
  }

  // The units indexed afresh, as a corpus of their own: their terms, posting lists (by their place in `fresh`) and positions.
  const freshCorpus: SearchCorpus = { docs: corpus.docs, units: fresh.map((u) => corpus.units[u]) };
  const freshNorms = normalisedTexts(freshCorpus);
  const made = countedPostings(freshCorpus, freshNorms);
  const madePositions = bigramPositions(freshCorpus, { bi: made.bi }, freshNorms);

  const oldLens = new Int32Array(oldN);
  decodeInts(old.unitLens, 0, oldN, oldLens, false);
  const unitLens = new Int32Array(n);
  let normChars = 0;
  for (let u = 0, f = 0; u < n; u++) {
    unitLens[u] = oldOf[u] >= 0 ? oldLens[oldOf[u]] : made.unitLens[f++];
    normChars += unitLens[u];
  }

  const oldUni = old.uni.length;
  const oldTerms = oldUni + old.bi.length / 2;
  const oldDf = new Int32Array(oldTerms);
  decodeInts(old.df, 0, oldTerms, oldDf, false);
  const oldPostingLens = new Int32Array(oldTerms);
  decodeInts(old.lens, 0, oldTerms, oldPostingLens, false);
  if (prev.positionLens.length !== oldTerms - oldUni) throw new Error('updatedIndexData: the positions do not match the terms');
  // Where each old bigram's positions string ends in the strings back to back: a list is checked to end there.
  const oldPositionEnds = new Float64Array(prev.positionLens.length);
  for (let r = 0, at = 0; r < oldPositionEnds.length; r++) oldPositionEnds[r] = at += prev.positionLens[r];
  let postingChars = 0;
  for (let i = 0; i < oldTerms; i++) postingChars += oldPostingLens[i];
  // A string copied whole is not read: the lengths must add up to what there is.
  if (postingChars !== prev.postings.length || (oldPositionEnds.at(-1) ?? 0) !== prev.positions.length) throw new SearchIndexDamaged('search index is damaged: its posting or position strings are not as long as it says');
  const madeUni = made.uni.length;
  const madeTerms = madeUni + made.bi.length / 2;

  // The renumbering as runs of old units moved alike (or gone, shift NaN): a list's units ascend, so a cursor over a
  // few runs replaces a lookup per entry in a table of every unit (a cache miss each for most lists, 0.6 s).
  const runEnds: number[] = [];
  const runShifts: number[] = [];
  for (let o = 0; o < oldN; o++) {
    const shift = newOfOld[o] < 0 ? NaN : newOfOld[o] - o;
    const lastShift = runShifts.length ? runShifts[runShifts.length - 1] : undefined;
    if (runShifts.length && (shift === lastShift || (Number.isNaN(shift) && Number.isNaN(lastShift)))) runEnds[runEnds.length - 1] = o + 1;
    else {
      runEnds.push(o + 1);
      runShifts.push(shift);
    }
  }
  // The last run, when it moved alike and comes after every unit indexed afresh: from its first entry on, a list's
  // entries keep their bytes (each a gap to the one before, both moved alike) and are copied without being decoded.
  // A rebuild after one file changed decodes each list up to the changed document only.
  const lastRun = runShifts.length - 1;
  const tailShift = lastRun >= 0 ? runShifts[lastRun] : NaN;
  const tailStart = lastRun > 0 ? runEnds[lastRun - 1] : 0;
  const tailFrom = !Number.isNaN(tailShift) && (fresh.length === 0 || tailStart + tailShift > fresh[fresh.length - 1]) ? tailStart : Infinity;
  // The first run, when it stayed where it was and the last run does not start at the first unit: a list's entries
  // before its end keep their bytes and their numbers (no unit indexed afresh can come among them, their numbers are
  // taken), so they are only skimmed, their deltas summed to find where the run ends, and copied as one. Decoding each
  // entry there for the merge below was 0.6 s of a 10,000-document rebuild, a changed document halfway through.
  const headEnd = runShifts[0] === 0 && tailFrom > 0 ? runEnds[0] : 0;
  const postings = new ByteWriter(prev.postings.length + 2 * made.refs.length + 64);
  const positions = new ByteWriter(prev.positions.length + madePositions.bytes.length + 64);
  const df: number[] = [];
  const postingLens: number[] = [];
  const positionLens: number[] = [];
  const uniCodes: number[] = [];
  const biCodes: number[] = [];
  const oldPostings = new VlqReader(prev.postings);
  const oldPositions = new VlqReader(prev.positions);
  const madePositionBytes = madePositions.bytes;
  const madeReader = new VlqReader(madePositionBytes);
  let madeRef = 0;
  // A term's old list, decoded: each entry's unit, and where each entry's bytes start (then where the list ends).
  let oldUnits = new Int32Array(1024);
  let newUnits = new Int32Array(1024);
  let oldStarts = new Int32Array(1025);
  // Bytes are copied in runs: the old entries that follow one another in the new list as they did in the old keep
  // their bytes (a delta is the gap to the entry before, and the two moved alike), and so do their positions.
  const postingRun = { from: -1, to: -1 };
  const positionRun = { from: -1, to: -1 };
  const flush = (out: ByteWriter, from: Uint8Array, run: { from: number; to: number }) => {
    if (run.from >= 0) out.copy(from, run.from, run.to);
    run.from = -1;
  };
  // Term by term in the merged order of the old terms and the fresh units' terms.
  for (let t = 0, m = 0; t < oldTerms || m < madeTerms; ) {
    const tk = t < oldTerms ? termKey(old.uni, old.bi, t) : Infinity;
    const mk = m < madeTerms ? termKey(made.uni, made.bi, m) : Infinity;
    const fromOld = tk <= mk;
    const fromMade = mk <= tk;
    const bigram = (fromOld ? tk : mk) >= 65536;
    const postingsAt = postings.at;
    const positionsAt = positions.at;
    const nOld = fromOld ? oldDf[t] : 0;
    if (nOld + 1 > oldStarts.length) {
      oldUnits = new Int32Array(2 * nOld);
      newUnits = new Int32Array(2 * nOld);
      oldStarts = new Int32Array(2 * nOld + 1);
    }
    const listStart = oldPostings.pos;
    const listEnd = listStart + (fromOld ? oldPostingLens[t] : 0);
    const head = skim(oldPostings, nOld, headEnd);
    // Entries after the first run's: `rest` of them, decoded all, or up to the first in the last run (tailFrom); the
    // rest are copied as they are.
    const rest = nOld - head.entries;
    let dropped = 0;
    let decoded = rest;
    for (let i = 0, unit = head.unit, run = 0; i < rest; i++) {
      oldStarts[i] = oldPostings.pos;
      unit += oldPostings.next() + 1;
      if (unit >= oldN) throw new Error('updatedIndexData: a posting list names a unit past the old count');
      while (runEnds[run] <= unit) run++;
      // The unit's new number, −1 when it went.
      const moved = unit + runShifts[run];
      oldUnits[i] = unit;
      newUnits[i] = moved >= 0 ? moved : -1;
      if (!(moved >= 0)) dropped++;
      if (unit >= tailFrom) {
        decoded = i + 1;
        break;
      }
    }
    oldStarts[decoded] = oldPostings.pos;
    if (work) {
      work.entries += nOld;
      work.decoded += decoded;
      work.skimmed = (work.skimmed ?? 0) + head.entries;
    }
    if (decoded < rest) oldPostings.pos = listEnd;
    else if (oldPostings.pos !== listEnd) throw new Error('updatedIndexData: a posting list is not as long as the index says');
    const nMade = fromMade ? made.df[m] : 0;
    const positionsEnd = fromOld && bigram ? oldPositionEnds[t - oldUni] : 0;
    // A bigram none of whose units went or came keeps its positions string whole.
    const walk = bigram && (dropped > 0 || nMade > 0);
    // The skimmed entries written first, as they were (and their positions, skipped part by part, when walked): runs
    // of bytes to copy, empty when there are none. The next entry's delta is written afresh (lastOld −2).
    let count = head.entries;
    let prevUnit = head.unit;
    let lastOld = -2;
    postingRun.from = listStart;
    postingRun.to = head.end;
    if (walk && fromOld) {
      positionRun.from = oldPositions.pos;
      for (let k = 0; k < head.entries; k++) skipPart(oldPositions);
      positionRun.to = oldPositions.pos;
    }
    for (let i = 0, j = 0; ; count++) {
      for (; i < decoded && newUnits[i] < 0; i++) if (walk && fromOld) skipPart(oldPositions);
      const a = i < decoded ? newUnits[i] : -1;
      const b = j < nMade ? fresh[made.refs[madeRef + j]] : -1;
      if (a < 0 && b < 0) break;
      if (b < 0 || (a >= 0 && a < b)) {
        if (lastOld === i - 1 && a - prevUnit === oldUnits[i] - oldUnits[i - 1]) {
          if (postingRun.from < 0) postingRun.from = oldStarts[i];
          postingRun.to = oldStarts[i + 1];
        } else {
          flush(postings, prev.postings, postingRun);
          postings.vlq(a - prevUnit - 1);
        }
        if (walk) {
          const from = oldPositions.pos;
          const to = skipPart(oldPositions);
          if (positionRun.from >= 0 && positionRun.to === from) positionRun.to = to;
          else {
            flush(positions, prev.positions, positionRun);
            positionRun.from = from;
            positionRun.to = to;
          }
        }
        prevUnit = a;
        lastOld = i++;
      } else {
        flush(postings, prev.postings, postingRun);
        postings.vlq(b - prevUnit - 1);
        if (bigram) {
          flush(positions, prev.positions, positionRun);
          const from = madeReader.pos;
          positions.copy(madePositionBytes, from, skipPart(madeReader));
        }
        prevUnit = b;
        lastOld = -2;
        j++;
      }
    }
    flush(postings, prev.postings, postingRun);
    flush(positions, prev.positions, positionRun);
    if (decoded < rest) {
      // The entries past the last decoded one, after it as before (it was the last entry written: every unit indexed
      // afresh comes before it), and their positions.
      postings.copy(prev.postings, oldStarts[decoded], listEnd);
      count += rest - decoded;
      if (walk) {
        positions.copy(prev.positions, oldPositions.pos, positionsEnd);
        oldPositions.pos = positionsEnd;
      }
    }
    if (fromOld && bigram && !walk) {
      positions.copy(prev.positions, oldPositions.pos, positionsEnd);
      oldPositions.pos = positionsEnd;
    }
    madeRef += nMade;
    if (fromOld && bigram && oldPositions.pos !== positionsEnd) throw new Error('updatedIndexData: a positions string is not as long as the index says');
    if (count > 0) {
      const key = fromOld ? tk : mk;
      if (bigram) {
        biCodes.push(Math.floor(key / 65536) - 1, key % 65536);
        positionLens.push(positions.at - positionsAt);
      } else uniCodes.push(key);
      df.push(count);
      postingLens.push(postings.at - postingsAt);
    }
    if (fromOld) t++;
    if (fromMade) m++;
  }
  return assembleIndex(
    corpus,
    {
      uni: codesToString(uniCodes),
      bi: codesToString(biCodes),
      df: Int32Array.from(df),
      unitLens,
      normChars,
      postings: { bytes: postings.done(), lens: Int32Array.from(postingLens) },
    },
    { lens: Int32Array.from(positionLens), bytes: positions.done() },
    shardChars,
    postingShardChars,
    { starts: old.shards, oldOf, ...prev.texts },
  );
}

/** Code units to a string, in slices (fromCharCode takes its arguments on the stack). */
function codesToString(codes: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.slice(i, i + 8192)));
  return parts.join('');
}
