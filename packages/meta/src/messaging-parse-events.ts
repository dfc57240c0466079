import type { InboundEvent } from '@loket/core';
import {
  compactFields,
  type ItemFacts,
  type MessagingContext,
  messagingBase,
  messagingUnsupported,
} from './messaging-parse-context.js';
import { toReferral } from './messaging-parse-message.js';
import {
  deliverySchema,
  optinSchema,
  policyEnforcementSchema,
  reactionSchema,
  readSchema,
} from './messaging-webhook-schema.js';
import { stableId } from './stable-id.js';

/** Meta's reaction names, for reactions that arrive without their emoji. */
const REACTION_EMOJI: Readonly<Record<string, string>> = {
  love: '\u2764\ufe0f',
  like: '\ud83d\udc4d',
  dislike: '\ud83d\udc4e',
  smile: '\ud83d\ude06',
  wow: '\ud83d\ude2e',
  sad: '\ud83d\ude22',
  angry: '\ud83d\ude20',
};

/** `reaction`: react / unreact on a message (`emoji: null` when removed). Id: target, sender and time. */
export function parseReaction(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const parsed = reactionSchema.safeParse(raw);
  if (!parsed.success) return messagingUnsupported('reaction:invalid', ctx, facts.raw, facts);
  const { mid, action, reaction, emoji } = parsed.data;
  const removed = action === 'unreact';
  const id = stableId(mid, 'reaction', facts.user, facts.timestamp);
  return {
    ...messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw),
    type: 'reaction',
    messageId: mid,
    emoji: removed ? null : (emoji ?? (reaction ? (REACTION_EMOJI[reaction] ?? reaction) : null)),
    from: { id: facts.user },
  };
}

/** `read`: Messenger's watermark (everything before it is read) or Instagram's single `mid`. */
export function parseRead(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const parsed = readSchema.safeParse(raw);
  const upTo = parsed.success ? (parsed.data.mid ?? parsed.data.watermark) : undefined;
  if (upTo === undefined) return messagingUnsupported('read:invalid', ctx, facts.raw, facts);
  const id = stableId('read', facts.user, upTo);
  return { ...messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw), type: 'read', upTo };
}

/** `delivery`: one `status: delivered` per message id; a delivery without ids only has a watermark. */
export function parseDelivery(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent[] {
  const parsed = deliverySchema.safeParse(raw);
  const mids = parsed.success ? (parsed.data.mids ?? []) : [];
  if (mids.length === 0) {
    const id = parsed.success ? stableId('delivery', facts.user, parsed.data.watermark) : undefined;
    return [messagingUnsupported('delivery:watermark', ctx, facts.raw, { ...facts, id })];
  }
  return mids.map((mid) => ({
    ...messagingBase(stableId(mid, 'delivery'), ctx, facts.user, facts.timestamp, facts.raw),
    type: 'status' as const,
    messageId: mid,
    status: 'delivered' as const,
  }));
}

/** `referral`: an ad, a short link or a QR code opened an existing thread. */
export function parseReferral(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const referral = toReferral(raw);
  if (!referral) return messagingUnsupported('referral:invalid', ctx, facts.raw, facts);
  const id = stableId('referral', facts.user, facts.timestamp);
  return compactFields({
    ...messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw),
    type: 'referral' as const,
    source: referral.source,
    ref: referral.ref,
    adId: referral.adId,
  });
}

/**
 * `optin`: a marketing-messages opt-in (granted, or revoked by `STOP_NOTIFICATIONS`; the token comes along) or a
 * plugin opt-in (checkbox, Send to Messenger: `ref`, and `user_ref` instead of a sender).
 */
export function parseOptin(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const parsed = optinSchema.safeParse(raw);
  if (!parsed.success) return messagingUnsupported('optin:invalid', ctx, facts.raw, facts);
  const o = parsed.data;
  const user = facts.user === '*' ? (o.user_ref ?? '*') : facts.user;
  const revoked = o.notification_messages_status === 'STOP_NOTIFICATIONS';
  const id = stableId('optin', user, o.type ?? 'plugin', facts.timestamp);
  return compactFields({
    ...messagingBase(id, ctx, user, facts.timestamp, facts.raw),
    type: 'consent' as const,
    consent: revoked ? ('revoked' as const) : ('granted' as const),
    // Typed opt-ins (marketing messages, the legacy one-time notification) name their topic in `payload`.
    topic: o.type === undefined ? o.ref : (o.payload ?? o.title),
    token: o.notification_messages_token ?? o.one_time_notif_token,
  });
}

/** `policy_enforcement`: not a conversation event; kept visible as `unsupported` with the action as its reason. */
export function parsePolicyEnforcement(raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent {
  const parsed = policyEnforcementSchema.safeParse(raw);
  const action = parsed.success ? parsed.data.action : 'invalid';
  const id = stableId('policy_enforcement', action, facts.timestamp);
  return messagingUnsupported(`policy_enforcement:${action}`, ctx, facts.raw, { id, timestamp: facts.timestamp });
}
