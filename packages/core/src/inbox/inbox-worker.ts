import { LoketError, loketMessage } from '../errors.js';
import { createConversationRunner } from './conversation-runner.js';
import { runItem } from './run-item.js';
import { createSleeper } from './sleeper.js';
import type { InboxWorker, InboxWorkerOptions } from './worker-types.js';

/**
 * Creates the inbox worker. It leases verified webhook requests from the store, parses them, and hands the events
 * to the handlers: one at a time per conversation, many conversations in parallel, each event id once.
 * `createGateway` builds one for you; use this directly only for a process that handles webhooks another receives.
 *
 * @example
 * const worker = createInboxWorker({ store, adapters, policy, deliver, logger, now: Date.now,
 *   concurrency: 16, leaseMs: 30_000, pollMs: 250, retry: { attempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 },
 *   dedupeTtlMs: 7 * 86_400_000 });
 * worker.start();
 */
export function createInboxWorker(options: InboxWorkerOptions): InboxWorker {
  const { store, logger } = options;
  const sleeper = createSleeper();
  const runner = createConversationRunner({
    locks: store.locks,
    concurrency: options.concurrency,
    leaseMs: options.leaseMs,
    pollMs: options.pollMs,
    sleeper,
    logger,
  });
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let closed = false;
  let ticking: Promise<void> | undefined;
  let again = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => {
      inFlight.delete(work);
      worker.wake();
    });
  };

  const leaseRound = async (): Promise<void> => {
    do {
      again = false;
      // Leases are taken only for items we can start now; the rest stay free for other processes.
      const room = options.concurrency - inFlight.size;
      if (room <= 0) return;
      const items = await store.inbox.lease({ limit: room, leaseMs: options.leaseMs });
      for (const item of items) track(runItem(item, { options, runner, sleeper }));
      if (items.length === room) again = true;
    } while (again && running);
  };

  const tick = (): void => {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    clearTimeout(pollTimer);
    ticking = leaseRound()
      .catch((err: unknown) => logger.error({ err }, 'could not lease from the inbox: trying again at the next poll'))
      .finally(() => {
        ticking = undefined;
        // Woken while leasing: look again at once instead of waiting for the poll.
        if (running) pollTimer = setTimeout(tick, again ? 0 : options.pollMs);
      });
  };

  const worker: InboxWorker = {
    start() {
      if (closed)
        throw new LoketError('CONFIG', loketMessage('gateway', 'the inbox worker was closed: create a new gateway'));
      if (running) return;
      running = true;
      tick();
    },
    wake() {
      if (!running || wakeTimer !== undefined) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = undefined;
        tick();
      }, 0);
    },
    async close() {
      running = false;
      closed = true;
      clearTimeout(pollTimer);
      clearTimeout(wakeTimer);
      wakeTimer = undefined;
      sleeper.abort();
      await ticking;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
  return worker;
}
