import { z } from 'zod';
import type { Content } from './content.js';
import { contentSchema } from './content-schema.js';
import { type ConversationRef, conversationRefSchema } from './conversation.js';

/** One message to send. */
export const outboundMessageSchema = z.object({
  to: conversationRefSchema,
  content: contentSchema,
  /** The platform id of the message this one quotes. */
  replyTo: z.string().optional(),
  /** Messenger/Instagram: a human agent's reply, allowed up to 7 days after the customer's last message. */
  tag: z.literal('human_agent').optional(),
  /** Consent topic, for business-initiated messages (WhatsApp templates, broadcasts). */
  topic: z.string().optional(),
  /** Opaque data the platform echoes back on status callbacks, where it supports that. */
  metadata: z.string().optional(),
  /**
   * Who writes it, for the record and channels that show it: `ctx.reply` / `ctx.send` default to `bot`; absent on
   * `gateway.send` means a human `agent`.
   */
  author: z.object({ kind: z.enum(['agent', 'bot', 'system']), id: z.string().optional() }).optional(),
});
/** Who writes an outbound message. */
export interface OutboundAuthor {
  kind: 'agent' | 'bot' | 'system';
  /** Which agent or bot. */
  id?: string;
}

/** One message to send. */
export interface OutboundMessage {
  to: ConversationRef;
  content: Content;
  /** The platform id of the message this one quotes. */
  replyTo?: string;
  /** Messenger/Instagram: a human agent's reply, allowed up to 7 days after the customer's last message. */
  tag?: 'human_agent';
  /** Consent topic, for business-initiated messages (WhatsApp templates, broadcasts). */
  topic?: string;
  /** Opaque data the platform echoes back on status callbacks, where it supports that. */
  metadata?: string;
  /**
   * Who writes it, for the record and channels that show it: `ctx.reply` / `ctx.send` default to `bot`; absent on
   * `gateway.send` means a human `agent`.
   */
  author?: OutboundAuthor;
}

/** Content as the sending calls take it: a plain string is short for `{ type: 'text', text }`. */
export type ContentInput = Content | string;

/** A message as `gateway.send`, `enqueueSend` and `ctx.send` take it: the content may be a plain string. */
export type OutboundInput = Omit<OutboundMessage, 'content'> & { content: ContentInput };

/** The content a {@link ContentInput} stands for. */
export function toContent(content: ContentInput): Content {
  return typeof content === 'string' ? { type: 'text', text: content } : content;
}

/** The message an {@link OutboundInput} stands for (its string content as text). */
export function toOutboundMessage(message: OutboundInput): OutboundMessage {
  return typeof message.content === 'string'
    ? { ...message, content: toContent(message.content) }
    : (message as OutboundMessage);
}

/** The platform accepted a message (delivery comes later, as `status` events). */
export const sendReceiptSchema = z.object({
  messageId: z.string(),
  conversation: conversationRefSchema,
  acceptedAt: z.number(),
  degraded: z.boolean().optional(),
  /** When one message had to be sent as several (long text split), the ids of all parts. */
  messageIds: z.array(z.string()).optional(),
});
/** The platform accepted a message (delivery comes later, as `status` events). */
export interface SendReceipt {
  /** The platform's id of the message (of its first part, when it was split). */
  messageId: string;
  conversation: ConversationRef;
  /** Milliseconds since the epoch. */
  acceptedAt: number;
  /** The content was changed to fit the channel (buttons became a list, a long text was split, …). */
  degraded?: boolean;
  /** When one message had to be sent as several (long text split), the ids of all parts. */
  messageIds?: string[];
}

/** Per-send options of `gateway.send`. */
export interface SendOptions {
  /** Refuse content that does not fit the channel instead of degrading it. */
  strict?: boolean;
  /**
   * Who wrote the message, for the record: a human agent (`id`: which one) or the bot. Default: `agent` for
   * `gateway.send`, `bot` for handler replies. Any other kind is refused with BAD_REQUEST.
   */
  author?: { kind: 'agent' | 'bot'; id?: string };
}
