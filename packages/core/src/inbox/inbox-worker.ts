import { LoketError, loketMessage } from '../errors.js';
import { createConversationRunner } from './conversation-runner.js';
import { createLeaseLoop } from '../work/lease-loop.js';
import { createOwnClaims } from './own-claims.js';
import { runItem } from './run-item.js';
import { createSleeper } from '../work/sleeper.js';
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
  const claims = createOwnClaims(options.now);
  let closed = false;
  const loop = createLeaseLoop({
    queue: 'inbox',
    concurrency: options.concurrency,
    pollMs: options.pollMs,
    logger,
    lease: (limit) => store.inbox.lease({ limit, leaseMs: options.leaseMs }),
    run: (item) => runItem(item, { options, runner, sleeper, claims }),
  });

  const worker: InboxWorker = {
    start() {
      if (closed)
        throw new LoketError('CONFIG', loketMessage('gateway', 'the inbox worker was closed: create a new gateway'));
      loop.start();
    },
    wake: () => loop.wake(),
    async close() {
      closed = true;
      // Cut retry backoffs short: an item waiting for its next try goes back to the inbox instead.
      sleeper.abort();
      await loop.close();
    },
  };
  return worker;
}
