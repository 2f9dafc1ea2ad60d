import { defineConfig } from 'vitest/config';

// Electron end-to-end tests (Playwright `_electron`). They need the Electron
// binary; without it (e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)
// every suite is skipped with a message saying why.
export default defineConfig({
  test: {
    include: ['e2e/electron/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/electron/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
