import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./race-child.ts', import.meta.url));

/** A running child: `next()` resolves with its next line of output. */
export interface Child {
  child: ChildProcessWithoutNullStreams;
  next: () => Promise<string>;
  exited: Promise<unknown>;
}

/** Starts the child process with `args` (database path, mode, count). */
export function startChild(args: string[]): Child {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, ...args]);
  const exited = new Promise((resolve) => child.once('close', resolve));
  const lines: string[] = [];
  let waiting: ((line: string) => void) | undefined;
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
    if (waiting && lines.length > 0) {
      const resolve = waiting;
      waiting = undefined;
      resolve(lines.shift()!);
    }
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      if (lines.length > 0) return resolve(lines.shift()!);
      waiting = resolve;
      exited.then(() => reject(new Error(`the race child exited early (${child.exitCode}): ${stderr}`)));
    });
  return { child, next, exited };
}

/**
 * Runs the race child in two processes on one database file, starts them at the same moment, and returns what
 * each printed (parsed JSON).
 */
export async function runTwoChildren<T>(args: string[]): Promise<[T, T]> {
  const children = [startChild(args), startChild(args)];
  for (const c of children) await c.next(); // "ready": both have the file open
  for (const c of children) c.child.stdin.write('go\n');
  const results = await Promise.all(children.map(async (c) => JSON.parse(await c.next()) as T));
  await Promise.all(children.map((c) => c.exited));
  return [results[0]!, results[1]!];
}
