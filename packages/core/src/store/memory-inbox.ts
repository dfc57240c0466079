import { memoryQueue } from './memory-queue.js';
import type { DeadLetter, InboxEntry, InboxStore, StoredRequest } from './store.js';
import { copyBytes } from './memory-token.js';

const defer: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

/**
 * Settles once this turn's I/O callbacks have run. An enqueue that answers at once makes node:http write each 200
 * from inside the socket's read callback; answering after the turn sends the 200s of a burst together, as the
 * SQLite store's per-tick batch does (bench/ingest: about a third less CPU per webhook on the memory store).
 */
const afterThisTurn = (): Promise<void> => new Promise((resolve) => defer(resolve));

function copyEntry(entry: InboxEntry): InboxEntry {
  const request: StoredRequest = { ...entry.request, headers: { ...entry.request.headers } };
  request.body = copyBytes(entry.request.body);
  return { channel: entry.channel, request, receivedAt: entry.receivedAt };
}

/**
 * The inbox of {@link memoryStore}: a {@link memoryQueue} of entries (insertion order is arrival order), plus the
 * dead letters. Leases expire by the injected clock; an expired lease's token stops working.
 */
export function memoryInbox(now: () => number): InboxStore {
  const queue = memoryQueue<InboxEntry>(now);
  const dead = new Map<string, DeadLetter>();
  let seq = 0;

  return {
    async enqueue(entry) {
      seq += 1;
      const id = `mem-${seq}`;
      queue.put(id, copyEntry(entry));
      await afterThisTurn();
      return id;
    },
    async lease({ limit, leaseMs }) {
      return queue
        .lease(limit, leaseMs)
        .map(({ item, token, attempts }) => ({ ...copyEntry(item.value), id: item.id, token, attempts }));
    },
    async extend(id, token, leaseMs) {
      return queue.extend(id, token, leaseMs);
    },
    async ack(id, token) {
      queue.take(id, token);
    },
    async retry(id, token, { delayMs }) {
      queue.retry(id, token, delayMs);
    },
    async deadLetter(id, token, { error, failedEvents }) {
      const item = queue.take(id, token);
      if (!item) return;
      dead.set(id, {
        ...copyEntry(item.value),
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
      queue.put(id, copyEntry(letter));
      return true;
    },
    async stats() {
      return { ...queue.counts(), dead: dead.size };
    },
  };
}
