import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The browser tests: chromium against a real gateway on SQLite, one file at a time (the machines are small).
export default defineConfig({
  ...shared,
  test: {
    include: ['browser-tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
