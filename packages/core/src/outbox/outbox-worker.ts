import { createLeaseLoop, type LeaseLoop } from '../work/lease-loop.js';
import type { Logger } from '../logger.js';
import type { LeasedJob, Store } from '../store/store.js';
import type { OutboxSettings } from './outbox-types.js';

/** The outbox worker's loop: it leases due jobs and hands each to `run`. */
export type OutboxWorker = LeaseLoop;

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
  const { store, settings } = options;
  return createLeaseLoop({
    queue: 'outbox',
    concurrency: settings.concurrency,
    pollMs: settings.pollMs,
    logger: options.logger,
    lease: (limit) => store.outbox.lease({ limit, leaseMs: settings.leaseMs }),
    run: options.run,
  });
}
