import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loaderScript, widgetBundle } from './widget-bundle.js';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const gz = (code: string) => gzipSync(code, { level: 9 }).length;

describe('the browser bundles', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-widget.mjs'], { cwd: PACKAGE });
  });

  it('stay within budget: widget + client 25 KB gzip, the loader 1.5 KB', () => {
    const widget = gz(widgetBundle().code);
    const loader = gz(loaderScript().code);
    // Measured sizes, for the README (`npm test -w @loket/webchat` prints them).
    console.log(`[loket] [webchat] widget.js ${widget} B gzip, loader ${loader} B gzip`);
    expect(widget).toBeLessThanOrEqual(25 * 1024);
    expect(loader).toBeLessThanOrEqual(1.5 * 1024);
  });

  it('serves the built widget.js, which defines the element and the command queue', () => {
    const code = widgetBundle().code;
    expect(code).toBe(readFileSync(`${PACKAGE}dist/widget.js`, 'utf8'));
    expect(code).toContain('loket-chat');
    expect(widgetBundle().etag).toMatch(/^"[\w-]{22}"$/);
  });

  it('keeps Node-only code out of the browser bundle', () => {
    const code = widgetBundle().code;
    for (const marker of ['undici', 'node:', 'require(']) expect(code).not.toContain(marker);
  });
});
