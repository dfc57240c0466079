import type { Capabilities } from '../model/capabilities.js';
import type { InboundEvent } from '../model/events.js';
import { logOnce } from '../call-adapter.js';
import { backoffDelay } from '../work/backoff.js';
import { beforeHandlers } from './event-bookkeeping.js';
import type { Sleeper } from '../work/sleeper.js';
import type { InboxWorkerOptions } from './worker-types.js';

/** How one event ended: handled (or nothing to do), already handled elsewhere, failed for good, or cut short. */
export type EventOutcome =
  | { kind: 'done' }
  | { kind: 'skipped' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'interrupted' };

/** The dedupe key: event ids are unique per channel only. */
export function dedupeKey(event: InboundEvent): string {
  return `loket:event:${event.channel}:${event.id}`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Handles one event: claim its id (skip it when done or being handled elsewhere), the bookkeeping, then the
 * handlers. A throwing handler gives the claim back and is tried again in place after a backoff, up to
 * `retry.attempts` tries. Store failures are thrown to the caller (the whole item is retried later).
 */
export async function handleEvent(
  event: InboundEvent,
  capabilities: Capabilities,
  options: InboxWorkerOptions,
  sleeper: Sleeper,
): Promise<EventOutcome> {
  const { store, logger, retry } = options;
  const key = dedupeKey(event);
  // The claim lives as long as a lease: if this process dies, the event becomes claimable again.
  let token = await store.dedupe.claim(key, options.leaseMs);
  if (token === null) return { kind: 'skipped' };

  let delivered: InboundEvent | undefined;
  try {
    delivered = await beforeHandlers(event, capabilities, options);
  } catch (err) {
    await store.dedupe.release(key, token);
    throw err;
  }
  if (delivered === undefined) {
    await store.dedupe.complete(key, token, options.dedupeTtlMs);
    return { kind: 'done' };
  }

  const fields = { eventId: event.id, eventType: event.type, channel: event.channel };
  for (let attempt = 1; ; attempt++) {
    try {
      await options.deliver(delivered, attempt);
    } catch (err) {
      await store.dedupe.release(key, token);
      if (attempt >= retry.attempts) {
        logOnce(logger, 'error', err, `handler failed ${attempt} times: the event goes to the dead letters`, {
          ...fields,
          attempt,
        });
        return { kind: 'failed', error: err };
      }
      const delayMs = backoffDelay(
        { attempt, baseMs: retry.baseDelayMs, maxMs: retry.maxDelayMs, jitter: 'equal' },
        options.random,
      );
      logger.warn({ ...fields, attempt, delayMs, error: errorText(err) }, 'handler failed: trying again');
      if (!(await sleeper.sleep(delayMs))) return { kind: 'interrupted' };
      token = await store.dedupe.claim(key, options.leaseMs);
      // Someone else took it meanwhile (a redelivery in another process); it is theirs now.
      if (token === null) return { kind: 'skipped' };
      continue;
    }
    await store.dedupe.complete(key, token, options.dedupeTtlMs);
    return { kind: 'done' };
  }
}
