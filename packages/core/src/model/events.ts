// The normalized inbound events, as named interfaces a user can read in a hover. The zod schemas in
// event-schema.ts validate the same shapes; schema-check.ts fails the build when the two drift apart.
import type { Content } from './content.js';
import type { ChannelId, ConversationRef } from './conversation.js';

/** What every inbound event carries. */
export interface EventBase {
  /** Stable across redeliveries: the dedupe key. */
  id: string;
  channel: ChannelId;
  conversation: ConversationRef;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** The platform's fragment, untouched. */
  raw: unknown;
}

/** Who sent a message or reaction: the customer's id on the channel, and a display name when the platform gives one. */
export interface EventSender {
  id: string;
  name?: string;
}

/** Where a customer came from (an ad, a short link, a QR code). */
export interface Referral {
  source: string;
  ref?: string;
  adId?: string;
  url?: string;
  data?: Record<string, unknown>;
}

/** The customer sent a message (a pick from buttons, a list or a postback arrives as `content.type: 'choice'`). */
export interface MessageEvent extends EventBase {
  type: 'message';
  messageId: string;
  from: EventSender;
  content: Content;
  /** The platform id of the message this one quotes. */
  replyTo?: string;
  referral?: Referral;
  /** Set when a numbered text answer was mapped to a `choice`, or a message was edited/forwarded. */
  meta?: Record<string, unknown>;
}

/** The customer reacted to a message, or removed a reaction (`emoji: null`). */
export interface ReactionEvent extends EventBase {
  type: 'reaction';
  /** The message reacted to. */
  messageId: string;
  emoji: string | null;
  from?: EventSender;
}

/** What the platform says happened to a message we sent. */
export type SendStatus = 'sent' | 'delivered' | 'read' | 'failed';

/** Why a sent message failed, mapped onto Loket's codes with the platform's own code beside it. */
export interface StatusError {
  code: string;
  message: string;
  platformCode: string | number;
}

/** A message we sent was sent, delivered, read or failed. */
export interface StatusEvent extends EventBase {
  type: 'status';
  messageId: string;
  status: SendStatus;
  error?: StatusError;
}

/** The customer opted in or out (of a topic, where the platform has them). */
export interface ConsentEvent extends EventBase {
  type: 'consent';
  consent: 'granted' | 'revoked';
  topic?: string;
  /** The platform's token for the opt-in (Messenger marketing messages). */
  token?: string;
}

/** The customer read our messages up to a message id or a watermark timestamp. */
export interface ReadEvent extends EventBase {
  type: 'read';
  upTo: string | number;
}

/** The customer is typing. */
export interface TypingEvent extends EventBase {
  type: 'typing';
}

/** The customer arrived from an ad, link or QR code without sending a message. */
export interface ReferralEvent extends EventBase {
  type: 'referral';
  source: string;
  ref?: string;
  adId?: string;
}

/** A message the business sent from elsewhere (another app, the platform's inbox). */
export interface EchoEvent extends EventBase {
  type: 'echo';
  messageId: string;
  content: Content;
}

/** Control of the conversation moved between apps (thread control, handover protocol). */
export interface HandoverEvent extends EventBase {
  type: 'handover';
  action: string;
  from?: string;
  to?: string;
}

/** Anything not modelled; `raw` keeps it all. */
export interface UnsupportedEvent extends EventBase {
  type: 'unsupported';
  reason: string;
}

/** A normalized inbound event. */
export type InboundEvent =
  | MessageEvent
  | ReactionEvent
  | StatusEvent
  | ConsentEvent
  | ReadEvent
  | TypingEvent
  | ReferralEvent
  | EchoEvent
  | HandoverEvent
  | UnsupportedEvent;
/** The `type` of an InboundEvent. */
export type InboundEventType = InboundEvent['type'];
/** The InboundEvent variant with the given `type`. */
export type EventOf<T extends InboundEventType> = Extract<InboundEvent, { type: T }>;
