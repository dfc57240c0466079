import { defineConfig } from 'vitest/config';

// Vitest also hands these conditions to Node (`--conditions`), where they apply to require() too. Without
// 'import' here: with it, a CommonJS package requiring a dual package (pg requires pg-pool) would get the ESM
// build through require(esm) and break. Node and Vite add 'import' or 'require' by the kind of load anyway.
const conditions = ['source', 'module', 'node', 'default'];

/** Shared vitest settings: resolve workspace packages to their TypeScript sources (the `source` export condition). */
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
