// @ts-check
/**
 * Mutation testing (StrykerJS): `npm run mutate` over everything below, or
 * `npm run mutate -- core/annotations` (any folders or files) for one area.
 * Not part of `npm test`: run it on the folders you changed before submitting.
 *
 * Sized for a 2-core laptop: `perTest` coverage runs only the tests that reach
 * a mutant, Vitest's `related` mode runs only test files that import the
 * mutated file, and incremental mode re-tests only mutants whose code or tests
 * changed since the last run (the state lives in reports/, not committed).
 */
export const DEFAULT_TARGETS = [
  // The domain code every feature stands on.
  'core',
  // User data: the database, the corpus switch, the automatic backups.
  'renderer/db',
  'cli/corpus-files.ts',
  'electron/autobackup.ts',
];

/** A folder becomes every TypeScript source below it; tests, fixtures and type-only files are not mutated. */
export function mutateGlobs(targets) {
  const globs = targets.map((t) => (/\.tsx?$/.test(t) ? t : `${t.replace(/\/+$/, '')}/**/*.{ts,tsx}`));
  return [...globs, '!**/*.test.{ts,tsx}', '!**/*.d.ts', '!**/fixtures/**', '!core/corpus/types.ts'];
}

/**
 * The test files that must kill a target's mutants. Vitest's `related` mode alone also runs every
 * test file that imports the target however indirectly: for core/ that was the CLI and preview-server
 * tests, which spawn builds and made one core folder's run take hours. A core folder's mutants must
 * be killed by that folder's own unit tests (core/text by core/text/*.test.ts, all of core by
 * core/**): nearly every core mutant is "static" to Stryker (hit while a test file's beforeAll
 * builds a corpus, or while the tokenizer folds its table at import), so each one runs every test
 * file it may touch, and the whole of core's suite for one core/text mutant cost about 10 s. The
 * score is then a lower bound: a test in another folder that would also kill it is not counted.
 * cli/corpus-files.ts is killed by its own tests (cli/corpus-files.test.ts: hand-made builds in small
 * folders, about 5 s for the file). Not by cli/kill-switch.test.ts: the builds it kills are child
 * processes, which never run a mutant (Stryker's Vitest runner activates a mutant in the test process
 * only, not in the environment a child inherits), while its beforeAll build and its in-process rebuilds
 * made each mutant a static one costing about a minute; corpus-files.test.ts reaches the states a kill
 * leaves, step by step. Not by cli/corpus-folder.test.ts either (real builds, about 30 s for the file,
 * and the same behaviours tested directly): those two still run in `npm test`, and the score is a lower bound.
 * cli/variants-pool.ts and cli/packed-sets.ts by cli/variants-pool.test.ts (cli/variants-worker.ts is not mutated:
 * it runs in worker threads, where a mutant is never active, like the kill-switch builds above).
 * core/compare/minhash.ts by its own tests and core/compare/bounded.test.ts (the crowded-bucket and once-per-pair
 * tests, about 2 s): core/compare's other users of it (corpus.test.ts, laws.test.ts) build whole corpora and test
 * the families they make, which a changed signature rarely alters but each mutant would pay for.
 * electron/autobackup.ts by its own tests (the IPC and preload tests import it too, but test the bridge, not the backups).
 * The parser's stages in core/corpus (decode, lines, markers, numerals, paragraphs, furniture, segment, assemble)
 * by the folder's test files that give them hand-made text (the stages' own tests, structure and metadata, and
 * layouts.test.ts's small fixtures), not by those that build the real seeds or the real-text set (seeds.test.ts,
 * 3.5 s a run outside Stryker; realtext.test.ts) or test the build's files (ids, file-stream, library-head):
 * every build runs every stage, so each of these mutants ran every such build, about 10 s a mutant (structure.ts:
 * 368 mutants in 63 minutes), hours for the stages' 2,551 mutants.
 * A target not listed here (renderer/db) keeps the whole unit suite.
 */
// (Listed one by one: MUTATE_TESTS is split at commas, so a {a,b} glob does not survive it.)
const PARSER_STAGE_TESTS = ['decode', 'lines', 'markers', 'numerals', 'paragraphs', 'furniture', 'segment', 'assemble', 'structure', 'metadata', 'layouts'].map((f) => `core/corpus/${f}.test.ts`);
const OWN_TESTS = [
  { target: /^core\/compare\/minhash\.ts$/, tests: () => ['core/compare/minhash.test.ts', 'core/compare/bounded.test.ts'] },
  { target: /^core\/?$/, tests: () => ['core/**/*.test.ts'] },
  { target: /^core\/corpus\/(decode|lines|markers|numerals|paragraphs|furniture|segment|assemble)\.ts$/, tests: () => PARSER_STAGE_TESTS },
  { target: /^core\/([^/]+?)(\/|\.ts$|$)/, tests: (m) => [m[2] === '.ts' ? 'core/*.test.ts' : `core/${m[1]}/**/*.test.ts`] },
  { target: /^cli\/corpus-files\.ts$/, tests: () => ['cli/corpus-files.test.ts'] },
  { target: /^cli\/(variants-pool|packed-sets)\.ts$/, tests: () => ['cli/variants-pool.test.ts'] },
  { target: /^electron\/autobackup\.ts$/, tests: () => ['electron/autobackup.test.ts'] },
];

