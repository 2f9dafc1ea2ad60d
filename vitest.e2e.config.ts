import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real Chromium, real IndexedDB, the built renderer
// served by scripts/preview-server.ts. One file at a time: two Chromiums on a
// 2-core machine make timing-sensitive steps flaky.
export default defineConfig({
  test: {
    include: ['e2e/browser/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
