// Builds the browser files with esbuild: dist/widget.js (the IIFE the server serves at GET widget.js) and
// dist/loader.js (the snippet a page inlines). Sources only, so no other package needs building first.
import { build } from 'esbuild';
import { browserAlias } from './browser-alias.mjs';

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  alias: browserAlias,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['src/widget/iife.ts'], outfile: 'dist/widget.js' });
await build({ ...common, entryPoints: ['src/widget/loader.ts'], outfile: 'dist/loader.js' });
