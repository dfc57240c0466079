import { LoketError, loketMessage } from '../errors.js';
import type { ConversationRef } from '../model/conversation.js';
import type { ContactStore } from '../store/record-store.js';
import type { Store } from '../store/store.js';
import { byTime, withConversation } from './history.js';
import type { HistoryEntry } from './record-entries.js';
import { checkContactId, checkRef } from './record-input.js';

/** `gateway.contacts`: one customer across channels. */
export interface ContactsApi {
  /** Links a conversation to a contact (your customer id); a conversation belongs to one contact at a time. */
  link(contactId: string, ref: ConversationRef): Promise<void>;
  /** Takes a conversation away from its contact. */
  unlink(ref: ConversationRef): Promise<void>;
  /** The contact a conversation belongs to. */
  of(ref: ConversationRef): Promise<string | undefined>;
  /** A contact's conversations, in the order they were linked (empty for an unknown contact). */
  conversations(contactId: string): Promise<ConversationRef[]>;
  /** The contact's record over every channel, in time order (the newest `limit` entries when given). */
  history(contactId: string, options?: { limit?: number }): Promise<HistoryEntry[]>;
}

/** The store's contacts; CONFIG when the store has none. */
export function contactStoreOf(store: Store): ContactStore {
  if (store.contacts) return store.contacts;
  throw new LoketError('CONFIG', loketMessage('gateway', `the ${store.name} store does not keep contacts: update it`));
}

/** Creates `gateway.contacts`. */
export function createContactsApi(store: Store): ContactsApi {
  const contacts = () => contactStoreOf(store);
  return {
    link: async (contactId, ref) =>
      contacts().link(checkContactId(contactId, 'contacts.link'), checkRef(ref, 'contacts.link')),
    unlink: async (ref) => contacts().unlink(checkRef(ref, 'contacts.unlink')),
    of: async (ref) => contacts().of(checkRef(ref, 'contacts.of')),
    conversations: async (contactId) => contacts().conversations(checkContactId(contactId, 'contacts.conversations')),
    async history(contactId, options = {}) {
      const refs = await contacts().conversations(checkContactId(contactId, 'contacts.history'));
      const logs = await Promise.all(refs.map(async (ref) => withConversation(ref, await store.log.read(ref))));
      const all = logs.flat().sort(byTime);
      return options.limit === undefined ? all : all.slice(-options.limit);
    },
  };
}
