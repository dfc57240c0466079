import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The snippet tests are concurrent and wait for child processes (one tsc, one vitest over the conformance
// snippets, at most two snippet processes at a time): all of them may be pending at once.
export default mergeConfig(
  shared,
  defineConfig({ test: { testTimeout: 240_000, hookTimeout: 60_000, maxConcurrency: 100 } }),
);
