import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The app is CommonJS; its test is an ES module (.mts) that starts it as a user would, with require().
export default mergeConfig(shared, defineConfig({ test: { include: ['src/**/*.test.mts'] } }));
