import {
  type ConversationRef,
  contentSchema,
  conversationRefSchema,
  type InboundEvent,
  type WebhookRequest,
} from '@loket/core';
import { z } from 'zod';

// What the web chat routes put in the inbox: our own JSON, written after the credential was checked. The worker
// turns it into events like any channel's webhook; the inbox keeps it for retries and dead letters.

const messageEnvelope = z.object({
  type: z.literal('message'),
  ref: conversationRefSchema,
  at: z.number(),
  seq: z.number(),
  messageId: z.string(),
  clientMessageId: z.string().optional(),
  from: z.object({ id: z.string(), name: z.string().optional() }),
  content: contentSchema,
  replyTo: z.string().optional(),
});
const statusEnvelope = z.object({
  type: z.literal('status'),
  ref: conversationRefSchema,
  at: z.number(),
  statuses: z.array(z.object({ messageId: z.string(), status: z.enum(['delivered', 'read']), seq: z.number() })),
});
const typingEnvelope = z.object({
  type: z.literal('typing'),
  ref: conversationRefSchema,
  at: z.number(),
  on: z.boolean(),
});

const envelopeSchema = z.discriminatedUnion('type', [messageEnvelope, statusEnvelope, typingEnvelope]);
/** One inbox item of the web chat. */
export type WebchatEnvelope = z.infer<typeof envelopeSchema>;

/** The envelope as an inbox request. */
export function toInboxRequest(envelope: WebchatEnvelope, url: string): WebhookRequest {
  return {
    method: 'POST',
    url,
    headers: new Headers({ 'content-type': 'application/json' }),
    body: new TextEncoder().encode(JSON.stringify({ v: 1, ...envelope })),
  };
}

function base(ref: ConversationRef, at: number, raw: unknown) {
  return { channel: 'webchat' as const, conversation: ref, timestamp: at, raw };
}

function eventsOf(e: WebchatEnvelope): InboundEvent[] {
  if (e.type === 'message') {
    const event: InboundEvent = {
      ...base(e.ref, e.at, e),
      id: e.messageId,
      type: 'message',
      messageId: e.messageId,
      from: e.from,
      content: e.content,
      meta: { seq: e.seq, ...(e.clientMessageId === undefined ? {} : { clientMessageId: e.clientMessageId }) },
    };
    if (e.replyTo !== undefined) event.replyTo = e.replyTo;
    return [event];
  }
  if (e.type === 'status') {
    return e.statuses.map((s) => ({
      ...base(e.ref, e.at, s),
      id: `${s.messageId}:${s.status}`,
      type: 'status' as const,
      messageId: s.messageId,
      status: s.status,
    }));
  }
  // Typing stops on its own; only a start is an event (the route never queues a stop).
  return e.on ? [{ ...base(e.ref, e.at, e), id: `typing:${e.ref.user}:${e.at}`, type: 'typing' }] : [];
}

/** An item that names its conversation but carries nothing the gateway handles: still a trace, never silence. */
function unsupported(ref: ConversationRef, at: number, kind: string, raw: unknown): InboundEvent {
  return {
    ...base(ref, at, raw),
    id: `unsupported:${ref.user}:${at}:${kind}`,
    type: 'unsupported',
    reason: `web chat item ${kind}`,
  };
}

/**
 * Normalizes one inbox item; anything it does not know, or an item with nothing in it, is an `unsupported` event.
 * Without a conversation ref there is no event at all, and the gateway dead-letters the item.
 */
export function parseEnvelope(req: WebhookRequest): InboundEvent[] {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(req.body));
  } catch {
    return [];
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (parsed.success) {
    const events = eventsOf(parsed.data);
    const { ref, at, type } = parsed.data;
    return events.length > 0 ? events : [unsupported(ref, at, `${type} with nothing in it`, raw)];
  }
  const ref = conversationRefSchema.safeParse((raw as { ref?: unknown } | null)?.ref);
  if (!ref.success) return [];
  const at = Number((raw as { at?: unknown }).at) || 0;
  return [unsupported(ref.data, at, String((raw as { type?: unknown }).type), raw)];
}
