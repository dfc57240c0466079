import type { DeadLetter, InboxEntry, InboxStore } from './store.js';

/** The memory inbox with what the privacy part needs: a search of unhandled items and their erasure. */
export interface ErasableInbox extends InboxStore {
  /** Items not yet handled (queued or leased) and dead letters that `match`. */
  find(match: (entry: InboxEntry) => boolean): Promise<{ items: InboxEntry[]; dead: DeadLetter[] }>;
  /** Removes them; answers how many of each went. */
  erase(match: (entry: InboxEntry) => boolean): Promise<{ inbox: number; deadLetters: number }>;
}

interface Tracked {
  entry: InboxEntry;
  lease?: { token: string; until: number };
}

/**
 * Wraps the memory inbox (whose queue has no removal by id) with an index of the items it holds. An erased item
 * is dropped from the index at once, so no read answers it; the queue lets go of its bytes at its next lease
 * (leased, acked and never handed out). The index follows the queue's lease rules (a token holds an item until
 * its lease runs out) so that a stale worker's ack does not hide an item that is still queued.
 */
export function erasableInbox(inbox: InboxStore, now: () => number): ErasableInbox {
  const tracked = new Map<string, Tracked>();
  const erased = new Set<string>();

  const holds = (id: string, token: string) => {
    const lease = tracked.get(id)?.lease;
    return lease !== undefined && lease.token === token && lease.until > now();
  };
  const settle = (id: string, token: string) => {
    if (holds(id, token)) tracked.delete(id);
  };

  return {
    ...inbox,
    async enqueue(entry) {
      const id = await inbox.enqueue(entry);
      tracked.set(id, { entry });
      return id;
    },
    async lease(options) {
      const items = await inbox.lease(options);
      const until = now() + options.leaseMs;
      const kept = [];
      for (const item of items) {
        if (erased.delete(item.id)) {
          await inbox.ack(item.id, item.token);
          continue;
        }
        const t = tracked.get(item.id);
        if (t) t.lease = { token: item.token, until };
        kept.push(item);
      }
      return kept;
    },
    async extend(id, token, leaseMs) {
      const ok = await inbox.extend(id, token, leaseMs);
      const lease = tracked.get(id)?.lease;
      if (ok && lease) lease.until = now() + leaseMs;
      return ok;
    },
    async ack(id, token) {
      settle(id, token);
      await inbox.ack(id, token);
    },
    async retry(id, token, options) {
      const t = tracked.get(id);
      if (t && holds(id, token)) t.lease = undefined;
      await inbox.retry(id, token, options);
    },
    async deadLetter(id, token, options) {
      settle(id, token);
      await inbox.deadLetter(id, token, options);
      // Erased while a worker held it: its bytes go back to the queue, to be dropped at the next lease.
      if (erased.has(id)) await inbox.replay(id);
    },
    async deadLetters(options) {
      const dead = await inbox.deadLetters();
      const live = dead.filter((d) => !erased.has(d.id));
      return options?.limit === undefined ? live : live.slice(0, options.limit);
    },
    async replay(id) {
      if (erased.has(id)) return false;
      const letter = (await inbox.deadLetters()).find((d) => d.id === id);
      const ok = await inbox.replay(id);
      if (ok && letter) tracked.set(id, { entry: letter });
      return ok;
    },
    async stats() {
      const s = await inbox.stats();
      // Erased items still waiting for the lease that drops them are not pending work.
      return { ...s, pending: Math.max(0, s.pending - erased.size) };
    },
    async find(match) {
      const items = [...tracked.values()].filter((t) => match(t.entry)).map((t) => structuredClone(t.entry));
      const dead = (await inbox.deadLetters()).filter((d) => !erased.has(d.id) && match(d));
      return { items, dead };
    },
    async erase(match) {
      let count = 0;
      for (const [id, t] of tracked) {
        if (!match(t.entry)) continue;
        tracked.delete(id);
        erased.add(id);
        count += 1;
      }
      let deadLetters = 0;
      for (const letter of await inbox.deadLetters()) {
        if (erased.has(letter.id) || !match(letter)) continue;
        // Back into the queue, where the next lease drops it.
        await inbox.replay(letter.id);
        erased.add(letter.id);
        deadLetters += 1;
      }
      return { inbox: count, deadLetters };
    },
  };
}
