import type { Logger } from '../logger.js';
import type { LockStore } from '../store/store.js';
import { startHeartbeat } from '../work/heartbeat.js';
import { createSemaphore } from '../work/semaphore.js';
import type { Sleeper } from '../work/sleeper.js';

/** A task's outcome: it ran, or the worker closed before it could. */
export type RunResult<T> = { ran: true; value: T } | { ran: false };

/** Runs tasks one at a time per conversation, and at most `concurrency` conversations at once. */
export interface ConversationRunner {
  run<T>(key: string, task: () => Promise<T>): Promise<RunResult<T>>;
}

/** Options of {@link createConversationRunner}. */
export interface ConversationRunnerOptions {
  locks: LockStore;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  sleeper: Sleeper;
  logger: Logger;
}

/**
 * Order within this process comes from a promise chain per conversation; order across processes from a store
 * lock per conversation, held (and renewed) while the task runs. Tasks queue in the order `run` is called.
 */
export function createConversationRunner(options: ConversationRunnerOptions): ConversationRunner {
  const { locks, sleeper, logger } = options;
  const slots = createSemaphore(options.concurrency);
  const chains = new Map<string, Promise<unknown>>();

  const lock = async (name: string): Promise<string | undefined> => {
    for (;;) {
      const token = await locks.acquire(name, options.leaseMs);
      if (token !== null) return token;
      // Another process is handling this conversation; wait our turn.
      if (!(await sleeper.sleep(options.pollMs))) return undefined;
    }
  };

  const exclusive = async <T>(key: string, task: () => Promise<T>): Promise<RunResult<T>> => {
    const name = `loket:conversation:${key}`;
    const token = await lock(name);
    if (token === undefined) return { ran: false };
    const stopBeat = startHeartbeat(options.leaseMs, () => locks.extend(name, token, options.leaseMs), logger, {
      conversation: key,
    });
    const release = await slots.acquire();
    try {
      return { ran: true, value: await task() };
    } finally {
      release();
      stopBeat();
      await locks.release(name, token).catch((err: unknown) => {
        // The lock expires on its own; the next worker only waits a little longer.
        logger.warn({ conversation: key, err }, 'could not release a conversation lock');
      });
    }
  };

  return {
    run(key, task) {
      const previous = chains.get(key) ?? Promise.resolve();
      const result = previous.then(() => exclusive(key, task));
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      chains.set(key, tail);
      void tail.then(() => {
        if (chains.get(key) === tail) chains.delete(key);
      });
      return result;
    },
  };
}
