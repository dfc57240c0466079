import {
  type AdapterRuntime,
  type ConversationRef,
  gcraStep,
  LoketError,
  loketMessage,
  type RateStore,
} from '@loket/core';
import { isFreeReply } from './twitter-dm-free-reply.js';

/** X's DM limits the adapter keeps under (PLATFORM_RULES 4.6, 4.8). */
export interface XLimits {
  per15Minutes: number;
  perDay: number;
  appPerDay: number;
  freeReplies: number;
}

const MINUTES_15 = 15 * 60_000;
const DAY = 24 * 3_600_000;

/** The same limits as the store's rates (core's GCRA step), in this process only: for an adapter not on a gateway. */
function localRates(now: () => number): RateStore {
  const tats = new Map<string, number>();
  return {
    async take(key, limit) {
      const step = gcraStep(tats.get(key), now(), limit);
      if (step.tat !== undefined) tats.set(key, step.tat);
      return step.waitMs;
    },
  };
}

/** The adapter's pacing: free replies pass; other sends take from the 15-minute, daily and app-wide allowances. */
export interface XPacer {
  /** Resolves when the send may go; throws `RATE_LIMITED` (with `retryAfterMs`) before any HTTP call otherwise. */
  admit(ref: ConversationRef): Promise<void>;
}

/** Builds the pacer; limits are shared through the store's rates when it has them. */
export function createXPacer(limits: XLimits, runtime: () => AdapterRuntime | undefined, now: () => number): XPacer {
  const local = localRates(now);
  return {
    async admit(ref) {
      const bound = runtime();
      if (bound && (await isFreeReply(ref, limits.freeReplies, bound, now()))) return;
      const rates = bound?.store.rates ?? local;
      const checks = [
        [`loket:twitter-dm:15m:${ref.account}`, limits.per15Minutes, MINUTES_15, '15-minute'],
        [`loket:twitter-dm:24h:${ref.account}`, limits.perDay, DAY, 'daily'],
        ['loket:twitter-dm:app:24h', limits.appPerDay, DAY, 'app-wide daily'],
      ] as const;
      for (const [key, count, windowMs, name] of checks) {
        if (count === 0) continue;
        const wait = await rates.take(key, { count, windowMs });
        if (wait > 0) {
          throw new LoketError(
            'RATE_LIMITED',
            loketMessage('twitter-dm', `the ${name} DM limit of ${count} for account ${ref.account} is used up`),
            { channel: 'twitter-dm', retryable: true, retryAfterMs: wait },
          );
        }
      }
    },
  };
}
