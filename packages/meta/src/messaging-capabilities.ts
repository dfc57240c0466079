import type { Capabilities, InboundEventType } from '@loket/core';

const HOUR = 3_600_000;

/**
 * What Messenger and Instagram both have (PLATFORM_RULES 2.5, 3.5): reactions, typing and mark seen as sender
 * actions; no message templates, location or contact cards to send; no captions under attachments.
 */
export const MESSAGING_FEATURES = {
  mediaCaptions: false,
  templates: false,
  location: false,
  contacts: false,
  reactions: true,
  typing: true,
  readReceipts: true,
} as const satisfies Partial<Capabilities>;

/**
 * The Messenger Platform window (PLATFORM_RULES 2.6, 3.6): free-form for 24 h after a customer action in
 * `openedBy`, a human agent (`tag: 'human_agent'`) for 7 days, no templates outside it.
 */
export function messagingWindow(openedBy: InboundEventType[]): NonNullable<Capabilities['window']> {
  return { freeFormMs: 24 * HOUR, humanAgentMs: 7 * 24 * HOUR, templatesOutside: false, openedBy };
}
