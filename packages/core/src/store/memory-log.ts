import { conversationKey } from '../model/conversation.js';
import type { EventLogStore, LogEntry } from './store.js';

/** The event log of {@link memoryStore}: an array per conversation, so `seq` is its 1-based position. */
export function memoryLog(): EventLogStore {
  const logs = new Map<string, LogEntry[]>();

  return {
    async append(ref, entry) {
      const key = conversationKey(ref);
      let log = logs.get(key);
      if (!log) {
        log = [];
        logs.set(key, log);
      }
      const seq = log.length + 1;
      log.push({ seq, at: entry.at, kind: entry.kind, data: structuredClone(entry.data) });
      return seq;
    },
    async read(ref, options = {}) {
      const log = logs.get(conversationKey(ref)) ?? [];
      const after = Math.max(0, options.after ?? 0);
      const end = options.limit === undefined ? undefined : after + Math.max(0, options.limit);
      return structuredClone(log.slice(after, end));
    },
  };
}
