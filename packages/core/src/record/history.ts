import { type ConversationRef, conversationKey } from '../model/conversation.js';
import type { LogConversationPage, LogEntry } from '../store/record-store.js';
import type { Store } from '../store/store.js';
import { checkPage, checkRef } from './record-input.js';
import type { HistoryEntry } from './record-entries.js';

/** How to page `gateway.history`: by seq, as the log pages (`after` oldest first, `before` the newest below). */
export interface HistoryOptions {
  before?: number;
  after?: number;
  limit?: number;
}

/** Options of `gateway.conversations.list`. */
export interface ConversationListOptions {
  /** Only conversations with activity at or after this time (ms). */
  updatedSince?: number;
  limit?: number;
  /** From the previous page. */
  cursor?: string;
}

/** `gateway.conversations`: the conversations the record knows, with their last activity. */
export interface ConversationsApi {
  /** Conversations ordered by last activity, oldest first; pass `cursor` on for the next page. */
  list(options?: ConversationListOptions): Promise<LogConversationPage>;
}

/** Tags log entries with their conversation. */
export function withConversation(ref: ConversationRef, entries: LogEntry[]): HistoryEntry[] {
  return entries.map((entry) => ({ ...entry, conversation: { ...ref } }));
}

/** Orders entries of several conversations by time (then conversation and seq, so the order is stable). */
export function byTime(a: HistoryEntry, b: HistoryEntry): number {
  if (a.at !== b.at) return a.at - b.at;
  const ka = conversationKey(a.conversation);
  const kb = conversationKey(b.conversation);
  return ka === kb ? a.seq - b.seq : ka < kb ? -1 : 1;
}

/** `gateway.history` and `gateway.conversations` over the store's log. */
export function createHistory(store: Store) {
  return {
    /** A page of one conversation's record, oldest first; empty for a conversation the store does not know. */
    async history(ref: ConversationRef, options?: HistoryOptions): Promise<HistoryEntry[]> {
      const checked = checkRef(ref, 'history');
      const page = checkPage(options, 'history');
      return withConversation(checked, await store.log.read(checked, page));
    },
    conversations: {
      list: async (options?: ConversationListOptions) =>
        store.log.conversations(checkPage(options, 'conversations.list')),
    } satisfies ConversationsApi,
  };
}
