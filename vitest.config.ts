import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Builds resources/corpus when missing (fresh clone), for the tests on the real corpus.
    globalSetup: ['scripts/ensure-corpus.ts'],
    testTimeout: 30_000,
  },
});
