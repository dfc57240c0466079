import type { InboundEvent, Referral } from '@loket/core';
import { compact, eventBase, type ParseContext, toMs, unsupportedEvent } from './whatsapp-parse-context.js';
import { whatsappContent } from './whatsapp-parse-content.js';
import { type WhatsAppMessage, messageSchema } from './whatsapp-webhook-schema.js';

/**
 * One item of `value.messages[]` → one event: a `message`, a `reaction`, a `consent` (system preference
 * change) or an `unsupported` one. The event id is the message's wamid, stable across redeliveries.
 */
export function parseWhatsAppMessage(raw: unknown, ctx: ParseContext): InboundEvent {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return invalidMessage(raw, ctx);
  const msg = parsed.data;
  const contact = ctx.contacts.find(
    (c) =>
      (msg.from !== undefined && c.wa_id === msg.from) ||
      (msg.from_user_id !== undefined && c.user_id === msg.from_user_id),
  );
  // A username user may have no phone number: the BSUID is then the user.
  const user = msg.from ?? msg.from_user_id ?? contact?.user_id ?? '*';
  const base = eventBase(msg.id, ctx, user, toMs(msg.timestamp), raw);
  const from = compact({ id: user, name: contact?.profile?.name });

  if (msg.type === 'reaction' && msg.reaction) {
    // An empty emoji means the customer removed the reaction.
    return { ...base, type: 'reaction', messageId: msg.reaction.message_id, emoji: msg.reaction.emoji || null, from };
  }
  if (msg.type === 'system') return systemEvent(msg, ctx, user, base.timestamp, raw);
  if (msg.type === 'unsupported' || msg.type === 'unknown') {
    return unsupportedEvent(unsupportedReason(msg), ctx, raw, { id: msg.id, user, timestamp: base.timestamp });
  }
  const result = whatsappContent(msg);
  if ('unsupported' in result)
    return unsupportedEvent(result.unsupported, ctx, raw, { id: msg.id, user, timestamp: base.timestamp });
  return compact({
    ...base,
    type: 'message' as const,
    messageId: msg.id,
    from,
    content: result.content,
    replyTo: msg.context?.id,
    referral: msg.referral ? referral(msg.referral) : undefined,
    meta: messageMeta(msg, contact?.profile?.username),
  });
}

/** `system` messages: a marketing preference change is consent; a number change is reported as is. */
function systemEvent(
  msg: WhatsAppMessage,
  ctx: ParseContext,
  user: string,
  timestamp: number,
  raw: unknown,
): InboundEvent {
  const system = msg.system ?? {};
  if (system.type === 'user_preference_changed' && (system.marketing === 'stop' || system.marketing === 'resume')) {
    const consent = system.marketing === 'stop' ? ('revoked' as const) : ('granted' as const);
    return { ...eventBase(msg.id, ctx, user, timestamp, raw), type: 'consent', consent, topic: 'marketing' };
  }
  // user_changed_number: the new wa_id is a new conversation; the handler decides how to link them (raw has it).
  return unsupportedEvent(`system:${system.type ?? 'unknown'}`, ctx, raw, { id: msg.id, user, timestamp });
}

function unsupportedReason(msg: WhatsAppMessage): string {
  if (msg.unsupported?.type) return `unsupported:${msg.unsupported.type}`;
  const codes = (msg.errors ?? []).map((e) => e.code);
  return codes.length > 0 ? `error:${codes.join(',')}` : 'unsupported';
}

/** Click-to-WhatsApp ads and other entry points: source, URL, ad id, and every other field as `data`. */
function referral(r: NonNullable<WhatsAppMessage['referral']>): Referral {
  const { source_type, source_url, source_id, ...rest } = r;
  const data = Object.keys(rest).length > 0 ? (rest as Record<string, unknown>) : undefined;
  return compact({ source: source_type ?? 'unknown', url: source_url, adId: source_id, data });
}

function messageMeta(msg: WhatsAppMessage, username?: string): Record<string, unknown> | undefined {
  const product = msg.context?.referred_product;
  const meta = compact({
    forwarded: msg.context?.forwarded || undefined,
    frequentlyForwarded: msg.context?.frequently_forwarded || undefined,
    referredProduct: product ? { catalogId: product.catalog_id, productId: product.product_retailer_id } : undefined,
    groupId: msg.group_id,
    username,
  });
  return Object.keys(meta).length > 0 ? meta : undefined;
}

/** A message item that does not fit the schema: kept whole, under its own id when it has one. */
function invalidMessage(raw: unknown, ctx: ParseContext): InboundEvent {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return unsupportedEvent(`invalid:${str(r.type) ?? 'message'}`, ctx, raw, {
    id: str(r.id),
    user: str(r.from) ?? str(r.from_user_id),
    timestamp: toMs(str(r.timestamp)),
  });
}
