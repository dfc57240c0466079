import { logOnce } from '../call-adapter.js';
import type { BusinessHours } from '../hours/business-hours.js';
import type { Logger } from '../logger.js';
import { type ConversationRef, conversationKey } from '../model/conversation.js';
import type { Store } from '../store/store.js';
import { withConversation } from './history.js';
import type { SlaTarget } from './sla-report.js';
import { waits } from './sla-waits.js';

/** Options of `createGateway({ sla })`: the target the gateway watches. */
export interface SlaWatchOptions {
  target: SlaTarget;
  /** Count opening time only. */
  hours?: BusinessHours;
  /** How often to look for breaches. Default 60000. */
  checkEveryMs?: number;
  /** How far back to look for unanswered waits. Default 14 days. */
  lookbackMs?: number;
}

/** A conversation that waits for a human longer than the target: `gateway.on('sla', (breach) => ...)`. */
export interface SlaBreach {
  conversation: ConversationRef;
  kind: 'first-response' | 'reply';
  /** When the clock started (ms). */
  since: number;
  /** How long it has waited so far (opening time when business hours are set). */
  waitedSeconds: number;
  target: SlaTarget;
}

/** Gets each breach once (across processes on a shared store). */
export type SlaListener = (breach: SlaBreach) => void | Promise<void>;

const DAY_MS = 86_400_000;
const RECENT_ENTRIES = 500;

/** Watches the record for waits past the target and tells the listeners, once per wait. */
export function createSlaWatch(options: SlaWatchOptions, deps: { store: Store; logger: Logger; now: () => number }) {
  const { store, logger, now } = deps;
  const listeners = new Set<SlaListener>();
  const seen = new Set<string>();
  const lookbackMs = options.lookbackMs ?? 14 * DAY_MS;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** True the first time a breach is claimed (in the store's key-value part when it has one). */
  const claim = async (key: string): Promise<boolean> => {
    if (store.kv) return store.kv.set(key, '1', { ifAbsent: true, ttlMs: lookbackMs });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  async function breachesOf(ref: ConversationRef, head: number, at: number): Promise<SlaBreach[]> {
    const entries = withConversation(ref, await store.log.read(ref, { before: head + 1, limit: RECENT_ENTRIES }));
    const open = waits(entries, options.hours ? { hours: options.hours, asOf: at } : { asOf: at });
    const out: SlaBreach[] = [];
    for (const w of open) {
      if (w.end !== undefined || w.closedAt !== undefined) continue;
      const waitedSeconds = options.hours ? (w.businessSeconds ?? 0) : w.calendarSeconds;
      if (waitedSeconds <= options.target.withinSeconds) continue;
      if (!(await claim(`loket:sla:${conversationKey(ref)}:${w.kind}:${w.start}`))) continue;
      out.push({ conversation: ref, kind: w.kind, since: w.start, waitedSeconds, target: options.target });
    }
    return out;
  }

  /** Looks once: answers the breaches found now (each only once) after telling the listeners. */
  async function check(): Promise<SlaBreach[]> {
    const at = now();
    const found: SlaBreach[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.log.conversations({
        updatedSince: at - lookbackMs,
        limit: 200,
        ...(cursor && { cursor }),
      });
      for (const item of page.items) found.push(...(await breachesOf(item.ref, item.head, at)));
      cursor = page.cursor;
    } while (cursor !== undefined);
    for (const breach of found) {
      for (const listener of listeners) {
        try {
          await listener(breach);
        } catch (err) {
          logOnce(logger, 'error', err, 'an sla listener failed', { channel: breach.conversation.channel });
        }
      }
    }
    return found;
  }

  return {
    check,
    on(listener: SlaListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(): void {
      timer ??= setInterval(() => {
        check().catch((err) => logOnce(logger, 'warn', err, 'sla check failed; trying again later'));
      }, options.checkEveryMs ?? 60_000);
      timer.unref?.();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
