import { newToken } from './memory-token.js';

/** One queued value of a {@link MemoryQueue}. */
export interface QueuedItem<T> {
  id: string;
  value: T;
  /** Leases taken so far; a lease hands out the count from before it. */
  attempts: number;
  dueAt: number;
  lease?: { token: string; until: number };
}

/** The lease / extend / retry core that the memory inbox and the memory outbox share. */
export interface MemoryQueue<T> {
  /** Queues `value` under `id`, due at once, with its attempts reset. */
  put(id: string, value: T): void;
  lease(limit: number, leaseMs: number): { item: QueuedItem<T>; token: string; attempts: number }[];
  /** The item when `token` holds its lease now. */
  held(id: string, token: string): QueuedItem<T> | undefined;
  extend(id: string, token: string, leaseMs: number): boolean;
  retry(id: string, token: string, delayMs: number): boolean;
  /** Removes the held item and hands it back (undefined when the token does not hold it). */
  take(id: string, token: string): QueuedItem<T> | undefined;
  counts(): { pending: number; leased: number };
  /** Leases taken so far of a queued item. */
  peekAttempts(id: string): number | undefined;
  /** Items queued (leased or not). */
  size(): number;
}

/**
 * A queue in a Map (insertion order is arrival order). Leases expire by the injected clock; an expired lease makes
 * the item leasable again and its token stops working.
 */
export function memoryQueue<T>(now: () => number): MemoryQueue<T> {
  const items = new Map<string, QueuedItem<T>>();
  const held = (id: string, token: string): QueuedItem<T> | undefined => {
    const item = items.get(id);
    if (!item?.lease || item.lease.token !== token || item.lease.until <= now()) return undefined;
    return item;
  };
  return {
    put(id, value) {
      items.set(id, { id, value, attempts: 0, dueAt: 0 });
    },
    lease(limit, leaseMs) {
      const at = now();
      const out: { item: QueuedItem<T>; token: string; attempts: number }[] = [];
      for (const item of items.values()) {
        if (out.length >= limit) break;
        const free = item.lease ? item.lease.until <= at : item.dueAt <= at;
        if (!free) continue;
        const token = newToken();
        item.lease = { token, until: at + leaseMs };
        out.push({ item, token, attempts: item.attempts });
        item.attempts += 1;
      }
      return out;
    },
    held,
    extend(id, token, leaseMs) {
      const item = held(id, token);
      if (!item?.lease) return false;
      item.lease.until = now() + leaseMs;
      return true;
    },
    retry(id, token, delayMs) {
      const item = held(id, token);
      if (!item) return false;
      item.lease = undefined;
      item.dueAt = now() + Math.max(0, delayMs);
      return true;
    },
    take(id, token) {
      const item = held(id, token);
      if (item) items.delete(id);
      return item;
    },
    counts() {
      const at = now();
      let leased = 0;
      for (const item of items.values()) if (item.lease && item.lease.until > at) leased += 1;
      return { pending: items.size - leased, leased };
    },
    peekAttempts: (id) => items.get(id)?.attempts,
    size: () => items.size,
  };
}
