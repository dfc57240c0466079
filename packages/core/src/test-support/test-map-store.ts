import { conversationKey } from '../model/conversation.js';
import type { SendStatus } from '../model/events.js';
import { STATUS_RANK, type ConversationState, type Store } from '../store/store.js';

/**
 * A tiny store for policy tests: only `conversations` and `messages`, on plain Maps. Other parts are absent on
 * purpose — a policy that touches them fails its tests.
 */
export function mapStore(): Store {
  const conversations = new Map<string, ConversationState>();
  const statuses = new Map<string, SendStatus>();
  const state = (ref: ConversationState['ref']) => {
    const key = conversationKey(ref);
    const found = conversations.get(key) ?? { ref, consent: {} };
    conversations.set(key, found);
    return found;
  };
  const store: Pick<Store, 'name' | 'durable' | 'conversations' | 'messages'> = {
    name: 'map',
    durable: false,
    conversations: {
      get: async (ref) => structuredClone(conversations.get(conversationKey(ref))),
      recordInbound: async (ref, at) => {
        const s = state(ref);
        s.lastInboundAt = Math.max(s.lastInboundAt ?? at, at);
      },
      setConsent: async (ref, record) => {
        state(ref).consent[record.topic] = record;
      },
      setPendingChoices: async (ref, choices) => {
        state(ref).pendingChoices = choices;
      },
      markAutoReply: async (ref, period) => {
        const s = state(ref);
        if (s.autoReplyPeriod === period) return false;
        s.autoReplyPeriod = period;
        return true;
      },
      setController: async (ref, controller) => {
        state(ref).controller = controller;
      },
    },
    messages: {
      recordSent: async () => {},
      advanceStatus: async (id, status) => {
        const current = statuses.get(id);
        if (current && STATUS_RANK[current] >= STATUS_RANK[status]) return false;
        statuses.set(id, status);
        return true;
      },
      conversationOf: async () => undefined,
    },
  };
  return store as Store;
}
