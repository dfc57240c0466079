import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const childRun = fileURLToPath(new URL('./child-run.ts', import.meta.url));
// By URL: a snippet runs in a temporary folder, where a bare `--import tsx` would not resolve.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How a snippet's run ended. */
export interface RunResult {
  /** `exited`: the process ended by itself; `up`: it finished its work and stayed up (a server), then was killed. */
  outcome: 'exited' | 'up' | 'timeout';
  code: number | null;
  listening: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env: Record<string, string>;
  cwd: string;
  /** How long a snippet that stays up is watched after its work is done, for late errors. */
  settleMs?: number;
  timeoutMs?: number;
}

/**
 * Runs a snippet module in a child process through tsx. It passes when the module completes and the process exits
 * 0, or when it completes and stays up (a server) without writing anything to stderr during `settleMs`.
 */
export function runSnippet(file: string, options: RunOptions): Promise<RunResult> {
  const { settleMs = 400, timeoutMs = 60_000 } = options;
  const child = spawn(process.execPath, ['--import', tsx, childRun, file], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  let listening = 0;
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    let outcome: RunResult['outcome'] = 'exited';
    const stop = (why: RunResult['outcome']) => {
      outcome = why;
      child.kill('SIGKILL');
    };
    const timeout = setTimeout(() => stop('timeout'), timeoutMs);
    child.on('message', (message: { done?: boolean; listening?: number }) => {
      if (!message.done) return;
      listening = message.listening ?? 0;
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) stop('up');
      }, settleMs);
    });
    child.on('exit', (code) => {
      clearTimeout(timeout);
      resolve({ outcome, code, listening, stdout, stderr });
    });
  });
}
