import type { DeadLetter, InboxEntry, InboxStore, LeasedItem, StoredRequest } from './store.js';
import { copyBytes, newToken } from './memory-token.js';

interface Item {
  id: string;
  entry: InboxEntry;
  /** Leases taken so far; a lease hands out the count from before it. */
  attempts: number;
  dueAt: number;
  lease?: { token: string; until: number };
}

function copyEntry(entry: InboxEntry): InboxEntry {
  const request: StoredRequest = { ...entry.request, headers: { ...entry.request.headers } };
  request.body = copyBytes(entry.request.body);
  return { channel: entry.channel, request, receivedAt: entry.receivedAt };
}

/**
 * The inbox of {@link memoryStore}: a queue in a Map (insertion order is arrival order). Leases expire by the
 * injected clock; an expired lease makes the item leasable again and its token stops working.
 */
export function memoryInbox(now: () => number): InboxStore {
  const items = new Map<string, Item>();
  const dead = new Map<string, DeadLetter>();
  let seq = 0;

  const held = (id: string, token: string): Item | undefined => {
    const item = items.get(id);
    if (!item?.lease || item.lease.token !== token || item.lease.until <= now()) return undefined;
    return item;
  };

  return {
    async enqueue(entry) {
      seq += 1;
      const id = `mem-${seq}`;
      items.set(id, { id, entry: copyEntry(entry), attempts: 0, dueAt: 0 });
      return id;
    },
    async lease({ limit, leaseMs }) {
      const at = now();
      const out: LeasedItem[] = [];
      for (const item of items.values()) {
        if (out.length >= limit) break;
        const free = item.lease ? item.lease.until <= at : item.dueAt <= at;
        if (!free) continue;
        const token = newToken();
        item.lease = { token, until: at + leaseMs };
        out.push({ ...copyEntry(item.entry), id: item.id, token, attempts: item.attempts });
        item.attempts += 1;
      }
      return out;
    },
    async extend(id, token, leaseMs) {
      const item = held(id, token);
      if (!item?.lease) return false;
      item.lease.until = now() + leaseMs;
      return true;
    },
    async ack(id, token) {
      if (held(id, token)) items.delete(id);
    },
    async retry(id, token, { delayMs }) {
      const item = held(id, token);
      if (!item) return;
      item.lease = undefined;
      item.dueAt = now() + Math.max(0, delayMs);
    },
    async deadLetter(id, token, { error, failedEvents }) {
      const item = held(id, token);
      if (!item) return;
      items.delete(id);
      dead.set(id, {
        ...copyEntry(item.entry),
        id,
        attempts: item.attempts,
        error,
        failedAt: now(),
        failedEvents: [...failedEvents],
      });
    },
    async deadLetters(options = {}) {
      const list = [...dead.values()].sort((a, b) => a.failedAt - b.failedAt);
      const limited = options.limit === undefined ? list : list.slice(0, options.limit);
      return limited.map((d) => ({ ...d, ...copyEntry(d), failedEvents: [...d.failedEvents] }));
    },
    async replay(id) {
      const letter = dead.get(id);
      if (!letter) return false;
      dead.delete(id);
      items.set(id, { id, entry: copyEntry(letter), attempts: 0, dueAt: 0 });
      return true;
    },
    async stats() {
      const at = now();
      let leased = 0;
      for (const item of items.values()) if (item.lease && item.lease.until > at) leased += 1;
      return { pending: items.size - leased, leased, dead: dead.size };
    },
  };
}
