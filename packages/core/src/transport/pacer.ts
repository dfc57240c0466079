import type { Pacing } from '../model/capabilities.js';
import { createBucket, isFull, type TokenBucket, takeToken, waitForToken } from './token-bucket.js';

/** Who a message goes to, for pacing. */
export interface PaceKey {
  channel: string;
  account: string;
  recipient: string;
}

/** Spaces out sends before the platform has to say 429 (DESIGN "Pacing"). */
export interface Pacer {
  /** Resolves when one more message may go to this recipient from this account. */
  acquire(key: PaceKey, pacing: Pacing): Promise<void>;
  /** How many buckets are held now (idle ones are dropped); for health checks and tests. */
  size(): number;
}

const SWEEP_EVERY_MS = 60_000;
const SEP = '\u001f';

/**
 * Creates a pacer with a token bucket per business account (`perSecond`, bursts of `burst`, default
 * max(1, perSecond)) and one per recipient (one message per `intervalMs`, bursts of `burst`, default 1:
 * the WhatsApp pair rate limit, PLATFORM_RULES §1.8).
 *
 * @example
 * const pacer = createPacer();
 * await pacer.acquire({ channel: 'whatsapp', account: phoneId, recipient: waId }, adapter.capabilities.pacing);
 */
export function createPacer(options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): Pacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const buckets = new Map<string, TokenBucket>();
  let lastSweep = now();

  function bucket(key: string, capacity: number, perMs: number, at: number): TokenBucket {
    let found = buckets.get(key);
    if (!found) {
      found = createBucket(capacity, perMs, at);
      buckets.set(key, found);
    }
    // Pacing can change between calls (a throughput upgrade): the bucket follows.
    found.capacity = capacity;
    found.perMs = perMs;
    return found;
  }

  function bucketsFor(key: PaceKey, pacing: Pacing, at: number): TokenBucket[] {
    const out: TokenBucket[] = [];
    const account = pacing.perAccount;
    if (account) {
      const capacity = account.burst ?? Math.max(1, account.perSecond);
      out.push(bucket([key.channel, key.account].join(SEP), capacity, account.perSecond / 1000, at));
    }
    const recipient = pacing.perRecipient;
    if (recipient) {
      const id = [key.channel, key.account, key.recipient].join(SEP);
      out.push(bucket(id, recipient.burst ?? 1, 1 / recipient.intervalMs, at));
    }
    return out;
  }

  function sweep(at: number): void {
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    for (const [key, b] of buckets) if (isFull(b, at)) buckets.delete(key);
  }

  async function acquire(key: PaceKey, pacing: Pacing): Promise<void> {
    for (;;) {
      const at = now();
      sweep(at);
      // Looked up on every turn: a sweep may have dropped a bucket that filled up while we slept.
      const held = bucketsFor(key, pacing, at);
      const wait = Math.max(0, ...held.map((b) => waitForToken(b, at)));
      if (wait === 0) {
        for (const b of held) takeToken(b, at);
        return;
      }
      await sleep(wait);
    }
  }

  return { acquire, size: () => buckets.size };
}
