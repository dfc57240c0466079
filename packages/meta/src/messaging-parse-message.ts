import type { Content, InboundEvent, Referral } from '@loket/core';
import { attachmentContent } from './messaging-attachments.js';
import {
  compactFields,
  type ItemFacts,
  type MessagingContext,
  messagingBase,
  messagingUnsupported,
} from './messaging-parse-context.js';
import { messageEditSchema, messageSchema, postbackSchema, referralSchema } from './messaging-webhook-schema.js';
import { stableId } from './stable-id.js';

type Part = { content: Content; meta?: Record<string, unknown> } | { unsupported: string };

/** A referral fragment (ads, m.me / ig.me links, Get Started with ref) in the model's shape. */
export function toReferral(raw: unknown): Referral | undefined {
  const parsed = referralSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  return compactFields({
    source: r.source ?? 'unknown',
    ref: r.ref,
    adId: r.ad_id,
    url: r.referer_uri,
    data: r.ads_context_data,
  });
}

/** The parts of a message: its text (or quick-reply choice), then each attachment. */
function partsOf(m: ReturnType<typeof messageSchema.parse>): Part[] {
  const parts: Part[] = [];
  if (m.quick_reply)
    parts.push({ content: { type: 'choice', id: m.quick_reply.payload, ...(m.text ? { title: m.text } : {}) } });
  else if (m.text !== undefined && m.text !== '') parts.push({ content: { type: 'text', text: m.text } });
  const attachments = m.attachments ?? [];
  // During the 2026 sticker migration one sticker arrives twice: as `sticker` and as an image with sticker_id.
  const hasSticker = attachments.some((a) => (a as { type?: unknown } | null)?.type === 'sticker');
  for (const a of attachments) {
    const result = attachmentContent(a);
    if ('unsupported' in result) parts.push(result);
    else if (hasSticker && result.content.type === 'sticker' && (a as { type?: unknown }).type !== 'sticker') continue;
    else parts.push({ content: result.content, ...(result.kind ? { meta: { attachment: result.kind } } : {}) });
  }
  return parts;
}

/**
 * `message`: one event per part (text or quick-reply choice first, then each attachment); the first part's id is
 * the `mid`, the others `<mid>:<n>`. Echoes become `echo` events (never customer messages); an unsend
 * (`is_deleted`) and an unsupported message become `unsupported` events with their own reasons.
 */
export function parseMessage(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent[] {
  const parsed = messageSchema.safeParse(raw);
  const at = { user: facts.user, timestamp: facts.timestamp };
  if (!parsed.success) return [messagingUnsupported('message:invalid', ctx, facts.raw, at)];
  const m = parsed.data;
  if (m.is_deleted) return [messagingUnsupported('message:deleted', ctx, facts.raw, { ...at, id: `${m.mid}:deleted` })];
  if (m.is_unsupported) return [messagingUnsupported('message:unsupported', ctx, facts.raw, { ...at, id: m.mid })];
  const parts = partsOf(m);
  if (parts.length === 0) return [messagingUnsupported('message:empty', ctx, facts.raw, { ...at, id: m.mid })];
  const story = m.reply_to?.story;
  const referral = toReferral(m.referral);
  return parts.map((part, i) => {
    const id = i === 0 ? m.mid : stableId(m.mid, i);
    if ('unsupported' in part) return messagingUnsupported(part.unsupported, ctx, facts.raw, { ...at, id });
    const base = messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw);
    if (m.is_echo) return { ...base, type: 'echo' as const, messageId: m.mid, content: part.content };
    const meta = { ...part.meta, ...(story ? { story: compactFields({ id: story.id, url: story.url }) } : {}) };
    return compactFields({
      ...base,
      type: 'message' as const,
      messageId: m.mid,
      from: { id: facts.user },
      content: part.content,
      replyTo: m.reply_to?.mid,
      referral,
      meta: Object.keys(meta).length > 0 ? meta : undefined,
    });
  });
}

/** `message_edit`: the new text as a message with the same `messageId`, marked `meta.edited`. */
export function parseMessageEdit(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const parsed = messageEditSchema.safeParse(raw);
  const at = { user: facts.user, timestamp: facts.timestamp };
  if (!parsed.success || parsed.data.text === undefined)
    return messagingUnsupported('message_edit:invalid', ctx, facts.raw, at);
  const { mid, text, num_edit } = parsed.data;
  const id = stableId(mid, 'edit', num_edit ?? facts.timestamp);
  return {
    ...messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw),
    type: 'message',
    messageId: mid,
    from: { id: facts.user },
    content: { type: 'text', text },
    meta: compactFields({ edited: true, numEdit: num_edit }),
  };
}

/** `postback` (buttons, Get Started, persistent menu, ice breakers) → a `choice` message. */
export function parsePostback(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const parsed = postbackSchema.safeParse(raw);
  if (!parsed.success) return messagingUnsupported('postback:invalid', ctx, facts.raw, facts);
  const { mid, title, payload } = parsed.data;
  // Postbacks delivered through standby carry no payload: the title is then the best id there is.
  const id = mid ?? stableId('postback', facts.user, facts.timestamp);
  return compactFields({
    ...messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw),
    type: 'message' as const,
    messageId: id,
    from: { id: facts.user },
    content: compactFields({ type: 'choice' as const, id: payload ?? title ?? '', title }),
    referral: toReferral(parsed.data.referral),
  });
}
