import { type ConversationRef, conversationKey } from '../model/conversation.js';
import type { ConversationState, ConversationStore } from './store.js';

/** The memory conversation state with the erasure the privacy part needs. */
export interface ErasableConversations extends ConversationStore {
  /** Forgets a conversation's state; true when there was one. */
  erase(ref: ConversationRef): boolean;
}

/** The conversation state of {@link memoryStore}: one record per conversation key, written field by field. */
export function memoryConversations(): ErasableConversations {
  const states = new Map<string, ConversationState>();

  const upsert = (ref: ConversationRef): ConversationState => {
    const key = conversationKey(ref);
    let state = states.get(key);
    if (!state) {
      state = { ref: { ...ref }, consent: {} };
      states.set(key, state);
    }
    return state;
  };

  return {
    async get(ref) {
      const state = states.get(conversationKey(ref));
      return state === undefined ? undefined : structuredClone(state);
    },
    async recordInbound(ref, at) {
      const state = upsert(ref);
      // Webhooks arrive out of order: a late, older message must not shorten the window.
      if (state.lastInboundAt === undefined || at > state.lastInboundAt) state.lastInboundAt = at;
    },
    async setConsent(ref, record) {
      upsert(ref).consent[record.topic] = { ...record };
    },
    async setPendingChoices(ref, choices) {
      const state = upsert(ref);
      if (choices === undefined) delete state.pendingChoices;
      else state.pendingChoices = structuredClone(choices);
    },
    async markAutoReply(ref, period) {
      const state = upsert(ref);
      if (state.autoReplyPeriod === period) return false;
      state.autoReplyPeriod = period;
      return true;
    },
    async setController(ref, controller) {
      upsert(ref).controller = { ...controller };
    },
    erase(ref) {
      return states.delete(conversationKey(ref));
    },
  };
}
