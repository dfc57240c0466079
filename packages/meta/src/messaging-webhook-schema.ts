import { z } from 'zod';

const id = z.union([z.string().min(1), z.number().transform(String)]);
const party = z.object({ id: id.optional(), user_ref: z.string().optional() }).loose();

/**
 * The Messenger Platform envelope (Messenger and Instagram, PLATFORM_RULES 2.4, 3.4): `object`, then entries
 * that each hold `messaging[]` or `standby[]`. Items stay `unknown` here so one bad item never hides the others.
 */
export const messagingEnvelopeSchema = z.object({ object: z.string().optional(), entry: z.array(z.unknown()) }).loose();

/** One entry: the Page or Instagram account (`id`) and its items. */
export const messagingEntrySchema = z
  .object({
    id: id.optional(),
    time: z.number().optional(),
    messaging: z.array(z.unknown()).optional(),
    standby: z.array(z.unknown()).optional(),
  })
  .loose();

/** One item of `messaging[]` / `standby[]`: who, when, and exactly one payload key. */
export const messagingItemSchema = z
  .object({ sender: party.optional(), recipient: party.optional(), timestamp: z.number().optional() })
  .loose();
/** A parsed `messaging[]` item. */
export type MessagingItem = z.infer<typeof messagingItemSchema>;

/** One attachment of a message: `{ type, payload }`. */
export const attachmentSchema = z
  .object({ type: z.string(), payload: z.record(z.string(), z.unknown()).nullish(), title: z.string().optional() })
  .loose();
/** A parsed attachment. */
export type MessagingAttachment = z.infer<typeof attachmentSchema>;

const referral = z
  .object({
    ref: z.string().optional(),
    source: z.string().optional(),
    type: z.string().optional(),
    ad_id: id.optional(),
    ads_context_data: z.record(z.string(), z.unknown()).optional(),
    referer_uri: z.string().optional(),
  })
  .loose();
/** A referral: an ad, an m.me / ig.me link, a Get Started with ref. */
export type MessagingReferral = z.infer<typeof referral>;
/** The schema of a referral fragment (inside `message`, `postback` or on its own). */
export const referralSchema = referral;

/** `message`: a customer message, an echo of a business one, an unsend or an unsupported one. */
export const messageSchema = z
  .object({
    mid: z.string().min(1),
    text: z.string().optional(),
    attachments: z.array(z.unknown()).optional(),
    quick_reply: z.object({ payload: z.string() }).loose().optional(),
    reply_to: z
      .object({
        mid: z.string().optional(),
        story: z.object({ id: id.optional(), url: z.string().optional() }).loose().optional(),
      })
      .loose()
      .optional(),
    referral: z.unknown().optional(),
    is_echo: z.boolean().optional(),
    app_id: id.optional(),
    metadata: z.string().optional(),
    is_deleted: z.boolean().optional(),
    is_unsupported: z.boolean().optional(),
  })
  .loose();
/** A parsed `message`. */
export type MessagingMessage = z.infer<typeof messageSchema>;

/** `message_edit`: the new text of a message, with how many times it was edited. */
export const messageEditSchema = z
  .object({ mid: z.string().min(1), text: z.string().optional(), num_edit: z.number().optional() })
  .loose();

/** `postback`: a button, Get Started, persistent menu or ice breaker was tapped. */
export const postbackSchema = z
  .object({
    mid: z.string().optional(),
    title: z.string().optional(),
    payload: z.string().optional(),
    referral: z.unknown().optional(),
  })
  .loose();

/** `reaction`: `react` / `unreact` on a message. */
export const reactionSchema = z
  .object({
    mid: z.string().min(1),
    action: z.string().optional(),
    reaction: z.string().optional(),
    emoji: z.string().optional(),
  })
  .loose();

/** `read`: a watermark (Messenger) or one message id (Instagram). */
export const readSchema = z.object({ watermark: z.number().optional(), mid: z.string().optional() }).loose();

/** `delivery`: message ids and a watermark. */
export const deliverySchema = z
  .object({ mids: z.array(z.string()).optional(), watermark: z.number().optional() })
  .loose();

/** `optin`: a marketing-messages opt-in (with its token and status) or a plugin opt-in (`ref`, `user_ref`). */
export const optinSchema = z
  .object({
    type: z.string().optional(),
    ref: z.string().optional(),
    user_ref: z.string().optional(),
    payload: z.string().optional(),
    title: z.string().optional(),
    notification_messages_token: z.string().optional(),
    notification_messages_status: z.string().optional(),
    one_time_notif_token: z.string().optional(),
  })
  .loose();

/** Handover protocol items: pass / take / request thread control. */
export const threadControlSchema = z
  .object({
    previous_owner_app_id: id.optional(),
    new_owner_app_id: id.optional(),
    requested_owner_app_id: id.optional(),
    metadata: z.string().optional(),
  })
  .loose();

/** `policy_enforcement`: a warning, block or unblock of the Page. */
export const policyEnforcementSchema = z.object({ action: z.string(), reason: z.string().optional() }).loose();
