import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChildConfig } from './child-config.js';

const CHILD = fileURLToPath(new URL('./gateway-child.ts', import.meta.url));

/** A running gateway child process. */
export interface GatewayChild {
  /** `http://127.0.0.1:<port>/webhooks/whatsapp` */
  webhookUrl: string;
  process: ChildProcess;
  /** kill -9: no drain, no close, nothing flushed by us. */
  kill9(): Promise<void>;
  /** SIGTERM: the gateway drains its in-flight work and closes the store. */
  stop(): Promise<void>;
}

/** Starts `gateway-child.ts` with `node --conditions=source --import tsx` and waits for its port. */
export async function startGatewayChild(config: ChildConfig): Promise<GatewayChild> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error(`gateway child exited before listening: ${stderr}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    process: child,
    kill9: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

/** How often each event id was handled, over the handled files of all processes. */
export function handledCounts(files: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const id of readFileSync(file, 'utf8').split('\n')) {
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** Waits until `check` is true, polling; false when `timeoutMs` passed first. */
export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
