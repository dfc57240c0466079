import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The long run (`npm run fuzz`) may take minutes per fixture; the bounded run in `npm test` stays short.
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 600_000 } }));
