import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium and Firefox ESR with the e2e build (npm run build:e2e) loaded.
// One file at a time (each launches browsers), long timeouts, no retries: a flaky e2e test is a bug to fix.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
