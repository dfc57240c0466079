import type { ConversationRef } from '../model/conversation.js';
import type { SendStatus } from '../model/events.js';
import { type MessageStore, STATUS_RANK } from './store.js';

interface Sent {
  ref?: ConversationRef;
  status?: SendStatus;
  statusExpiresAt?: number;
}

/**
 * The sent messages of {@link memoryStore}. A status only moves forward by {@link STATUS_RANK}; a status is
 * remembered for the `ttlMs` given with it, then forgotten (the conversation of a sent message is kept).
 */
export function memoryMessages(
  now: () => number,
): MessageStore & { erase(match: (id: string, ref: ConversationRef | undefined) => boolean): number } {
  const sent = new Map<string, Sent>();

  const currentStatus = (record: Sent | undefined): SendStatus | undefined => {
    if (!record?.status || record.statusExpiresAt === undefined) return undefined;
    return record.statusExpiresAt > now() ? record.status : undefined;
  };

  return {
    async recordSent(messageId, ref, _at) {
      const record = sent.get(messageId) ?? {};
      record.ref = { ...ref };
      sent.set(messageId, record);
    },
    async advanceStatus(messageId, status, ttlMs) {
      const record = sent.get(messageId) ?? {};
      const current = currentStatus(record);
      if (current !== undefined && STATUS_RANK[status] <= STATUS_RANK[current]) return false;
      record.status = status;
      record.statusExpiresAt = now() + ttlMs;
      sent.set(messageId, record);
      return true;
    },
    async conversationOf(messageId) {
      const ref = sent.get(messageId)?.ref;
      return ref === undefined ? undefined : { ...ref };
    },
    /** Removes the records that `match` (for an erasure); answers how many. */
    erase(match) {
      let count = 0;
      for (const [id, record] of sent) {
        if (!match(id, record.ref)) continue;
        sent.delete(id);
        count += 1;
      }
      return count;
    },
  };
}
