import type { Capabilities } from '../model/capabilities.js';
import type { InboundEvent } from '../model/events.js';
import { logOnce } from '../call-adapter.js';
import { backoffDelay } from '../work/backoff.js';
import { beforeHandlers } from './event-bookkeeping.js';
import type { OwnClaims } from './own-claims.js';
import type { Sleeper } from '../work/sleeper.js';
import type { InboxWorkerOptions } from './worker-types.js';

/**
 * How one event ended: handled (or nothing to do), already handled, claimed by another worker (alive, or dead with
 * its claim not yet expired: the item is tried again later), failed for good, or cut short.
 */
export type EventOutcome =
  | { kind: 'done' }
  | { kind: 'skipped' }
  | { kind: 'held' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'interrupted' };

/** What {@link handleEvent} works with besides the worker's options. */
export interface EventDeps {
  sleeper: Sleeper;
  claims: OwnClaims;
}

/** The dedupe key: event ids are unique per channel only. */
export function dedupeKey(event: InboundEvent): string {
  return `loket:event:${event.channel}:${event.id}`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One claim on one event, and the store calls that end it; an end the store refused is kept for the next try. */
function claimOf(key: string, options: InboxWorkerOptions, claims: OwnClaims) {
  const { store } = options;
  const kept = claims.take(key);
  let token = kept?.token;
  let until = kept?.until ?? 0;
  const keepOnFailure = async (handled: boolean, step: (token: string) => Promise<void>) => {
    const held = token as string;
    try {
      await step(held);
    } catch (err) {
      claims.keep(key, { token: held, handled, until });
      throw err;
    }
  };
  return {
    /** The handlers already ran on a previous try whose completion was not stored. */
    handled: kept?.handled === true,
    /** Takes the claim (or keeps this process's own): a token, or why not. */
    async take(): Promise<'ours' | 'done' | 'held'> {
      if (token !== undefined) return 'ours';
      const at = options.now();
      const taken = await store.dedupe.claim(key, options.leaseMs);
      if (taken !== null) {
        token = taken;
        until = at + options.leaseMs;
        return 'ours';
      }
      // Acking a held event would lose it when its holder died mid-handler: only a done one is a duplicate.
      return (await store.dedupe.isDone(key)) ? 'done' : 'held';
    },
    complete: () => keepOnFailure(true, (t) => store.dedupe.complete(key, t, options.dedupeTtlMs)),
    async release() {
      await keepOnFailure(false, (t) => store.dedupe.release(key, t));
      token = undefined;
    },
  };
}

/**
 * Handles one event: claim its id (skip it when done, give it back when held elsewhere), the bookkeeping, then the
 * handlers. A throwing handler gives the claim back and is tried again in place after a backoff, up to
 * `retry.attempts` tries. Store failures are thrown to the caller (the whole item is retried later); a claim the
 * store could not release or complete stays this process's own for that next try.
 */
export async function handleEvent(
  event: InboundEvent,
  capabilities: Capabilities,
  options: InboxWorkerOptions,
  deps: EventDeps,
): Promise<EventOutcome> {
  const { logger, retry } = options;
  const claim = claimOf(dedupeKey(event), options, deps.claims);
  const first = await claim.take();
  if (first !== 'ours') return { kind: first === 'done' ? 'skipped' : 'held' };
  if (claim.handled) {
    await claim.complete();
    return { kind: 'done' };
  }

  let delivered: InboundEvent | undefined;
  try {
    delivered = await beforeHandlers(event, capabilities, options);
  } catch (err) {
    await claim.release();
    throw err;
  }
  if (delivered === undefined) {
    await claim.complete();
    return { kind: 'done' };
  }

  const fields = { eventId: event.id, eventType: event.type, channel: event.channel };
  for (let attempt = 1; ; attempt++) {
    try {
      await options.deliver(delivered, attempt);
    } catch (err) {
      await claim.release();
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
      if (!(await deps.sleeper.sleep(delayMs))) return { kind: 'interrupted' };
      // Someone else took it meanwhile (a redelivery in another process); it is theirs now.
      if ((await claim.take()) !== 'ours') return { kind: 'skipped' };
      continue;
    }
    await claim.complete();
    return { kind: 'done' };
  }
}
