import { type ChildProcess, spawn } from 'node:child_process';

/** A bench child process: a TypeScript file run with tsx, speaking `KEY <json>` lines on stdout. */
export interface BenchChild {
  process: ChildProcess;
  /** The port of its first `PORT <n>` line. */
  port: number;
  /** Resolves with the JSON of the next `<key> <json>` line (or one already printed and not yet taken). */
  next<T>(key: string): Promise<T>;
  /** SIGTERM, and SIGKILL when it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Options of {@link startChild}. */
export interface StartChildOptions {
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts `file` with `node --conditions=source --import tsx` and waits for its `PORT <n>` line. The child gets a
 * stdin pipe: with {@link exitWithParent} it exits when this process goes away, so nothing is left running.
 */
export async function startChild(file: string, args: string[], options: StartChildOptions = {}): Promise<BenchChild> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', ...(options.nodeArgs ?? []), file, ...args],
    { stdio: ['pipe', 'pipe', 'inherit'], env: options.env ?? process.env },
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const seen = new Map<string, unknown[]>();
  const waiting = new Map<string, ((value: unknown) => void)[]>();
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
      const m = /^([A-Z_]+) (.*)$/.exec(line);
      if (!m) continue;
      const value: unknown = JSON.parse(m[2]!);
      const queue = waiting.get(m[1]!);
      const resolve = queue?.shift();
      if (resolve) resolve(value);
      else seen.set(m[1]!, [...(seen.get(m[1]!) ?? []), value]);
    }
  });
  const next = <T>(key: string): Promise<T> => {
    const ready = seen.get(key);
    if (ready && ready.length > 0) return Promise.resolve(ready.shift() as T);
    return new Promise<T>((resolve, reject) => {
      waiting.set(key, [...(waiting.get(key) ?? []), resolve as (value: unknown) => void]);
      void exited.then(() =>
        reject(new Error(`${file} exited (code ${child.exitCode}, signal ${child.signalCode}) before printing ${key}`)),
      );
    });
  };
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await next<number>('PORT');
    return { process: child, port, next, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Prints a `KEY <json>` line for the parent's {@link BenchChild.next}. */
export function report(key: string, value: unknown): void {
  process.stdout.write(`${key} ${JSON.stringify(value)}\n`);
}

/** In a child: exit when the parent closes our stdin (it ended or crashed), so no bench process outlives its run. */
export function exitWithParent(): void {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
