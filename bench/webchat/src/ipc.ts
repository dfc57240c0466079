// Request/response over the IPC channel of a forked child: the runner calls, the child answers.
import { type ChildProcess, fork } from 'node:child_process';

interface Request {
  id: number;
  type: string;
  body: unknown;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** A forked bench process the runner talks to. */
export interface BenchChild {
  /** Asks the child to run its handler `type`; resolves with its answer, rejects with its error or on exit. */
  call<T>(type: string, body?: unknown): Promise<T>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

/** Forks `file` (a .ts module, through the same tsx loader as this process) with extra node flags. */
export function forkChild(file: string, args: string[] = [], nodeFlags: string[] = []): BenchChild {
  const child: ChildProcess = fork(file, args, { execArgv: [...process.execArgv, ...nodeFlags] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      for (const p of pending.values()) p.reject(new Error(`${file} exited (${signal ?? code})`));
      pending.clear();
      resolve();
    }),
  );
  child.on('message', (message) => {
    const reply = message as Reply;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(reply.error));
  });
  return {
    call<T>(type: string, body?: unknown): Promise<T> {
      if (exited) return Promise.reject(new Error(`${file} is not running`));
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, type, body } satisfies Request);
      });
    },
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/** In a child: answers the runner's calls with `handlers[type](body)`; exits on SIGTERM. */
export function serveCalls(handlers: Record<string, (body: never) => unknown>): void {
  process.on('message', async (message) => {
    const { id, type, body } = message as Request;
    let reply: Reply;
    try {
      const handler = handlers[type];
      if (!handler) throw new Error(`no handler ${type}`);
      reply = { id, ok: true, result: await handler(body as never) };
    } catch (err) {
      reply = { id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    process.send?.(reply);
  });
  process.on('SIGTERM', () => process.exit(0));
}
