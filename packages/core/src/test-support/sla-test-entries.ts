import type { ChannelId, ConversationRef } from '../model/conversation.js';
import type { Controller } from '../record/record-entries.js';
import type { SlaEntry } from '../record/sla-waits.js';

// Test-only builders of record entries, in the shapes the gateway writes.

let next = 0;

/** A conversation with the business account `biz`. */
export const conv = (channel: ChannelId, user: string): ConversationRef => ({ channel, account: 'biz', user });

/** A message entry at an ISO time. */
export function message(
  conversation: ConversationRef,
  iso: string,
  author: 'customer' | 'agent' | 'bot' | 'system',
): SlaEntry {
  next += 1;
  return {
    conversation,
    seq: next,
    at: Date.parse(iso),
    kind: 'message',
    data: { messageId: `m${next}`, author: { kind: author }, content: { type: 'text', text: `text ${next}` } },
  };
}

/** A handover entry at an ISO time. */
export function handover(conversation: ConversationRef, iso: string, from: Controller, to: Controller): SlaEntry {
  next += 1;
  return { conversation, seq: next, at: Date.parse(iso), kind: 'handover', data: { from, to, source: 'api' } };
}