/** The unit test files a run over these targets needs, or null for the whole unit suite. */
export function testGlobs(targets) {
  const globs = [];
  for (const t of targets) {
    const name = t.replace(/^\.\//, '');
    const own = OWN_TESTS.map((o) => ({ o, m: o.target.exec(name) })).find((x) => x.m);
    if (!own) return null;
    globs.push(...own.o.tests(own.m));
  }
  return [...new Set(globs)];
}

const targets = process.env.MUTATE_TARGETS ? process.env.MUTATE_TARGETS.split(',') : DEFAULT_TARGETS;
const tests = testGlobs(targets);
// Read by vitest.mutate.config.ts in Stryker's test-runner processes, which inherit this environment.
if (tests) process.env.MUTATE_TESTS = tests.join(',');
/** One incremental state per set of targets: a run over core/text must not drop what core/util's run remembers. */
const stateName = targets.map((t) => t.replace(/^\.\//, '').replace(/\/+$/, '').replace(/[^\w.-]+/g, '_')).sort().join('+');

/**
 * Equivalent mutants: survivors no test can kill because the program does the same
 * thing with or without them. Listed here with why, instead of tests that pin the code.
 *
 * core/text/normalize.ts
 * - normalizeWithMap: `j < folded.length` in the loop over a run of white space (→ true, <=):
 *   folded[length] is undefined, which /\s/ reads as "undefined", so the run ends there either way.
 *   `text[text.length - 1]` (→ + 1): `before` is only compared with '', and text is not empty there.
 * - isCjk: `c >= 0x3000` → `>` — U+3000 is white space, and isCjk is only asked about the
 *   characters on either side of a run of white space.
 * core/util/mime.ts
 * - mimeType: `dot >= 0` (→ true, > 0) and `dot > lastIndexOf('/' or '\\')` (→ true): an
 *   "extension" read across a folder separator holds that separator and is no key of the table, so
 *   the name is served as bytes either way; a name that is only an extension ('.html') is a hidden
 *   file, which resolveAppPath refuses before any type is looked up.
 *   The '' for a name without a dot (→ any other string) is no key of the table either.
 * core/util/safe-path.ts
 * - extension: `dot > 0` → `>= 0` — a segment starting with '.' is refused as hidden first.
 * - decodePathSegments: `segments.length > 0` (→ true, >= 0) — split always gives one element.
 * core/util/sha256.ts
 * - `bitLen / 0x100000000` → `*`: the length's high word is 0 below 512 MiB, and bitLen × 2^32 is
 *   0 modulo 2^32 too. `i < 64` → `<=`: the write to w[64] falls outside the Uint32Array and is dropped.
 * core/util/cancellation.ts
 * - cancel: `if (this.cancelled) return` (→ false): the first cancel cleared the listeners and a
 *   listener added later is called at once, never stored, so a second pass tells no one.
 * core/import/pdf-lines.ts
 * - groupRows: `rows.sort(...)` — rows are made in the order of pieces already sorted top to
 *   bottom, and a row keeps the y of its first piece, so they are in order before this sort.
 * - placedLines: `if (!pieces.length) return []` — with no pieces there are no rows and the
 *   paragraphs path also returns []. `if (d <= 0) continue` — rows are sorted strictly top to
 *   bottom and two rows never share a y. `bodyPitch = median(all) || …` — `all` is empty only
 *   for a page of one row, which never asks for a pitch. `key` (→ `* 2`): any one-to-one key
 *   groups the same sizes.
 * core/export/document.ts
 * - spansByUnit: `a.motivation === 'bookmarking'` — a bookmark has no selector, so resolveInUnit
 *   finds no range for it and it is skipped on the next line anyway.
 * core/citation/citation.ts
 * - locator: `articleAt >= 0` → `> 0` and `chain.slice(0, articleAt)` → `chain` — with the article
 *   first nothing comes before it, and nothing after an article is an attachment.
 * core/citation/printed.ts
 * - opensWithFirstClause: `u.level === 'article'` (→ true) — only articles have 款 children.
 * - headingLine and unitOwnLines: the `$` of /[、）).．:：]$/ and /[】〕］\]]$/ — printed markers and
 *   bracketed article headings end in that punctuation and hold none of it inside.
 * - unitOwnLines: 'clause' → '' for the level after a bracketed heading — only 'article' adds a
 *   space; `own.length && marker` → `||` — an empty unit with a marker returned on the line before.
 * core/export/fonts.ts
 * - slicesFor: `a < sorted.length` (→ true, <=) — past the end sorted[a] is undefined, and
 *   `undefined <= hi` is false.
 * core/annotations/anchor.ts
 * - indexOf `if (!ix)`, once `if (t === undefined)`, docText `if (ix.text)` (→ true / false): the
 *   per-document caches; computing again gives the same index, texts and offsets.
 * - allOccurrences `if (!needle) return out`: every caller has already returned on an empty quote.
 * - locate: `hi = offsets.length - 1` → `+ 1` (an index past the end reads undefined, and
 *   `undefined <= start` is false, so lo never goes there); `lo + 1 < offsets.length` (→ true, <=,
 *   `lo - 1`) only changes the last unit, which no match can run out of.
 * - oldDocPosition: `-1` → `+1` for an annotation without a unit id: a quoted annotation always
 *   has one (newAnnotation and the file checks require the clause).
 * - fuzzyInDoc: `matches.sort(...)` and its comparator — approx-string-match returns only the
 *   matches with the lowest error count, so they are already equal in errors. `m.end <= m.start`:
 *   at most a quarter of a quote of 4+ characters may be edits, so no match is empty.
 * - placed: `unit && range && selector` → `(unit || range) && selector` or `unit && range ||
 *   selector`: a quoted annotation is placed with both a unit and a range, a bookmark with neither
 *   a range nor a selector.
 * - resolveInUnit `if (!exact) return null` (→ false): bestExact finds no occurrence of '' either.
 * core/annotations/match-quote.ts
 * - similarity: `if (!want) return 1` — matchScore asks only for a non-empty prefix or suffix.
 * - commonPrefix / commonSuffix: either length bound (→ true, <=, ||) — past the end of one string
 *   its character is undefined, which equals no character of the other, so the loop stops there.
 * core/annotations/reanchor-all.ts
 * - reanchorMany: a failed load's `.catch(() => null)` (→ undefined) — reanchor orphans on any
 *   missing document alike (`if (!doc)`).
 * core/annotations/filter.ts
 * - passes `if (words.length)` and `if (f.from || f.to)` (→ true): with no words `every` holds
 *   anyway, and with neither date both date checks are skipped. words(): the split on /\s+/ (→ /\s/,
 *   no filter(Boolean)) only adds empty words, and '' is in every field.
 * - decodePairs: `if (!part) continue` and the initial `[]` (→ ["Stryker was here"]): an empty
 *   key, or a one-character one, is no key filterFromQuery reads.
 * core/search/query.ts
 * - parseQuery: `if (must.length) joinNext = true` (→ true): an OR before any word sets joinNext,
 *   but a phrase joins a clause only `if (joinNext && must.length)`, so it starts one as before.
 *   `t.text === 'OR'` (→ false, `=== ''`): fold has already made every OR lower-case, so only 'or' can
 *   occur, and an unquoted word that is not an exclusion is never empty. `joinNext` starting true: a
 *   phrase joins a clause only if there is one. isDigit `c !== undefined` (→ true): `undefined >= '0'` is
 *   false. `close < 0` → `<= 0`: the closing quote is looked for from j + 1 ≥ 1. `m < q.length` (→ true,
 *   <=) and `after !== undefined` (→ true): past the end q[m] is undefined, which /\s/ and
 *   COUNTERS.includes read as the word "undefined".
 * core/search/codec.ts
 * - the DECODE table's loop `i < ALPHABET.length` → `<=`: the write at index NaN is dropped.
 * - vlqLength `n < 32768` (→ false): below 32768 the loop adds no character to the 3. putVlq's fast path
 *   (`n < 32` → false, its block → {}): the loop writes the same one digit.
 * - encodeSortedLists `k < counts.length` → `<=` (both loops): counts past the end are undefined, so the
 *   inner loop runs no round and the write to lens is dropped. encodeInts' writing loop `i <= length`:
 *   the buffer is exactly as long as the numbers, so the extra write is dropped.
 * core/search/tokenizer.ts
 * - FOLD_RE's class only says where to call foldChar, which gives every other character back as it is:
 *   a class that also holds characters fold leaves alone changes nothing (a range end `c - 1` → `c + 1`,
 *   `start === c - 1` → false, `changes` → true, the surrogate test → false or its bounds, `c < 0x10000`
 *   → true, <=, ||, `start < 0` → `<= 0`, `start >= 0` → `> 0`, the class starting "Stryker was here!"),
 *   and `c <= 0x10000` → `<` loses no run (none reaches U+FFFF). A mutant that makes the class invalid
 *   or drops characters fold changes is killed by module-load.test.ts.
 * - toDisplayRange `end <= start` (→ false, <): it is only given occurrences of non-empty phrases.
 * - mergeRanges: `ranges.slice()` (→ ranges, both): every caller passes a list made for the call
 *   (rangesIn's, markPieces' copy, UnitBlock's spread). The comparator's `a[1] - b[1]` (→ +): of two ranges
 *   with one start the longer wins either way (Math.max).
 * - findMatches `!phrases.length || !text` (→ false, &&): no phrase or an empty text finds no range anyway.
 * - makeSnippet `flat.length <= width` (→ false, <): for a text no longer than the window the window is
 *   the whole text (start 0, end the length). cutAt: a window's start is never inside or at the end of a
 *   mark (it starts at or before the first one, and ranges come sorted), so the mark's side for 'start'
 *   (`side === 'start'` → false, 'start'/'end' → '') and `at < e` → `<=` (an end at a mark's end stays
 *   there) change nothing; nor do `e <= start` (→ false, <). `at > 0 && at < text.length` (→ true, ||,
 *   either → true, >=, <=): charCodeAt past the end is NaN, and no text starts with a lone second half.
 * core/search/texts.ts
 * - shardOf `starts.length - 2` → `+ 2`: past the end starts[mid] is undefined, never <= u, so the search
 *   moves left. The last-shard shortcut (→ false, `u > l.from`, `l.from - length`) only skips the lookup
 *   that finds the same shard. `new Array(n)` (→ new Array()): the normalised forms are filled on first
 *   use either way. require `k === last` (→ false): the `missing` set names each shard once.
 *   The `?? ''` of text and normalized: a unit inside a shard always has its text. trim's
 *   `this.last === s` (→ true): forgetting the shortcut whenever a shard goes only costs a lookup.
 * core/search/hits.ts
 * - reserve (its block, `this.n + extra > length` → false, >=, `n - extra`): push grows the arrays itself.
 * - topK `k <= 0 || n === 0` (→ false, &&, either → false, `k < 0`): k is never below 0 (the engine clamps
 *   limit and offset), an empty set sorts to [], and k = 0 slices to []. `n <= k * 2 || n < 128` (→ true,
 *   `n < k * 2`, `n < 128` → false, <=, >=): both ways give the same k hits, sorted in full or by the
 *   quickselect threshold.
 * - the threshold: `k - 1` → `k + 1` (a lower threshold: n > 2k there, so it exists), `sc > t` (→ true,
 *   >=), the ties loop's `above.length < k && i < ties.length` (→ ||, either → true, <=) and the last
 *   `.slice(0, k)` dropped: more hits at or below the k-th best are sorted, and the sort and cut keep the
 *   same k; there are always enough ties to reach k. kthLargest `lo < hi` → `<=`: a range of one element
 *   partitions to itself and returns a[target].
 * core/search/candidates.ts
 * - collect's defaults 'clause' and 'all' (→ ''): the engine always passes both, and only 'doc' and
 *   'title' are told apart.
 * - collectClause's driver (the estimate sum, `e < best` → true, false, <=, >=, its block): a hit holds every
 *   clause in its text or its document's title / 文号 / issuer, and the units of documents whose metadata
 *   holds the driver clause are checked too, so any clause's candidates hold every hit; `k === driver`
 *   (→ false) checks the driver again, which each candidate passes by its text or its document.
 * - the per-query caches: `new Array(docs.length)` (→ new Array()), `if (!f)` (→ true).
 * - `lists.length === 1` (→ false): unionAll gives a single list back as it is. `clauses.length > 1`
 *   (→ true, >= 1) for the metadata documents: a one-clause query's units reached that way have no clause
 *   in their text and are dropped by `!anyText`.
 * - needText (→ true, `q.not.length >= 0`, `clauses.length >= 1`) and `!needText` (→ false): without
 *   exclusions, a second clause or exact scores, the text path pushes the same hits with the same prior
 *   scores as the hot path; the hot path's `!f.excluded` (→ true): it runs only without exclusions.
 * - `out.reserve(cand.length + 16)` (→ -): reserve only sizes the arrays.
 * - the metadata documents' units gathered for `c.need` (`[]` → ["Stryker was here"], `firstUnit >= 0` →
 *   true, false, >, <, `u < endUnit` → false, <=, >=) and `exact` before collectDoc's `c.need`: need only
 *   fetches shards ahead; a shard it misses stops the loop with ShardMissing and runSearch fetches it.
 *   `if (d.firstUnit < 0) continue` (→ false): the loop from −1 to −1 runs no round.
 * - the document hit's tier argument (`d.firstUnit < 0 ? 0 : f.tier`, its condition → true, false, <=, >=):
 *   hits.tier is read only to rescore a prior score, and document hits are scored exactly.
 * - collectDoc: `i < set.length`, `i < m.length`, `i < unitHits.length` → `<=`: the unit past the end is
 *   undefined, whose document is undefined, no document's index. `!qual.has(di)` (→ false): per-document
 *   entries of documents that do not qualify are never read.
 * core/search/dictionary.ts
 * - constructor `i < nt` → `<=`: the write past the end of `offsets` is dropped.
 * - termId: `s.length - 1` → `+ 1` and, for bigrams, `s.length / 2 - 1` → `+ 1` and `s.length / 2` →
 *   `* 2`: a read past the end is NaN, neither equal to nor below the key, so the search moves left as
 *   from a larger term. `m < c`, `m < key` → `<=`: equality returned on the line before.
 * - postings `if (!p)` (→ true): decoding again gives the same list.
 * - matchPhrase `!phrase || phrase.includes('\n')` (→ false, &&): an empty phrase has no terms and gives
 *   the empty list of an undefined id; a term across '\n' is in no list (terms never span a line break).
 *   `id < 0` (→ false): a phrase with an absent term is in no unit, and every candidate is verified.
 * - the order of the lists (`ids.sort`, its comparator) and when to intersect (`k < ids.length && k < 4 &&
 *   cand.length > 16` and each part, the break test and each part, `cand.length * 8` → `/ 8`, the loop's
 *   block → {}): every candidate is verified against its text, so these only change how many are.
 *   `phrase.length <= 2` (→ false, <): a phrase of one or two characters is verified too, and its one
 *   term's list holds exactly the units that hold it. `i < cand.length` → `<=`: the unit past the end reads
 *   as '' (the text store's empty text).
 * - estimate `this.df[id] < min` → `<=`: an equal minimum.
 * core/search/facets.ts
 * - cmpStr: `a < b` → `<=` and `a > b` → `>=`, true — a facet's values are distinct keys, never equal;
 *   `a > b` → false, `<=` — V8's sort asks only whether the comparison is below 0.
 * - parents `f === 'region' && vs.length > 1` (→ true, ||, either side → true, `>= 1`) and
 *   `f === 'region'` (→ true) where it is read: parents is read only for the values of a facet that a
 *   region list of two put there (a city), and no issuer, year or kind is named like a city.
 * core/search/scoring.ts
 * - bm25: `if (tf)` (→ true) — a phrase that does not occur adds idf · 0 / (0 + …) = 0.
 *   `i < phrases.length` → `<=`: the extra round counts the word "undefined", which a normalised
 *   Chinese clause does not hold, so it adds 0.
 * core/search/engine.ts
 * - searchSteps: the defaults `opts.scope ?? 'clause'` and `opts.field ?? 'all'` (→ ''): collect treats
 *   anything but 'doc' as 同条 and anything but 'title' as the full text. The `|| field === 'title'` of the
 *   per-document flag for search within: title hits have no unit, and restrictWithin files a hit without
 *   a unit under its document anyway. `if (filter.active.length)` (→ true): an empty filter passes all.
 * - The texts.require / need calls before a loop (searchSteps before toHit, rank before rescoring, the
 *   dictionary's `need`): they only gather the shards a loop will read into one ShardMissing; without
 *   them the loop stops at its first missing shard, runSearch fetches it and runs again, same result.
 * - perDoc loop: `Math.max(want * 4, 64)` (→ min, want / 4), `kept.length >= want` (→ >, false) and
 *   `k >= hits.n` (→ >): a smaller start or one more round ranks more hits, and the first `want` after
 *   the per-document cut are the same; it still ends once k passes the hit count.
 * - rank: `if (!anyPrelim) return top` (→ false): with no prior score nothing is rescored and top is
 *   already in ranking order.
 * - toHit: `unit >= 0` → `> 0` for unitId (unit 0 is its document's first unit, the id a title hit
 *   would open too); `unit >= 0 ?` (→ true) for ranges and trail of a title hit (unit −1): the text
 *   store reads an empty text and the table an empty trail there.
 * - unitText: `unit < count` → `<=`, and either bound (→ true): unit −1 or `count` reads outside the
 *   shards' texts, which gives ''.
 * - rank: `hits.prelim[i] && hits.unit[i] >= 0` → `||`: rescoring a hit already scored exactly gives its
 *   score again.
 * - putShard: the `^`/`$` of /^texts-(\d+)\.json$/ and /^postings-(\d+)\.json$/: it is given only the
 *   names the engine's own ShardMissing named.
 * core/search/posting-store.ts, shard-reader.ts
 * - shardContaining (shardOf): `starts.length - 2` → `+ 2` for the upper bound: a probe past the end reads undefined, and
 *   `undefined <= term` is false, so the search narrows to the same shard.
 * - put: `typeof data.postings !== 'string'` (→ false): anything else has no length equal to the shard's
 *   (a number's is undefined), so the next check refuses it with the same message.
 * core/corpus/metadata.ts
 * - parseTitle: /[\s\u3000]+/ → /[\s\u3000]/ — each space becomes one space and tidyTitle
 *   collapses runs; the number and date patterns allow any white space.
 * - issuersFromTitle: the `$` of /《.*$/ (`.` runs to the end of a one-line title anyway);
 *   `head.length < 2` (→ false): a head of 0 or 1 characters splits into pieces the length filter drops.
 * - docNumberFrom: /\s+/g → /\s/g — a global replace by '' removes every white space either way.
 * - dateFromLine: '〇' → '' for ○ and 零 — ''.indexOf is 0, the index of 〇. `month && day`
 *   (→ true, ||): DATE_LINE lets through only 1–3 of 一…十, which parseChineseNumber reads as ≥ 1.
 * core/corpus/regions.ts — facts of gazetteer.json (checked by script when these were written):
 * - the `$` of the suffix patterns in provinceShort, cityShort (自治州, 盟, 市|地区) and the district
 *   short names (新区|区|县): no name holds its suffix anywhere but at its end. The 盟 branch of
 *   cityShort (→ false) and `s.length >= 2 && s !== c` (→ true, ||, either side → true): a 盟 keeps
 *   its whole name, which is already its full entry, and no prefecture's short name is 1 character.
 * - the `short` and `county` flags of the province, city and county-city entries (true ↔ false) and
 *   `!NAMES.has(c)` (→ true): no county-level city shares a name with any other entry, and every
 *   other name has either one entry or (吉林, 海南) a province short and a city short, so each flag
 *   reading picks the same entry. Likewise the county test inside `full` (→ entries, true, ||, and
 *   its inner some/every/negations), `full.length === 1` (→ false), `full.length > 1` (→ >= 1),
 *   every → some and `e.kind === 'district'` (→ true) in the all-districts branch, the branch for
 *   several full entries that are not all districts (never reached), `entries.length === 1`
 *   (→ true) and the find's `e.kind === 'province'` (→ true): 吉林's and 海南's first entry is the
 *   province; and `short: true` of DISTRICT_SHORT entries (never read). DISTRICT_SHORT's
 *   `s.length >= 2` (→ true) adds only 重庆's 忠 (忠县), and the lookup reads 2 to 4 characters. `ofMunicipality.length === 1` (→ true): no two municipalities share a
 *   district name, so the list has 0 or 1 entries.
 * - the `?? []` of BY_FIRST (→ ["Stryker was here"]) and of the candidates in placeMentions, and
 *   `i < text.length` (→ <=): a Latin phrase no Chinese text starts with; one more round at the end
 *   finds no candidate.
 * - placeMentions is read only by findRegion, which looks at the first mention and at the first
 *   finer mention inside it; so are equivalent: the municipality flag (`hit.entry.kind === 'province'
 *   && …` → true, ||; `!hit && municipality` → true, ||) — it only lets a district's short name match
 *   after one of the municipality's own districts — and districtInContext's reading of a district
 *   as context (`context.kind === 'city'`/`'district'` → true/false, `context.city ?? null`), which
 *   decides only a second district of a city. In findRegion, `first.kind === 'province'` and
 *   `best.kind === 'city'` (→ true): a city's finer mention is itself, and no district's `city` is a
 *   province's or a district's place, and `m.entry.kind === 'district'` (→ true) there: only a
 *   district has a `city` to match. regionOfEntry `e.kind === 'district'` (→ true): only districts
 *   have a city.
 * core/corpus/structure.ts
 * - buildUnits: `marker && level` → `||` (level is marker?.level, set whenever marker is). The
 *   acceptance test's `marker.n === prevSibling + 1` (→ false) and `prevDoc > 0 &&` (→ true, >= 0):
 *   units only ever close, so when a parent already has a child of this level that child is the
 *   last of its level anywhere (prevSibling === prevDoc); otherwise prevSibling is 0, and then
 *   `n === 1` and `prevSibling + 2` cover the same numbers. `next.length === 2` (→ true) in
 *   articlesContinue: with fewer, next[1] is undefined and never n + 2.
 * - The `.reverse()` before finding the open article: articles never nest, so the stack holds at
 *   most one. `if (art)` (→ true): a 项 is only made while an article is open. `parent.seq.push('c')`
 *   (→ ''): formClauses reads anything but 'p' as a child. The initial `pages: []` of units, roots
 *   and 款 (→ ["Stryker was here"]): finish overwrites every unit's pages.
 * - isLead: /。$/ → /。/ — a 。 anywhere but at the end fails the test on the text before it.
 * - textKey: /\s+/g → /\s/g — a global replace by '' removes every white space either way.
 * core/corpus/law-meta.ts
 * - isLawMetaText: `text.trim()` (→ text) — every caller passes a cleaned paragraph or lines
 *   already trimmed, and the patterns allow white space at both ends anyway.
 * - lawEvents: /[\s\u3000]+/g → /[\s\u3000]/g — a global replace by '' removes every space either way.
 * - lawMeta: `e.date > best` → `>=` — an equal date replaces best by the same string.
 * core/corpus/library-filters.ts
 * - filterDocs / facetCounts: `f.text.trim()` (→ f.text) — normalize drops white space itself.
 * - sortDocs: `x < y` → `<=` — equal dates returned by title on the line before. order():
 *   `if (!o)` (→ true) sorts again instead of reading the cached order, which is the same.
 * core/corpus/lines.ts
 * - toLines: `stop > start` → `>=` in the walk back over trailing white space: on a line of only white
 *   space it steps once more, onto the '\n' before the line (at the file's start onto text[-1], undefined,
 *   which the pattern reads as "undefined"), and text.slice(start, start - 1) is '' as slice(start, start) is.
 * Not equivalent, no test: `start <= text.length` → `<` drops only the empty line after a final newline
 * (and an empty file's one line); every stage skips blank lines, so only the manifest's count of the file's
 * raw lines changes, by one. displayWidth's `< 0x2000` → `<=` differs only on U+2000 (EN QUAD), which
 * neither pdftotext nor pdf.js writes.
 * core/corpus/markers.ts
 * - readMarker: `n === null` (→ false) — every capture is Chinese numerals or 1–3 digits, which
 *   parseChineseNumber always reads.
 * - PATH_CODE.appendix ('att' → '') is never read: no marker has the level appendix, and assemble
 *   writes the attachments' paths (att1, att2_) itself.
 * core/corpus/decode.ts
 * - utf8WithFewBadBytes: `i <= text.length` — charCodeAt past the end is NaN, which counts as neither.
 * - the UTF-16 test's `bytes[0] === 0xfe && true`, `bytes[0] === 0xfe || bytes[1] === 0xff` and
 *   `true && bytes[1] === 0xff`: a file that starts with 0xFE, or has 0xFF second, without being UTF-16
 *   is not UTF-8 (neither byte occurs in it) nor GB18030 or Big5 text (0xFF is no byte of either, a 0xFE
 *   lead only GBK's user-defined area), so it is rejected either way; only the reason's wording changes.
 * Not equivalent, no test: `hasBom = false` and the variants that need bytes 1–2 to be BB BF (or
 * byte 0 EF and byte 2 BF): TextDecoder('utf-8') drops a BOM itself, so they differ only for a BOM before
 * bytes that are not UTF-8, or a file starting with U+FEC0–U+FEFF or U+FF3F; the exact bounds of the
 * heuristics (`<=`/`>=` at the GB18030/Big5 tie's 0.1, the 2 % of control bytes, the 5 % of odd
 * characters, the 0.3 of common characters, 20 Chinese characters, the 5 % of Chinese for the warning)
 * and the tie's `best.common + other.common`; the 20,000-character sample (→ the whole text) and the
 * Chinese range's ends (`c > 0x3400`, `c < 0x9fff`: 㐀 and an unassigned code point).
 * core/corpus/paragraphs.ts
 * - joinPieces: `latinEnd = true` (and `… || !CJK.test(last)`): the last test, a Latin letter at the end,
 *   implies latinEnd.
 * - isFragmented's and standaloneLines' `l.text` for `l.text.trim()`: toLines already dropped the trailing
 *   white space, and displayWidth, endsTerminal and endsLikeTitle trim, and MARKER_START, NOTE_LINE,
 *   ATTACHMENT_LABEL and DATE_LINE allow, the leading.
 * - leadColumns: /[\s\u3000]*\/ without `^` matches at index 0 anyway (it may match nothing).
 * - isSubsequence: `i <= hay.length`, `j <= needle.length` (→ true): past the end reads undefined, which
 *   equals no character.
 * - toParagraphs: the initial `prevIdx` (+1) and `blankBefore` (true): both are read only once a line
 *   has set them.
 * Not listed, no test: bounds (0.6 and 0.75 of the width, ±1 and 3 columns, 20, 24, 60, 80, 100, 160 and
 * 200 characters, 40 % of a heading for an echo) and the echo of three fragments.
 * core/corpus/segment.ts
 * - segmentFile's last filter (→ none, `() => true`, `paras.length >= 0`): segmentLoose already drops
 *   drafts with neither title nor paragraph, and every compilation draft has a title.
 * - segmentCompilation: `n === 1 && lastNumber > 0` (→ `true`, `>= 0`): with lastNumber 0, n = 1 is taken
 *   by `n > lastNumber && n <= lastNumber + 3` already.
 * - segmentLoose: the initial `ended`, `signed`, `attachmentLabel` (→ true): the first paragraph makes a
 *   draft, which sets ended and signed to false, and attachmentLabel is set again at every paragraph that
 *   is not a title (a title reads it only when signed).
 * - INTERPRETATION `^政策解读[：:]?` → `[^：:]?`: an optional character either way, so every text that
 *   starts with 政策解读 matches.
 * - The `\s+` → `\s` of endsTitleAgain: a global replace by '' removes every white space either way.
 * Not equivalent, no test: `province = headingProvince` for a big-region heading too (三、华东 is followed
 * by a province heading, （一）上海, before any title in the compilations seen), the length bounds of
 * titles and sign-offs (4, 24, 30, 40, 100), and joinWrappedTitles' startsDoc.
 * core/corpus/furniture.ts
 * - the Latin rule's `prev` and `next` (`i > 0 ?` → true, `>= 0`; `j + 1 < input.length ?` → true, `<=`,
 *   `j - 1 <`): input[-1] and input[length] are undefined, which `!prev` and `!next` read as null is read.
 *   `latinPages.get(…).size` without `?.`: every Latin line's text was put in the map; `if (isLatin(i))`
 *   (→ true) before putting it there: no other line has a Latin line's text.
 * - rule 3's `l.page === null` (→ false): in a file without pages only its first and last line are at a
 *   page's edge, two lines, never the three a repeat needs.
 * - the blocks: the initial ["Stryker was here"] of blocks and candidates (a string has no start, so its
 *   range is empty and it is dropped or skipped), no filter of the blocks removed whole (→ none,
 *   `every(() => undefined)`: their lines are all removed, so they are skipped, and no removed line is a
 *   byline), `idxs.length === 0` (→ false) in rule 4 (those blocks were filtered out) and rule 5 (an empty
 *   block's text ends in no tail), `bi--` (the block is visited again with its lines removed, so skipped),
 *   `prevText` without trim (the patterns allow white space at both ends), rule 5's text without trim
 *   (toLines dropped the lines' trailing white space, and endsWith reads the end).
 * - tailAfterKind: `at > best` → `>=`: no kind word starts another, so two words found at one index are
 *   the same word. `if (tail)` (→ true) before learning it: no text ends in "null".
 * Not equivalent, no test: STRUCTURAL_START's variants (numbered blocks are set off by other rules in
 * these tests), the length bounds (40 characters of a letterhead, 3 lines of a block, 2 of a key, 0.75 of
 * the width), and the two-letterhead and signature-block combinations.
 * core/corpus/assemble.ts
 * - TEMP_ID ('__doc__' → ''): build's withIds replaces its first occurrence by the document id, and ''
 *   occurs at index 0, so '~path' becomes the same `${docId}~path`.
 * - the byline's and bylineAuthors' splits (no filter, `[\s\u3000]` for `[\s\u3000]+`, no trim): the
 *   paragraph matched single spaces between names, and the furniture line is trimmed or filtered.
 * - unionPages without its sort (→ none, `() => undefined`): children come in reading order, so their
 *   pages come ascending.
 * renderer/db/database.ts
 * - annotationsNotOn, the filter on the raw rows (`rows.filter(...)`, its conditions
 *   and `kept.get(r.id) !== …`): it only spares validating rows that need no look;
 *   every row it lets through is checked again on the restored annotation, so letting
 *   more through (or all) returns the same list. `typeof a.modified !== 'string'`
 *   likewise: such a row fails validation in restoreAll either way.
 * - recordOf: `a?.id` → `a.id` — differs only for a null annotation, which the types never pass.
 * - saveReanchored: the early `return 0` when there is nothing to do (→ false) opens a
 *   transaction that writes nothing and also returns 0.
 * - saveReanchored: `updates.length > BULK_READ_ALL` (>=, true, false) picks one
 *   getAll or one bulkGet; both give the rows of these ids. `if (!updates.length)
 *   return 0` and `if (rows.length)` only skip an empty loop or an empty bulkPut.
 * - importAnnotations: `knownIds.length ? … : []` and `if (merge.toWrite.length)`
 *   only skip an empty bulkGet or bulkPut.
 * renderer/db/records.ts
 * - restoreSettings: `theme === 'light'` (false, '') — a stored 'light' falls back to
 *   the default, which is 'light'. `rows ?? []` — toArray never gives undefined.
 * - restorePosition: `o.scrollTop >= 0` → `> 0` — 0 falls back to 0.
 * - restoreSettings / restorePosition: the `typeof x === 'number'` before
 *   `Number.isFinite(x)` (→ true) — Number.isFinite is false for any non-number.
 * - restoreAnchorCheck: `typeof key === 'string'` (→ true) — a kept non-string key
 *   never equals an anchorCheckKey, so the annotation is checked again either way.
 * - anchorCheckKey: the space between `modified` and the corpus hash — `modified`
 *   is an ISO date of fixed length, so the joined key is unambiguous without it.
 * - restoreAnnotation / restorePosition: `v === null` — IndexedDB's get gives
 *   undefined for a missing key and a row with an inline key is never null.
 * renderer/db/errors.ts
 * - chainOf: `typeof cur !== 'object'` (→ false) — a wrapped string or number
 *   reads as a nameless, wordless error, which decides nothing.
 * - chainOf: `out.length < 20` → `<= 20`, `seen.has(cur)`, `failures.slice(0, 5)`
 *   and the '' fallbacks for a non-string name or message: they bound the walk and
 *   fill gaps; no failure the browser or Dexie produces is deeper, cyclic beyond the
 *   bound, or has a bulk failure past the fifth that alone says "full disk".
 * - toStorageError: `if (action !== '保存')` (true, '') and `/^保存/` → `/保存/` —
 *   replacing 保存 by 保存 changes nothing, and no message has 保存 after its start.
 * core/compare/align.ts
 * - longestIncreasing: `tails` starting as ["Stryker was here"] (its slot 0 is overwritten by the
 *   first element, since `undefined < x` is false), `prev` as `new Array()` and `if (lo > 0)` (→ true,
 *   >= 0): an unset or undefined `prev[k]` ends the walk back exactly as -1 does. `<` → `<=` on the
 *   b positions: no two groups share a B unit, so they are never equal.
 *   With no groups (`tails` empty), the start `-1` → `+1` adds index 1 of an empty list: no group.
 * - similarPairs: `out` starting as ["Stryker was here"]: the string compares equal to every pair
 *   (NaN), so the stable sort leaves it first, and its destructured 'S' and 't' are no indexes of
 *   matchA/matchB.
 * - alignUnits: `matchA`/`matchB` as `new Array()` (no -1 fill): `undefined >= 0` is false, as -1 is.
 *   `i < na` → `<=`, and in the split search `nj >= 0`, `nj < nb`, `ni >= 0`, `ni < na` (→ true,
 *   <=, `||` between them): an index out of range reads `groupOf…[x]` as undefined, and
 *   `undefined < 0` is false, so it is never taken. `nj > j ? … : …` (and `ni > i`) → `>=`: a
 *   neighbour is never the unit itself.
 * - the pairs' last tie-break `x[0] - y[0]` → `+`: similarPairs lists pairs by A index, and a
 *   comparator that says "after" for every tie keeps that order. (`x[1] - y[1]` → `+` is not
 *   equivalent — two different B units at one distance and one Dice figure from an A unit would
 *   be taken in the order their shingles are met — and has no test.)
 * - `pa = Math.max(pa, last + 1)` (→ Math.min, `last - 1`), and the same for pb: they only skip the
 *   anchor's own units, which flushA (an in-order group's unit) and flushB (a matched unit) pass
 *   over anyway.
 * - the sort of `byA` (removed, or its comparator): groups are made in A order, and a split only
 *   lowers `a[0]` to the unmatched unit just before, so they are in A order already.
 * - flushB `pb < until` → `<=`: B unit `until` is the anchor's own, matched, so nothing is emitted.
 * - the last loop, `for (k …) if (!doneGroup.has(k)) emitGroup(k)` (→ no loop, `if (false)`): every
 *   group is emitted by the time it runs — anchors in turn, moved groups by flushA when it passes
 *   their first A unit (a group's A units are adjacent and never inside an anchor's span) — so it is
 *   a safety net that never emits.
 * core/compare/diff.ts
 * - pushOp: `last.length === 3 && op.length === 3` (→ `||`, either side true): a merge only joins
 *   ops of equal length, so either side decides alone. `op[2] === ''` (→ false, another string): an
 *   equal pair of two empty texts is never made — flushIgnored pushes `['=', sa]` when sa === sb.
 * - reconstructB: `op[0] === '='` → true before `op.length === 3`: only `=` ops have three elements.
 * - sharedInRuns: `if (op[0] === '-') lengthA += … else lengthB += …` (→ true, false, !==, ''):
 *   only the sum of the two lengths is used.
 * core/compare/families.ts
 * - starFamilies: the filter `x.deg > 0` (removed, → true, >= 0): a document without strong links
 *   is popped and skipped (`now.deg === 0`). The stale test `now.deg !== top.deg || now.w !==
 *   top.w` (→ `&&`, either side false): a neighbour assigned takes one from the degree and its
 *   weight (pairWeight, ≥ 10 for a strong relation) from w, so the two change together. The loop's
 *   `better(queue[k], now) > 0` → `>= 0`: two entries are never tied (the index breaks ties) and a
 *   document is in the queue once.
 * core/compare/minhash.ts (reasoned from the code; the first full run did not finish in its time box, so check
 * these against its survivors)
 * - signature: `h < min` → `<=` — an equal hash sets the same minimum.
 * - pair(): `band > 0 &&` before agreedEarlier (→ true) — agreedEarlier looks only at bands before `band`, none
 *   for band 0. `i < j` → `<=`: an item is never paired with itself.
 * - The twin short-cuts `band === 0 || twin[…] !== twin[…]` (→ true) and equalSignatureClasses missing a twin
 *   (its `if (firsts)` → false, the `>>> 0` of the hash used both to store and to look up): a pair of equal signatures
 *   then reaches agreedEarlier, which finds band 0 and drops it; only time is lost. (Calling unequal
 *   signatures twins is not equivalent, and bounded.test.ts's band-5 pairs kill it.)
 * - `size >= 2` (→ true) and `size > MAX_BUCKET` (→ true, >=): a bucket of one makes no pair in either branch.
 * - sortByKey `shift < 32` → `<=`: a third, stable pass by the low 16 bits keeps equal keys adjacent and in
 *   index order. The crowd's tie-break `|| a - b` (→ +): shuffleKey is a bijection of i for a band (xor with a
 *   constant, then a multiply by an odd number), so two members never tie; `band + 1` → `- 1` is another
 *   per-band shuffle, which is all the window asks for.
 * cli/variants-pool.ts
 * - The number of threads (`Math.min(jobs, …)` → max, `missing.length / BATCH` → `*`): more threads than
 *   batches do no work; the entries, and so the test's bytes, are the same with any number.
 * - `packs.delete(doc)` after a batch is handed over (→ no-op): the map is dropped when the function returns;
 *   deleting early only lets the sets go sooner (memory, which no test here measures).
 * - `finally { stop the threads }` (→ empty): the threads would keep a build's process alive; the tests that
 *   spawn `policy-reader build` and wait for it to exit (cli/entry.test.ts, cli/corpus-folder.test.ts) kill
 *   it, and they are not in this file's mapping.
 * cli/corpus-files.ts
 * - acquireBuildLock: `Number(text.trim())` (→ no trim): Number() skips white space itself. A lock that
 *   cannot be read giving "Stryker was here!" instead of '': NaN is as falsy as 0, so it is stale either way.
 * - The `() => false` / `() => null` of a rejected look-up (→ `() => undefined`): exists, the rmdirs in
 *   retireVersion, the lstats in legacyBuildFiles and ensureCompatLinks; undefined is read as false there.
 * - legacyBuildFiles: `?.isFile() !== true` (→ false) — a manifest.json that is no file is the link into
 *   current/, and then library.json is a link too, which the isFile filter leaves out, so the hash never
 *   adds up; `if (!manifest) return null` (→ false) — the null's contentHash throws inside the try, which
 *   returns null; the catch's `{}` returns undefined, which writeCorpus reads as null.
 * - writeCorpus `!made.has(dir)` (→ true): a recursive mkdir accepts an existing folder; the set saves calls.
 * - ensureCompatLinks: a link already right (→ false) is made again, the same, renamed over itself.
 * - removeListed: `e.code === 'EEXIST'` (→ false, '') — rmdir of a folder that is not empty gives
 *   ENOTEMPTY on Linux and macOS (EEXIST is older Unixes' spelling). `k !== d` (→ true): no d starts with `${d}/`.
 * - retireVersion: putBack's `dir !== home` (→ true) — when dir is home, home exists, so nothing moves.
 *   `if (name === base)` (→ true, false, !==, {}): renaming a version aside before deleting its files only
 *   marks it as being retired; nothing but retireVersion reads versions/, which finishes a half-deleted
 *   version under either name (its manifest is deleted last), and putBack ends at the same name.
 * - removeStaleStaging: the readdirs' `.catch(() => [])` (→ `() => undefined`) — writeCorpus has just made
 *   versions/ inside the corpus folder, so both exist; the rms' `force: true` (→ false, {}) — the entry
 *   was just listed, and only a build writing at the same time, which the lock rules out, could remove it.
 * - loadLibrary / loadDocument: 'utf8' → '' — readFile then gives a Buffer, which JSON.parse reads as UTF-8.
 * Not equivalent, but out of these tests' reach (13 mutants): pidAlive's `code === 'EPERM'` (a live process
 * of another user: the tests here run as root, which may signal any process; as another user the pid-1 test
 * kills them); the lock's second attempt, its last message and the `force` of a stale lock's removal (only
 * two builds racing for one stale lock reach them); pointTo's Windows junction.
 * electron/autobackup.ts
 * - sortBackups and the before-loss copies' sort: `ka < kb ? 1 : …` (→ false, <=, >=) — V8's
 *   Array.prototype.sort asks only whether the comparison is below 0, so 1 and 0 sort the same;
 *   the order is tested from shuffled folder listings.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: tests ? 'vitest.mutate.config.ts' : 'vitest.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: mutateGlobs(targets),
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/incremental/${stateName.length > 120 ? 'many' : stateName}.json`,
  concurrency: 2,
  // A mutant that makes a loop endless is killed by this, not left to hang the run.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportScoreTable: true, allowEmojis: false, logTests: false },
  // The sandbox copy needs the sources, the raw corpus and the configs, not build output.
  ignorePatterns: ['dist', '.cache', 'out', 'release', 'test-results', 'reports', 'resources/corpus/docs', 'resources/corpus/search', 'resources/corpus/*.json', 'resources/corpus/current', 'resources/corpus/variants', 'resources/corpus/versions', 'resources/corpus/cache', '.git'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Type errors are caught by `npm run typecheck`; the TypeScript checker would type-check every
  // mutant on two cores and roughly double a run, for mutants the tests mostly kill anyway.
  disableTypeChecks: true,
};

export default config;
