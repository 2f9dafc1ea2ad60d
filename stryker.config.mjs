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

const targets = process.env.MUTATE_TARGETS ? process.env.MUTATE_TARGETS.split(',') : DEFAULT_TARGETS;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: mutateGlobs(targets),
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  // A mutant that makes a loop endless is killed by this, not left to hang the run.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportScoreTable: true, allowEmojis: false, logTests: false },
  // The sandbox copy needs the sources, the raw corpus and the configs, not build output.
  ignorePatterns: ['dist', 'out', 'release', 'test-results', 'reports', 'resources/corpus/docs', 'resources/corpus/search', 'resources/corpus/*.json', 'resources/corpus/current', 'resources/corpus/versions', 'resources/corpus/cache', '.git'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Type errors are caught by `npm run typecheck`; the TypeScript checker would type-check every
  // mutant on two cores and roughly double a run, for mutants the tests mostly kill anyway.
  disableTypeChecks: true,
};

export default config;
