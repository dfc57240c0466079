import { type AdapterRuntime, type ConversationRef, LoketError, loketMessage, type RateStore } from '@loket/core';

/** X's DM limits the adapter keeps under (PLATFORM_RULES 4.6, 4.8). */
export interface XLimits {
  per15Minutes: number;
  perDay: number;
  appPerDay: number;
  freeReplies: number;
}

const MINUTES_15 = 15 * 60_000;
const DAY = 24 * 3_600_000;

/** Counts sends when the store has no shared rates: fixed windows in this process. */
function localRates(now: () => number): RateStore {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    async take(key, { count, windowMs }) {
      const at = now();
      let w = windows.get(key);
      if (!w || at - w.start >= windowMs) {
        w = { start: at, used: 0 };
        windows.set(key, w);
      }
      if (w.used >= count) return w.start + windowMs - at;
      w.used++;
      return 0;
    },
  };
}

/**
 * Whether this send is one of the free replies: within 24 h of the customer's last DM, and fewer than
 * `freeReplies` messages sent since (each new DM from the customer resets both). Read from the conversation log.
 */
async function isFreeReply(ref: ConversationRef, limits: XLimits, runtime: AdapterRuntime, at: number) {
  const log = runtime.store.log;
  const head = await log.head(ref);
  if (head === 0 || limits.freeReplies === 0) return false;
  const recent = await log.read(ref, { before: head + 1, limit: limits.freeReplies + 20 });
  let sent = 0;
  for (let i = recent.length - 1; i >= 0; i--) {
    const entry = recent[i];
    if (!entry) continue;
    if (entry.kind === 'outbound') sent++;
    else if (entry.kind === 'inbound' && (entry.data as { type?: unknown } | null)?.type === 'message') {
      return at - entry.at < DAY && sent < limits.freeReplies;
    }
  }
  return false;
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
      if (bound && (await isFreeReply(ref, limits, bound, now()))) return;
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
