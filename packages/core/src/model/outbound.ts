import { z } from 'zod';
import { contentSchema } from './content.js';
import { conversationRefSchema } from './conversation.js';

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
/** One message to send. */
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

/** The platform accepted a message (delivery comes later, as `status` events). */
export const sendReceiptSchema = z.object({
  messageId: z.string(),
  conversation: conversationRefSchema,
  acceptedAt: z.number(),
  degraded: z.boolean().optional(),
  /** When one message had to be sent as several (long text split), the ids of all parts. */
  messageIds: z.array(z.string()).optional(),
});
/** The platform accepted a message. */
export type SendReceipt = z.infer<typeof sendReceiptSchema>;

/** Per-send options of `gateway.send`. */
export interface SendOptions {
  /** Refuse content that does not fit the channel instead of degrading it. */
  strict?: boolean;
}
