import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../cli/cli-io.js';

/** A CliIo that keeps what was printed; `stop()` ends a running `loket dev`. */
export interface MemoryIo extends CliIo {
  readonly lines: string[];
  readonly errors: string[];
  text(): string;
  stop(): void;
}

/** An io in a fresh temp directory with an empty environment and stdin (unless given). */
export function memoryIo(
  options: { env?: Record<string, string>; cwd?: string; stdin?: string | Uint8Array } = {},
): MemoryIo {
  const lines: string[] = [];
  const errors: string[] = [];
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  return {
    lines,
    errors,
    out: (t) => lines.push(t),
    err: (t) => errors.push(t),
    readStdin: async () =>
      typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array()),
    env: options.env ?? {},
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'loket-cli-')),
    untilStopped: () => stopped,
    text: () => [...lines, ...errors].join('\n'),
    stop: () => stop(),
  };
}
