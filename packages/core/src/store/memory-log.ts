import { type ConversationRef, conversationKey } from '../model/conversation.js';
import type { EventLogStore, LogEntry } from './record-store.js';

/** The memory log with the erasure the privacy part needs. */
export interface ErasableLog extends EventLogStore {
  /** Forgets a conversation's log, head included; answers how many entries went. */
  erase(ref: ConversationRef): number;
}

interface MemoryConversationLog {
  ref: ConversationRef;
  entries: LogEntry[];
  head: number;
  updatedAt: number;
  keys: Map<string, LogEntry>;
}

/** The event log of {@link memoryStore}: an array per conversation, a head counter and an index of idempotency keys. */
export function memoryLog(): ErasableLog {
  const logs = new Map<string, MemoryConversationLog>();

  const logOf = (ref: ConversationRef): MemoryConversationLog => {
    const key = conversationKey(ref);
    let log = logs.get(key);
    if (!log) {
      log = { ref: { ...ref }, entries: [], head: 0, updatedAt: 0, keys: new Map() };
      logs.set(key, log);
    }
    return log;
  };

  return {
    async append(ref, input) {
      const log = logOf(ref);
      const known = input.key === undefined ? undefined : log.keys.get(input.key);
      if (known) return { entry: structuredClone(known), created: false };
      log.head += 1;
      const entry: LogEntry = { seq: log.head, at: input.at, kind: input.kind, data: structuredClone(input.data) };
      if (input.key !== undefined) {
        entry.key = input.key;
        log.keys.set(input.key, entry);
      }
      log.entries.push(entry);
      log.updatedAt = Math.max(log.updatedAt, input.at);
      return { entry: structuredClone(entry), created: true };
    },
    async read(ref, options = {}) {
      const entries = logs.get(conversationKey(ref))?.entries ?? [];
      const after = options.after ?? 0;
      const before = options.before ?? Number.POSITIVE_INFINITY;
      const inRange = entries.filter((e) => e.seq > after && e.seq < before);
      const limit = Math.max(0, options.limit ?? inRange.length);
      const page =
        options.before !== undefined && options.after === undefined
          ? inRange.slice(-limit || inRange.length)
          : inRange.slice(0, limit);
      return structuredClone(limit === 0 ? [] : page);
    },
    async head(ref) {
      return logs.get(conversationKey(ref))?.head ?? 0;
    },
    async byKey(ref, key) {
      const entry = logs.get(conversationKey(ref))?.keys.get(key);
      return entry === undefined ? undefined : structuredClone(entry);
    },
    async conversations(options = {}) {
      const since = options.updatedSince ?? Number.NEGATIVE_INFINITY;
      const sorted = [...logs.entries()]
        .filter(([, log]) => log.head > 0 && log.updatedAt >= since)
        .sort(([ka, a], [kb, b]) => a.updatedAt - b.updatedAt || (ka < kb ? -1 : ka > kb ? 1 : 0));
      const start = options.cursor === undefined ? 0 : Number(options.cursor);
      const limit = options.limit ?? sorted.length;
      const page = sorted.slice(start, start + limit);
      const items = page.map(([, log]) => ({ ref: { ...log.ref }, head: log.head, updatedAt: log.updatedAt }));
      return start + limit < sorted.length ? { items, cursor: String(start + limit) } : { items };
    },
    erase(ref) {
      const key = conversationKey(ref);
      const count = logs.get(key)?.entries.length ?? 0;
      logs.delete(key);
      return count;
    },
    async prune(olderThan) {
      let removed = 0;
      for (const log of logs.values()) {
        const kept = log.entries.filter((e) => e.at >= olderThan);
        removed += log.entries.length - kept.length;
        for (const e of log.entries) if (e.at < olderThan && e.key !== undefined) log.keys.delete(e.key);
        log.entries = kept;
      }
      return removed;
    },
  };
}
