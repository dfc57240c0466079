#!/usr/bin/env node
// The `loket` launcher. It is committed (unlike dist/), so `npm install` on a fresh clone links a working bin:
//   - in a Loket checkout (src/ and tsconfig.json here, tsx installed), it runs the TypeScript sources with tsx,
//     resolving the workspace packages to their sources too: no build needed, never a stale dist;
//   - in an installed package, it runs the built dist/bin.js;
//   - otherwise it says what to run.
// LOKET_CLI_FROM=dist or LOKET_CLI_FROM=source forces one of the two.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'bin.js');
const source = join(root, 'src', 'bin.ts');
const from = process.env.LOKET_CLI_FROM;

function tsxLoader() {
  try {
    return pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
  } catch {
    return undefined; // tsx is a dev dependency of the Loket repo; an installed @loket/cli runs dist instead
  }
}

const inCheckout = existsSync(source) && existsSync(join(root, 'tsconfig.json'));
const loader = from === 'dist' || (!inCheckout && from !== 'source') ? undefined : tsxLoader();

if (loader) {
  const args = ['--conditions=source', '--import', loader, source, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  // Ctrl-C reaches the child directly (same process group); forwarding it too would be a second, forcing Ctrl-C.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else if (existsSync(dist)) {
  await import(pathToFileURL(dist).href);
} else {
  console.error(
    '[loket] [cli] the loket command is not built: run `npm run build` in the Loket repository ' +
      '(or `npm install` there, which brings tsx so the sources run directly), then try again',
  );
  process.exit(1);
}
