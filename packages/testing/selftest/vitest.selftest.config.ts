import { defineConfig } from 'vitest/config';
import shared from '../../../vitest.shared.ts';

/** Runs the suites against deliberately broken implementations (driven by the selftest runner tests in src/). */
export default defineConfig({ ...shared, test: { ...shared.test, include: ['selftest/**/*.selftest.ts'] } });
