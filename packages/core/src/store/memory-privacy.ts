import type { ConversationRef } from '../model/conversation.js';
import type { ErasableContacts } from './memory-contacts.js';
import type { ErasableConversations } from './memory-conversations.js';
import type { ErasableInbox } from './memory-erasable-inbox.js';
import type { ErasableLog } from './memory-log.js';
import type { ErasableOutbox } from './memory-outbox.js';
import { personMatch } from './person-match.js';
import type { PrivacyStore } from './record-store.js';
import type { OutboxJobRecord } from './store.js';

/** The parts of {@link memoryStore} an erasure reaches into. */
export interface MemoryPrivacyParts {
  inbox: ErasableInbox;
  outbox: ErasableOutbox;
  log: ErasableLog;
  conversations: ErasableConversations;
  contacts: ErasableContacts;
  messages: { erase(match: (id: string, ref: ConversationRef | undefined) => boolean): number };
  dedupe: { erase(match: (key: string) => boolean): number };
  kv: { erase(match: (key: string, value: string) => boolean): number };
}

/** Export and erasure over every part of {@link memoryStore}, with the matcher the durable stores use too. */
export function memoryPrivacy(parts: MemoryPrivacyParts): PrivacyStore {
  return {
    async find(target) {
      const m = personMatch(target);
      const job = (j: OutboxJobRecord) => m.text(j.payload) || m.text(j.detail);
      const { items, dead } = await parts.inbox.find((e) => m.request(e.request));
      return { inbox: items, deadLetters: dead, outbox: parts.outbox.find(job) };
    },
    async erase(target) {
      const m = personMatch(target);
      const job = (j: OutboxJobRecord) => m.text(j.payload) || m.text(j.detail);
      const { inbox, deadLetters } = await parts.inbox.erase((e) => m.request(e.request));
      let log = 0;
      let conversations = 0;
      for (const ref of target.refs) {
        log += parts.log.erase(ref);
        if (parts.conversations.erase(ref)) conversations += 1;
      }
      return {
        log,
        conversations,
        contacts: parts.contacts.erase((contactId, ref) => m.ref(ref) || m.text(contactId)),
        messages: parts.messages.erase((id, ref) => m.ref(ref) || m.text(id)),
        inbox,
        deadLetters,
        outbox: parts.outbox.erase(job),
        dedupe: parts.dedupe.erase((key) => m.text(key)),
        kv: parts.kv.erase((key, value) => m.text(key) || m.text(value)),
      };
    },
  };
}
