import type { Logger } from '../logger.js';

/** A loop that leases work from a store queue and runs it, never more than `concurrency` at once. */
export interface LeaseLoop {
  start(): void;
  /** New work was stored here: look soon, not on the caller's stack. */
  wake(): void;
  /** Stops leasing and waits for the work in flight; what is not leased stays in the store. */
  close(): Promise<void>;
}

/** What a {@link LeaseLoop} leases and runs. */
export interface LeaseLoopOptions<T> {
  /** Named in log lines: `'inbox'`, `'outbox'`. */
  queue: string;
  concurrency: number;
  pollMs: number;
  logger: Logger;
  /** Leases up to `limit` due items. */
  lease(limit: number): Promise<T[]>;
  /** Runs one leased item; it should not reject (a rejection is logged and the item left to its lease). */
  run(item: T): Promise<void>;
}

/**
 * Leases only when a slot is free (the rest stay leasable by other processes): at start, every `pollMs`, and when
 * woken; and at once again when a lease round filled every free slot.
 */
export function createLeaseLoop<T>(options: LeaseLoopOptions<T>): LeaseLoop {
  const { logger } = options;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let ticking: Promise<void> | undefined;
  let again = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;

  const track = (work: Promise<void>): void => {
    const settled = work.catch((err: unknown) => logger.error({ err, queue: options.queue }, 'leased work failed'));
    inFlight.add(settled);
    void settled.finally(() => {
      inFlight.delete(settled);
      loop.wake();
    });
  };

  const leaseRound = async (): Promise<void> => {
    do {
      again = false;
      const room = options.concurrency - inFlight.size;
      if (room <= 0) return;
      const items = await options.lease(room);
      for (const item of items) track(options.run(item));
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
      .catch((err: unknown) =>
        logger.error(
          { err, queue: options.queue },
          `could not lease from the ${options.queue}: trying again at the next poll`,
        ),
      )
      .finally(() => {
        ticking = undefined;
        // Woken while leasing: look again at once instead of waiting for the poll.
        if (running) pollTimer = setTimeout(tick, again ? 0 : options.pollMs);
      });
  };

  const loop: LeaseLoop = {
    start() {
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
      clearTimeout(pollTimer);
      clearTimeout(wakeTimer);
      wakeTimer = undefined;
      await ticking;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
  return loop;
}
