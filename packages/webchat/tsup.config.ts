import { existsSync } from 'node:fs';
import { packageBuild } from '../../tsup.shared.ts';

// The browser entries ship as ESM; widget.js (the IIFE) and the loader are built by scripts/build-widget.mjs.
export default packageBuild({
  entry: {
    ...(existsSync('src/index.ts') ? { index: 'src/index.ts' } : {}),
    'client/index': 'src/client/index.ts',
    'widget/index': 'src/widget/index.ts',
    'bundle/index': 'src/bundle/index.ts',
  },
  format: ['esm'],
  clean: false,
});
