import { defineConfig, type Options } from 'tsup';

/** The build every published `@loket/*` package shares: ESM + CJS + types for Node 20, from `src/index.ts`. */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    ...overrides,
  });
}
