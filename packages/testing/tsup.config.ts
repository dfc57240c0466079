import { defineConfig } from 'tsup';

const shared = {
  dts: true,
  sourcemap: true,
  target: 'node20',
  // The fixtures loader finds the package root from its own location, in ESM and CJS alike.
  shims: true,
} as const;

export default defineConfig([
  // The main entry carries the vitest suites, and vitest is ESM only: no CommonJS build for it.
  { ...shared, entry: ['src/index.ts'], format: ['esm'], clean: ['index.*'] },
  // `kit` is everything but the suites (emulator, signers, fixtures), for runtime users such as `loket dev`.
  { ...shared, entry: ['src/kit.ts'], format: ['esm', 'cjs'], clean: ['kit.*'] },
]);
