import { z } from 'zod';

// Validates the shapes events.ts declares (schema-check.ts keeps the two equal); internal to @loket/core except
// `inboundEventSchema`.
import { contentSchema } from './content-schema.js';
import { channelIdSchema, conversationRefSchema } from './conversation.js';

const base = {
  /** Stable across redeliveries: the dedupe key. */
  id: z.string().min(1),
  channel: channelIdSchema,
  conversation: conversationRefSchema,
  /** Milliseconds since the epoch. */
  timestamp: z.number(),
  /** The platform's fragment, untouched. */
  raw: z.unknown(),
};

export const referralSchema = z.object({
  source: z.string(),
  ref: z.string().optional(),
  adId: z.string().optional(),
  url: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const messageEventSchema = z.object({
  ...base,
  type: z.literal('message'),
  messageId: z.string(),
  from: z.object({ id: z.string(), name: z.string().optional() }),
  content: contentSchema,
  replyTo: z.string().optional(),
  referral: referralSchema.optional(),
  /** Set when a numbered text answer was mapped to a `choice`, or a message was edited/forwarded. */
  meta: z.record(z.string(), z.unknown()).optional(),
});
export const reactionEventSchema = z.object({
  ...base,
  type: z.literal('reaction'),
  messageId: z.string(),
  emoji: z.string().nullable(),
  from: z.object({ id: z.string(), name: z.string().optional() }).optional(),
});
export const sendStatusSchema = z.enum(['sent', 'delivered', 'read', 'failed']);
export const statusErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  platformCode: z.union([z.string(), z.number()]),
});
export const statusEventSchema = z.object({
  ...base,
  type: z.literal('status'),
  messageId: z.string(),
  status: sendStatusSchema,
  error: statusErrorSchema.optional(),
});
export const consentEventSchema = z.object({
  ...base,
  type: z.literal('consent'),
  consent: z.enum(['granted', 'revoked']),
  topic: z.string().optional(),
  token: z.string().optional(),
});
export const readEventSchema = z.object({ ...base, type: z.literal('read'), upTo: z.union([z.string(), z.number()]) });
export const typingEventSchema = z.object({ ...base, type: z.literal('typing') });
export const referralEventSchema = z.object({
  ...base,
  type: z.literal('referral'),
  source: z.string(),
  ref: z.string().optional(),
  adId: z.string().optional(),
});
export const echoEventSchema = z.object({
  ...base,
  type: z.literal('echo'),
  messageId: z.string(),
  content: contentSchema,
});
export const handoverEventSchema = z.object({
  ...base,
  type: z.literal('handover'),
  action: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export const unsupportedEventSchema = z.object({ ...base, type: z.literal('unsupported'), reason: z.string() });

/** Every normalized inbound event. */
export const inboundEventSchema = z.discriminatedUnion('type', [
  messageEventSchema,
  reactionEventSchema,
  statusEventSchema,
  consentEventSchema,
  readEventSchema,
  typingEventSchema,
  referralEventSchema,
  echoEventSchema,
  handoverEventSchema,
  unsupportedEventSchema,
]);
