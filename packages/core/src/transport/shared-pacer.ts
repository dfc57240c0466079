import { toLoketError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import type { Pacing } from '../model/capabilities.js';
import type { RateStore } from '../store/record-store.js';
import { createPacer, type PaceKey, type Pacer } from './pacer.js';

/** Options of {@link createSharedPacer}. */
export interface SharedPacerOptions {
  /** The store's rate limits, shared by every process on the store. */
  rates: RateStore;
  logger?: Logger;
  /** Called with each wait the limits asked for (metrics: rate-limit waits). */
  onWait?: (ms: number, limit: 'account' | 'recipient', channel: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const SEP = '\u001f';

/** The store limits one send takes, recipient first: the account's unit is taken last, right before the send. */
export function paceLimits(key: PaceKey, pacing: Pacing) {
  const out: { kind: 'account' | 'recipient'; key: string; limit: { count: number; windowMs: number } }[] = [];
  const recipient = pacing.perRecipient;
  if (recipient) {
    const count = recipient.burst ?? 1;
    const id = ['pace', key.channel, key.account, key.recipient].join(SEP);
    out.push({ kind: 'recipient', key: id, limit: { count, windowMs: recipient.intervalMs * count } });
  }
  const account = pacing.perAccount;
  if (account) {
    const count = account.burst ?? Math.max(1, Math.round(account.perSecond));
    const id = ['pace', key.channel, key.account].join(SEP);
    out.push({ kind: 'account', key: id, limit: { count, windowMs: (count / account.perSecond) * 1000 } });
  }
  return out;
}

/**
 * A pacer whose limits live in the store (`store.rates`), so N gateways on one store together stay under the
 * per-account and per-recipient limits (80 msg/s per WhatsApp number, not 80 per process). Each limit is taken in
 * turn, waiting as long as the store says; a store that fails falls back to this process's own buckets for that
 * send (paced, though not across processes), with a warning.
 *
 * @example
 * const pacer = createSharedPacer({ rates: store.rates });
 * await pacer.acquire({ channel: 'whatsapp', account: phoneId, recipient: waId }, adapter.capabilities.pacing);
 */
export function createSharedPacer(options: SharedPacerOptions): Pacer {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const logger = options.logger ?? silentLogger;
  const local = createPacer({ sleep, ...(options.now ? { now: options.now } : {}) });

  async function take(step: ReturnType<typeof paceLimits>[number], channel: string) {
    for (;;) {
      const waitMs = await options.rates.take(step.key, step.limit);
      if (waitMs <= 0) return;
      options.onWait?.(waitMs, step.kind, channel);
      await sleep(waitMs);
    }
  }

  return {
    async acquire(key, pacing) {
      try {
        for (const step of paceLimits(key, pacing)) await take(step, key.channel);
      } catch (err) {
        logger.warn(
          { err: toLoketError(err, 'NETWORK', 'store'), channel: key.channel },
          'shared pacing failed in the store: this send is paced by this process alone',
        );
        await local.acquire(key, pacing);
      }
    },
    size: () => local.size(),
  };
}
