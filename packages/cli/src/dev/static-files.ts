import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The console's files: `console/` of this package, found upward from this module (src/dev or dist). */
export function consoleDir(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'console');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(from), 'console');
}

/** Serves `/` and the console's assets; false when the path is not one of them. */
export function serveStatic(path: string, res: ServerResponse, dir: string): boolean {
  const name =
    path === '/' || path === '/console' || path === '/console/' ? 'index.html' : path.replace(/^\/(console\/)?/, '');
  if (!/^[a-z-]+\.(html|css|js|svg)$/.test(name)) return false;
  const file = join(dir, name);
  if (!existsSync(file)) return false;
  const type = TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(readFileSync(file));
  return true;
}
