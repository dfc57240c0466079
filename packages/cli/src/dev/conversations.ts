import type { ConsentRecord, Controller, ConversationRef, Gateway } from '@loket/core';
import { conversationKey, type Timeline } from './timeline.js';
import { type WindowState, windowState } from './window-state.js';

/** A conversation as the console lists it. */
export interface ConversationView {
  key: string;
  ref: ConversationRef;
  /** The customer's profile name, when a message carried one. */
  name?: string;
  lastAt: number;
  window: WindowState;
  consent: ConsentRecord[];
  /** Who answers: the bot, or a human after a take-over. */
  controller: Controller;
}

/**
 * Every conversation seen on the timeline, newest first, with its window (from the store's last inbound time and
 * the adapter's window rule) and its recorded consent.
 */
export async function listConversations(
  gateway: Gateway,
  timeline: Timeline,
  now: number,
): Promise<ConversationView[]> {
  const seen = new Map<string, { ref: ConversationRef; name?: string; lastAt: number }>();
  for (const item of timeline.since()) {
    if (!item.conversation || item.conversation.user === '*') continue;
    const key = conversationKey(item.conversation);
    const entry = seen.get(key) ?? { ref: item.conversation, lastAt: item.at };
    entry.lastAt = item.at;
    const from = (item.data as { from?: { name?: unknown } } | undefined)?.from;
    // A profile name that is only the id again (some senders set it so) would title the card "316… (316…)".
    if (item.kind === 'inbound' && typeof from?.name === 'string' && from.name !== entry.ref.user)
      entry.name = from.name;
    seen.set(key, entry);
  }
  const views = await Promise.all(
    [...seen.entries()].map(async ([key, entry]): Promise<ConversationView> => {
      const state = await gateway.store.conversations.get(entry.ref);
      const rule = gateway.adapters.get(entry.ref.channel)?.capabilities.window ?? null;
      return {
        key,
        ...entry,
        window: windowState(rule, state?.lastInboundAt, now),
        consent: Object.values(state?.consent ?? {}),
        controller: state?.controller?.by ?? 'bot',
      };
    }),
  );
  return views.sort((a, b) => b.lastAt - a.lastAt);
}
