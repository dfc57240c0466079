import { type ConversationRef, conversationKey } from '../model/conversation.js';
import type { ContactStore } from './record-store.js';

/** The memory contacts with the erasure the privacy part needs. */
export interface ErasableContacts extends ContactStore {
  /** Removes the links that `match` (by contact id or ref); answers how many went. */
  erase(match: (contactId: string, ref: ConversationRef) => boolean): number;
}

/** The contacts of {@link memoryStore}: which contact each conversation belongs to, and each contact's list. */
export function memoryContacts(): ErasableContacts {
  const owner = new Map<string, string>();
  // Insertion order of the inner Map is link order.
  const members = new Map<string, Map<string, ConversationRef>>();

  const unlink = (key: string): void => {
    const contact = owner.get(key);
    if (contact === undefined) return;
    owner.delete(key);
    const list = members.get(contact);
    list?.delete(key);
    if (list?.size === 0) members.delete(contact);
  };

  return {
    async link(contactId, ref) {
      const key = conversationKey(ref);
      if (owner.get(key) === contactId) return;
      unlink(key);
      owner.set(key, contactId);
      const list = members.get(contactId) ?? new Map<string, ConversationRef>();
      list.set(key, { ...ref });
      members.set(contactId, list);
    },
    async unlink(ref) {
      unlink(conversationKey(ref));
    },
    async of(ref) {
      return owner.get(conversationKey(ref));
    },
    async conversations(contactId) {
      return [...(members.get(contactId)?.values() ?? [])].map((ref) => ({ ...ref }));
    },
    erase(match) {
      let count = 0;
      for (const [contactId, list] of [...members]) {
        for (const [key, ref] of [...list]) {
          if (!match(contactId, ref)) continue;
          unlink(key);
          count += 1;
        }
      }
      return count;
    },
  };
}
