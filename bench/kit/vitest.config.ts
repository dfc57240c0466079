import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// wrk runs as a child process: seconds, not milliseconds.
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 60_000 } }));
