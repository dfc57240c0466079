import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoketError } from '@loket/core';

/** One built browser file, ready to serve. */
export interface BuiltFile {
  /** The JavaScript source. */
  code: string;
  /** A strong ETag over the bytes, quoted. */
  etag: string;
  contentType: 'text/javascript; charset=utf-8';
}

const cache = new Map<string, BuiltFile>();

/** The package's `dist/<name>`, found upward from this module (it runs from src/bundle or dist/bundle). */
function findBuilt(name: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'dist', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

function load(name: string): BuiltFile {
  const hit = cache.get(name);
  if (hit) return hit;
  const path = findBuilt(name);
  if (!path) {
    throw new LoketError(
      'CONFIG',
      `[loket] [webchat] ${name} is not built: run npm run build -w @loket/webchat (scripts/build-widget.mjs)`,
    );
  }
  const code = readFileSync(path, 'utf8');
  const file: BuiltFile = {
    code,
    etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"`,
    contentType: 'text/javascript; charset=utf-8',
  };
  cache.set(name, file);
  return file;
}

/**
 * The built `widget.js` (the IIFE that defines `<loket-chat>` and `window.Loket`), for the server's
 * `GET <basePath>/webchat/v1/widget.js`. Read once, then kept in memory.
 *
 * @example
 * const { code, etag, contentType } = widgetBundle();
 * res.writeHead(200, { 'content-type': contentType, etag, 'cache-control': 'public, max-age=300' }).end(code);
 */
export function widgetBundle(): BuiltFile {
  return load('widget.js');
}

/** The loader, for pages to inline in a `<script>` before `<loket-chat>` (see the package README). */
export function loaderScript(): BuiltFile {
  return load('loader.js');
}
