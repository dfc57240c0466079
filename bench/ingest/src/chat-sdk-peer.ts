import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The peer's packages: the two the issue names, and the in-memory state its `Chat` needs to run at all. */
const PACKAGES = ['chat', '@chat-adapter/whatsapp', '@chat-adapter/state-memory'];

/**
 * Installs Chat SDK into a scratch folder under the OS temp dir (never a dependency of this project), or reuses the
 * one a previous run installed. Undefined, with the reason printed, when the install fails (offline, registry down).
 */
export function installChatSdk(): string | undefined {
  const dir = join(tmpdir(), 'loket-bench-chat-sdk');
  if (PACKAGES.every((p) => existsSync(join(dir, 'node_modules', p, 'package.json')))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "loket-bench-chat-sdk", "private": true, "type": "module" }\n');
  try {
    console.log(`installing the Chat SDK peer into ${dir} (npm install ${PACKAGES.join(' ')})`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    });
    return dir;
  } catch (err) {
    const why = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ') ?? String(err);
    console.log(`Chat SDK peer skipped: npm install failed in ${dir} (${why || String(err)})`);
    return undefined;
  }
}

/** The installed peer's version, for the table. */
export function chatSdkVersion(dir: string): string {
  const file = join(dir, 'node_modules', 'chat', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
