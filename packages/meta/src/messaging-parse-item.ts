import type { InboundEvent } from '@loket/core';
import {
  parseDelivery,
  parseOptin,
  parsePolicyEnforcement,
  parseReaction,
  parseRead,
  parseReferral,
} from './messaging-parse-events.js';
import { parseHandover } from './messaging-parse-handover.js';
import { parseMessage, parseMessageEdit, parsePostback } from './messaging-parse-message.js';
import { type ItemFacts, type MessagingContext, messagingUnsupported } from './messaging-parse-context.js';
import { messagingItemSchema } from './messaging-webhook-schema.js';

type ItemParser = (payload: unknown, facts: ItemFacts, ctx: MessagingContext) => InboundEvent | InboundEvent[];

/** One parser per payload key (PLATFORM_RULES 2.4, 3.4); Instagram's `messaging_seen` arrives as `read`. */
const PARSERS: Record<string, ItemParser> = {
  message: parseMessage,
  message_edit: parseMessageEdit,
  postback: parsePostback,
  reaction: parseReaction,
  read: parseRead,
  delivery: parseDelivery,
  referral: parseReferral,
  optin: parseOptin,
  pass_thread_control: parseHandover('pass'),
  take_thread_control: parseHandover('take'),
  request_thread_control: parseHandover('request'),
  app_roles: parseHandover('app_roles'),
  policy_enforcement: parsePolicyEnforcement,
};

/** One item of `messaging[]` / `standby[]` → its events (a delivery names several messages). */
export function parseMessagingItem(raw: unknown, ctx: MessagingContext): InboundEvent[] {
  const parsed = messagingItemSchema.safeParse(raw);
  if (!parsed.success) return [messagingUnsupported('invalid:item', ctx, raw)];
  const item = parsed.data;
  const echo = isEcho(item.message);
  const customer = echo ? item.recipient : item.sender;
  const user = customer?.id ?? customer?.user_ref ?? '*';
  const facts: ItemFacts = { item, user, timestamp: item.timestamp ?? ctx.time, raw };
  const key = Object.keys(PARSERS).find((k) => item[k] !== undefined && item[k] !== null);
  if (!key) {
    const unknown = Object.keys(item).find((k) => !['sender', 'recipient', 'timestamp'].includes(k)) ?? 'none';
    return [messagingUnsupported(`messaging:${unknown}`, ctx, raw, { user, timestamp: facts.timestamp })];
  }
  const events = PARSERS[key]!(item[key], facts, ctx);
  return Array.isArray(events) ? events : [events];
}

function isEcho(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { is_echo?: unknown }).is_echo === true;
}
