import { existsSync } from 'node:fs';
import { packageBuild } from '../../tsup.shared.ts';
// @ts-expect-error: a plain .mjs module shared with scripts/build-widget.mjs
import { browserAlias } from './scripts/browser-alias.mjs';

export default [
  // Node: the server channel and widgetBundle().
  packageBuild({
    entry: {
      ...(existsSync('src/index.ts') ? { index: 'src/index.ts' } : {}),
      'bundle/index': 'src/bundle/index.ts',
    },
  }),
  // Browser (ESM for bundlers): the headless client and the custom element. widget.js and the loader come from
  // scripts/build-widget.mjs.
  packageBuild({
    entry: { 'client/index': 'src/client/index.ts', 'widget/index': 'src/widget/index.ts' },
    format: ['esm'],
    target: 'es2020',
    platform: 'browser',
    clean: false,
    esbuildOptions(o) {
      o.alias = browserAlias;
    },
  }),
];
