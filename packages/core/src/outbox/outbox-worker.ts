import type { Logger } from '../logger.js';
import type { LeasedJob, Store } from '../store/store.js';
import type { OutboxSettings } from './outbox-types.js';

/** The outbox worker's loop: it leases due jobs and hands each to `run`. */
export interface OutboxWorker {
  start(): void;
  /** New jobs were stored here: look soon, not on the caller's stack. */
  wake(): void;
  /** Stops leasing and waits for the sends in flight; unfinished jobs stay in the store for the next start. */
  close(): Promise<void>;
}

/**
 * Leases jobs only when a slot is free (the rest stay leasable by other processes), at start, every `pollMs`,
 * and when woken; `run` never rejects (it logs and leaves the job to its lease).
 */
export function createOutboxWorker(options: {
  store: Store;
  settings: OutboxSettings;
  logger: Logger;
  run(job: LeasedJob): Promise<void>;
}): OutboxWorker {
  const { store, settings, logger } = options;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let ticking: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const round = async (): Promise<void> => {
    do {
      again = false;
      const room = settings.concurrency - inFlight.size;
      if (room <= 0) return;
      const jobs = await store.outbox.lease({ limit: room, leaseMs: settings.leaseMs });
      for (const job of jobs) {
        const work = options.run(job);
        inFlight.add(work);
        void work.finally(() => {
          inFlight.delete(work);
          worker.wake();
        });
      }
      if (jobs.length === room) again = true;
    } while (again && running);
  };

  const tick = (): void => {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    clearTimeout(timer);
    ticking = round()
      .catch((err: unknown) => logger.error({ err }, 'could not lease from the outbox: trying again at the next poll'))
      .finally(() => {
        ticking = undefined;
        if (running) timer = setTimeout(tick, again ? 0 : settings.pollMs);
      });
  };

  const worker: OutboxWorker = {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    wake() {
      if (!running) return;
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    },
    async close() {
      running = false;
      clearTimeout(timer);
      await ticking;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
  return worker;
}
