// @ts-check
import { readdirSync } from 'node:fs';
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

/** A file's lines `path.ts:12-40` (Stryker's own syntax): what a change touched, mutated without the rest of the file. */
const LINE_RANGE = /:\d+-\d+$/;

/** A folder becomes every TypeScript source below it; tests, fixtures and type-only files are not mutated. */
export function mutateGlobs(targets) {
  const globs = targets.map((t) => (/\.tsx?(:\d+-\d+)?$/.test(t) ? t : `${t.replace(/\/+$/, '')}/**/*.{ts,tsx}`));
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
 * cli/corpus-files.ts is killed by its own tests (cli/corpus-files.test.ts and corpus-switch.test.ts: hand-made builds in small
 * folders, about 5 s for the file). Not by cli/kill-switch.test.ts: the builds it kills are child
 * processes, which never run a mutant (Stryker's Vitest runner activates a mutant in the test process
 * only, not in the environment a child inherits), while its beforeAll build and its in-process rebuilds
 * made each mutant a static one costing about a minute; corpus-files.test.ts reaches the states a kill
 * leaves, step by step. Not by cli/corpus-folder.test.ts either (real builds, about 30 s for the file,
 * and the same behaviours tested directly): those two still run in `npm test`, and the score is a lower bound.
 * cli/variants-cache.ts (the per-document cache, writeAside) by its own tests (about 2 s); cli/parse-cache.ts (a parse cache
 * entry's layout) by its own tests (one real seed, under a second), and cli/parse-pool.ts by them too (the parse phase over two
 * seeds). cli/read-ahead.ts by its own tests and the variants cache's (cli/read-ahead-worker.ts is not mutated: it runs in a
 * worker thread, like cli/variants-worker.ts below).
 * cli/variant-shards.ts (the shards' record) by its own tests: two tests of builds through main() on the sample
 * corpus, about 15 s; the other builds that read a record (corpus-folder, kill-switch) test other things.
 * cli/version-files.ts (the links from the previous version) by its own tests, which write small builds through
 * writeCorpus (cli/corpus-files.ts's own list adds the first of them, for the placer it makes).
 * cli/variants-pool.ts and cli/packed-sets.ts by cli/variants-pool.test.ts (cli/variants-worker.ts is not mutated:
 * it runs in worker threads, where a mutant is never active, like the kill-switch builds above; nor is
 * cli/subject-worker.ts, nor cli/clause-worker.ts). cli/clause-thread.ts by its own tests (core's helperPairs, which its worker
 * runs, by core/compare/clause-helper.test.ts, in this thread). cli/subject-thread.ts by its own tests (its code that a worker thread runs is tested here too:
 * the same functions, in the in-thread cases).
 * core/compare/minhash.ts by its own tests and core/compare/bounded.test.ts (the crowded-bucket and once-per-pair
 * tests, about 2 s): core/compare's other users of it (corpus.test.ts, laws.test.ts) build whole corpora and test
 * the families they make, which a changed signature rarely alters but each mutant would pay for.
 * electron/autobackup.ts by its own tests (the IPC and preload tests import it too, but test the bridge, not the backups).
 * The parser's stages in core/corpus (decode, lines, markers, numerals, paragraphs, furniture, database-fields, segment, assemble)
 * by the folder's test files that give them hand-made text (the stages' own tests, structure and metadata, and
 * layouts.test.ts's small fixtures), not by those that build the real seeds or the real-text set (seeds.test.ts,
 * 3.5 s a run outside Stryker; realtext.test.ts) or test the build's files (ids, file-stream, library-head):
 * every build runs every stage, so each of these mutants ran every such build, about 10 s a mutant (structure.ts:
 * 368 mutants in 63 minutes), hours for the stages' 2,551 mutants.
 * The other files of core/corpus that no stage is, by the light test files that exercise them, for the same reason
 * (seeds.test.ts and realtext.test.ts build whole corpora): build.ts by the tests of small hand-made builds (build, ids,
 * file-stream, library-head), patterns.ts by its own tests (its constants are patterns read at import, so every
 * mutant is static and would run every stage's tests: 12 files a mutant),
 * restore.ts, units.ts, unit-id.ts and library-head.ts by their own, doc-ids.ts by its own and library-filters.test.ts
 * (which sorts corpus and user documents apart), common-hanzi.ts by decode.test.ts (its
 * one user), law-meta.ts by its own tests and the stages' (which read laws' dates and notes through it).
 * A target not listed here (renderer/db) keeps the whole unit suite.
 */
// (Listed one by one: MUTATE_TESTS is split at commas, so a {a,b} glob does not survive it.)
const PARSER_STAGE_TESTS = ['decode', 'lines', 'markers', 'numerals', 'paragraphs', 'paragraphs-layout', 'paragraphs-law-meta', 'furniture', 'database-fields', 'segment', 'segment-titles', 'segment-compilation', 'assemble', 'structure', 'structure-shapes', 'metadata', 'layouts'].map((f) => `core/corpus/${f}.test.ts`);
/**
 * core/search's files against the folder's tests but two: property.test.ts (40 s on the real corpus, which made a
 * mutant that loops time out after minutes) and counted-postings.test.ts (1,500 random units built by the counting
 * build and by lunr's reference, 3 s outside Stryker, past the 30 s test timeout once every statement of the
 * per-character loops counts coverage). The postings build (bigram-table, counted-postings, lunr-postings,
 * term-postings) against the small hand-made builds of postings-build.test.ts alone: bigram-table.test.ts's
 * 5,000 random keys took 13 s a run once instrumented, which every one of the table's mutants paid.
 */
const SEARCH_SLOW_TESTS = ['property.test.ts', 'counted-postings.test.ts'];
const searchTests = () =>
  readdirSync('core/search')
    .filter((f) => f.endsWith('.test.ts') && !SEARCH_SLOW_TESTS.includes(f))
    .map((f) => `core/search/${f}`);
const COMPARE_LIGHT_TESTS = {
  subject: ['subject', 'subject-terms'],
  'subject-terms': ['subject-terms', 'subject'],
  'subject-vocabulary': ['subject-vocabulary', 'subject'],
  'clause-matches': ['clause-matches', 'clause-helper', 'detect', 'clause-lists', 'prepared-cache'],
  'clause-helper': ['clause-helper'],
  'clause-lists': ['clause-lists', 'units-to-rematch'],
  'clause-state': ['clause-lists'],
  'band-buckets': ['band-buckets', 'clause-lists', 'units-to-rematch'],
  detect: ['detect', 'bounded', 'artifact', 'clause-lists'],
  common: ['common', 'common-counts', 'bounded'],
  'common-counts': ['common-counts'],
  'shared-counts': ['shared-counts'],
  restore: ['restore', 'shards'],
  format: ['restore', 'shards', 'artifact'],
  shards: ['shards', 'restore'],
  'prepared-cache': ['prepared-cache'],
  'pair-counts': ['pair-counts', 'shared-counts'],
  artifact: ['artifact', 'prepared-cache'],
  place: ['place'],
};
const OWN_TESTS = [
  { target: /^core\/search\/(bigram-table|counted-postings|lunr-postings|term-postings)\.ts$/, tests: () => ['core/search/postings-build.test.ts'] },
  { target: /^core\/search\/(index-update|previous-index|byte-writer)\.ts$/, tests: () => ['core/search/index-update.test.ts'] },
  { target: /^core\/search\/[^/]+\.ts$/, tests: searchTests },
  { target: /^core\/compare\/minhash\.ts$/, tests: () => ['core/compare/minhash.test.ts', 'core/compare/bounded.test.ts', 'core/compare/clause-helper.test.ts'] },
  // core/compare's detection, matching, storage and placing files by the folder's light test files (small hand-made
  // documents, each run inside a test), not corpus.test.ts or laws.test.ts, whose beforeAll builds make every mutant they reach static.
  ...Object.entries(COMPARE_LIGHT_TESTS).map(([file, tests]) => ({ target: new RegExp(`^core/compare/${file}\\.ts$`), tests: () => tests.map((f) => `core/compare/${f}.test.ts`) })),
  { target: /^core\/?$/, tests: () => ['core/**/*.test.ts'] },
  // database-fields.ts also by the real exports and pages it reads (database-exports.test.ts: 30 small files, about 1.5 s).
  { target: /^core\/corpus\/database-fields\.ts$/, tests: () => [...PARSER_STAGE_TESTS, 'core/corpus/database-exports.test.ts'] },
  // addressees.ts by its own tests, the stages' (assemble reads the header through it) and the real gov.cn pages.
  { target: /^core\/corpus\/addressees\.ts$/, tests: () => ['core/corpus/addressees.test.ts', ...PARSER_STAGE_TESTS, 'core/corpus/database-exports.test.ts'] },
  // orders.ts by its own tests, the stages' (segment and assemble read orders through it) and the real gov.cn pages.
  { target: /^core\/corpus\/orders\.ts$/, tests: () => ['core/corpus/orders.test.ts', ...PARSER_STAGE_TESTS, 'core/corpus/database-exports.test.ts'] },
  { target: /^core\/corpus\/(decode|lines|markers|numerals|paragraphs|furniture|segment|assemble)\.ts$/, tests: () => PARSER_STAGE_TESTS },
  { target: /^core\/corpus\/build\.ts$/, tests: () => ['build', 'ids', 'file-stream', 'library-head', 'markdown-set', 'deferred-units'].map((f) => `core/corpus/${f}.test.ts`) },
  { target: /^core\/corpus\/deferred-units\.ts$/, tests: () => ['core/corpus/deferred-units.test.ts', 'core/compare/prepared-cache.test.ts'] },
  { target: /^core\/corpus\/file-stream\.ts$/, tests: () => ['file-stream', 'build', 'library-head'].map((f) => `core/corpus/${f}.test.ts`) },
  { target: /^core\/corpus\/patterns\.ts$/, tests: () => ['core/corpus/patterns.test.ts'] },
  { target: /^core\/corpus\/(restore|units|unit-id|library-head)\.ts$/, tests: (m) => [`core/corpus/${m[1]}.test.ts`] },
  { target: /^core\/corpus\/law-meta\.ts$/, tests: () => ['core/corpus/law-meta.test.ts', ...PARSER_STAGE_TESTS] },
  { target: /^core\/corpus\/doc-ids\.ts$/, tests: () => ['core/corpus/doc-ids.test.ts', 'core/corpus/library-filters.test.ts'] },
  { target: /^core\/corpus\/common-hanzi\.ts$/, tests: () => ['core/corpus/decode.test.ts'] },
  { target: /^core\/([^/]+?)(\/|\.ts$|$)/, tests: (m) => [m[2] === '.ts' ? 'core/*.test.ts' : `core/${m[1]}/**/*.test.ts`] },
  { target: /^cli\/corpus-files\.ts$/, tests: () => ['cli/corpus-files.test.ts', 'cli/corpus-switch.test.ts', 'cli/version-files.test.ts'] },
  { target: /^cli\/version-files\.ts$/, tests: () => ['cli/version-files.test.ts', 'cli/version-files-nolinks.test.ts'] },
  { target: /^cli\/doc-hashes\.ts$/, tests: () => ['cli/doc-hashes.test.ts'] },
  { target: /^cli\/variant-shards\.ts$/, tests: () => ['cli/variant-shards.test.ts'] },
  { target: /^cli\/variants-cache\.ts$/, tests: () => ['cli/variants-cache.test.ts'] },
  { target: /^cli\/(read-ahead|read-into)\.ts$/, tests: () => ['cli/read-ahead.test.ts', 'cli/variants-cache.test.ts'] },
  { target: /^cli\/parse-pool\.ts$/, tests: () => ['cli/parse-cache.test.ts'] },
  { target: /^cli\/parse-cache\.ts$/, tests: () => ['cli/parse-cache.test.ts'] },
  { target: /^cli\/search-update\.ts$/, tests: () => ['cli/search-update.test.ts', 'cli/corpus-folder.test.ts', 'cli/parser-fingerprint.test.ts'] },
  { target: /^cli\/(variants-pool|packed-sets)\.ts$/, tests: () => ['cli/variants-pool.test.ts'] },
  { target: /^cli\/subject-thread\.ts$/, tests: () => ['cli/subject-thread.test.ts'] },
  { target: /^cli\/clause-thread\.ts$/, tests: () => ['cli/clause-thread.test.ts'] },
  { target: /^cli\/parser-fingerprint\.ts$/, tests: () => ['cli/parser-fingerprint.test.ts'] },
  { target: /^electron\/autobackup\.ts$/, tests: () => ['electron/autobackup.test.ts'] },
];

/** The unit test files a run over these targets needs, or null for the whole unit suite. */
export function testGlobs(targets) {
  const globs = [];
  for (const t of targets) {
    const name = t.replace(/^\.\//, '').replace(LINE_RANGE, '');
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
 * Equivalent mutants (survivors no test can kill, because the program does the same thing with or
 * without them) are listed with why in mutation/equivalents/, one file per folder, instead of
 * tests that pin the code.
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
