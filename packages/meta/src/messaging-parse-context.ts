import type { ChannelId, ConversationRef, EventOf, InboundEvent } from '@loket/core';
import type { MessagingItem } from './messaging-webhook-schema.js';
import { stableHash } from './stable-id.js';

/** What the items of one entry share: the channel, the business account (`entry.id`) and the entry's time. */
export interface MessagingContext {
  channel: ChannelId;
  /** The Page id (Messenger) or Instagram professional account id: `entry[].id`. */
  account: string;
  /** `entry.time`, used when an item carries no `timestamp` of its own (0 when unknown). */
  time: number;
}

/** Who the customer of an item is, when it was, and its untouched fragment. */
export interface ItemFacts {
  item: MessagingItem;
  /** The customer: the sender, or the recipient of an echo; `*` when there is none. */
  user: string;
  timestamp: number;
  raw: unknown;
}

/** The fields every event has, before its type. */
export type EventBase = Pick<InboundEvent, 'id' | 'channel' | 'conversation' | 'timestamp' | 'raw'>;

/** The common event fields; `user` is `*` for events that belong to no customer (policy enforcement, app roles). */
export function messagingBase(
  id: string,
  ctx: MessagingContext,
  user: string,
  timestamp: number,
  raw: unknown,
): EventBase {
  const conversation: ConversationRef = { channel: ctx.channel, account: ctx.account, user };
  return { id, channel: ctx.channel, conversation, timestamp, raw };
}

/** An `unsupported` event, its id the given one or a hash of the fragment (stable across redeliveries). */
export function messagingUnsupported(
  reason: string,
  ctx: MessagingContext,
  raw: unknown,
  options: { id?: string; user?: string; timestamp?: number } = {},
): EventOf<'unsupported'> {
  const id = options.id ?? `unsupported:${stableHash({ account: ctx.account, raw })}`;
  const base = messagingBase(id, ctx, options.user ?? '*', options.timestamp ?? ctx.time, raw);
  return { ...base, type: 'unsupported', reason };
}

/** Drops keys whose value is undefined, so events compare equal to hand-written fixtures. */
export function compactFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
