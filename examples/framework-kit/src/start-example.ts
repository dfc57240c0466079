import { type ChildProcess, spawn } from 'node:child_process';

/** An example's server, started as its own process the way a user runs it. */
export interface RunningExample {
  /** The server's origin, e.g. `http://127.0.0.1:41234` (the routes are `/webhooks/<channel>`). */
  origin: string;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts `entry` with tsx (ESM, or CommonJS when `commonjs` is set, as a NestJS app compiles) and waits for the
 * line `listening on http://…` it prints. Rejects when the process exits first, with its stderr.
 */
export function startExample(
  entry: string,
  env: Record<string, string>,
  options: { commonjs?: boolean } = {},
): Promise<RunningExample> {
  const loader = options.commonjs ? ['--require', 'tsx/cjs'] : ['--import', 'tsx'];
  const conditions = options.commonjs ? [] : ['--conditions=source'];
  const child: ChildProcess = spawn(process.execPath, [...conditions, ...loader, entry], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const origin = /listening on (http:\/\/[^/\s]+)/.exec(d.toString())?.[1];
      if (origin) resolve({ origin, stderr: () => stderr, stop });
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before listening:\n${stderr}`)));
  });
}
