import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Child processes and a Redis lease running out take seconds, not milliseconds.
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 90_000, hookTimeout: 30_000 } }));
