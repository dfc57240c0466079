import { type Content, eventId, type InboundEvent } from '@loket/core';
import { z } from 'zod';
import { conversationOf, participant, timeOf, type XParseContext, xUnsupported } from './twitter-dm-parse-context.js';
import { captionOf, mediaContent, type XMedia, xMediaSchema } from './twitter-dm-parse-media.js';

const entitiesSchema = z.looseObject({
  hashtags: z.array(z.unknown()).optional(),
  symbols: z.array(z.unknown()).optional(),
  user_mentions: z.array(z.unknown()).optional(),
  urls: z.array(z.unknown()).optional(),
});

/** A v1.1-shaped DM event (`type: "message_create"`), as AAA delivers it. */
export const messageCreateSchema = z.looseObject({
  type: z.literal('message_create'),
  id: z.string().min(1),
  created_timestamp: z.union([z.string(), z.number()]).optional(),
  initiated_via: z
    .looseObject({ tweet_id: z.string().optional(), welcome_message_id: z.string().optional() })
    .optional(),
  message_create: z.looseObject({
    target: z.looseObject({ recipient_id: z.string().min(1) }),
    sender_id: z.string().min(1),
    message_data: z
      .looseObject({
        text: z.string().optional(),
        entities: entitiesSchema.optional(),
        attachment: z.looseObject({ type: z.string(), media: xMediaSchema.optional() }).optional(),
        quick_reply_response: z.looseObject({ type: z.string(), metadata: z.string().optional() }).optional(),
      })
      .optional(),
  }),
});

/** What one DM says, whichever shape it came in. */
export interface DmFacts {
  id: string;
  at: number;
  sender: string;
  /** The other participant when the account sent it (an echo). */
  recipient?: string;
  text?: string;
  media?: XMedia;
  /** An attachment of a kind X did not document (`attachment.type`, or the media type). */
  unknownAttachment?: string;
  quickReply?: string;
  entities?: Record<string, unknown>;
  initiatedVia?: { tweet_id?: string; welcome_message_id?: string };
}

/** The facts of a v1.1-shaped `message_create` event. */
export function messageCreateFacts(item: z.infer<typeof messageCreateSchema>): DmFacts {
  const create = item.message_create;
  const data = create.message_data ?? {};
  const attachment = data.attachment;
  const media = attachment?.type === 'media' ? attachment.media : undefined;
  const unknownAttachment =
    attachment && !media ? attachment.type : media && !mediaContent(media, undefined) ? media.type : undefined;
  return {
    id: item.id,
    at: timeOf(item.created_timestamp),
    sender: create.sender_id,
    recipient: create.target.recipient_id,
    ...(data.text === undefined ? {} : { text: data.text }),
    ...(media && !unknownAttachment ? { media } : {}),
    ...(unknownAttachment ? { unknownAttachment } : {}),
    ...(data.quick_reply_response?.type === 'options' && data.quick_reply_response.metadata !== undefined
      ? { quickReply: data.quick_reply_response.metadata }
      : {}),
    ...(data.entities ? { entities: data.entities } : {}),
    ...(item.initiated_via ? { initiatedVia: item.initiated_via } : {}),
  };
}

function contentOf(dm: DmFacts): Content | undefined {
  if (dm.quickReply !== undefined) return { type: 'choice', id: dm.quickReply, ...(dm.text ? { title: dm.text } : {}) };
  if (dm.media) return mediaContent(dm.media, captionOf(dm.text, dm.media));
  if (dm.text !== undefined && (dm.text !== '' || !dm.unknownAttachment)) return { type: 'text', text: dm.text };
  return undefined;
}

/** Entities worth passing on: any non-empty list, without the link X appends for the attachment. */
function entitiesMeta(dm: DmFacts): Record<string, unknown> | undefined {
  if (!dm.entities) return undefined;
  const kept = Object.entries(dm.entities).flatMap(([key, list]) => {
    if (!Array.isArray(list)) return [];
    const rest = list.filter((e) => !(dm.media?.url && (e as { url?: unknown } | null)?.url === dm.media.url));
    return rest.length > 0 ? [[key, rest] as const] : [];
  });
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function referralOf(dm: DmFacts) {
  const via = dm.initiatedVia;
  if (via?.tweet_id) return { source: 'tweet', ref: via.tweet_id };
  if (via?.welcome_message_id) return { source: 'welcome_message', ref: via.welcome_message_id };
  return undefined;
}

/**
 * One DM as events: a `message` from the customer, or an `echo` when the subscribed account sent it
 * (`sender_id === for_user_id`, PLATFORM_RULES 4.3); an attachment of an unknown kind is an extra `unsupported`.
 * Ids are the event id and the account, so the same DM for two subscribed users is two events.
 */
export function dmEvents(dm: DmFacts, ctx: XParseContext, raw: unknown): InboundEvent[] {
  const account = ctx.account === '*' ? (dm.recipient ?? '*') : ctx.account;
  const echo = dm.sender === account;
  const user = echo ? (dm.recipient ?? '*') : dm.sender;
  const base = {
    id: eventId(dm.id, account),
    channel: 'twitter-dm' as const,
    conversation: conversationOf(account, user),
    timestamp: dm.at,
    raw,
  };
  const events: InboundEvent[] = [];
  const content = contentOf(dm);
  if (content && echo) events.push({ ...base, type: 'echo', messageId: dm.id, content });
  if (content && !echo) {
    const meta = entitiesMeta(dm);
    const referral = referralOf(dm);
    events.push({
      ...base,
      type: 'message',
      messageId: dm.id,
      from: participant(ctx, dm.sender),
      content,
      ...(referral ? { referral } : {}),
      ...(meta ? { meta: { entities: meta } } : {}),
    });
  }
  if (dm.unknownAttachment !== undefined || !content) {
    const reason = dm.unknownAttachment ? `attachment:${dm.unknownAttachment}` : 'message:empty';
    const id = eventId(dm.id, account, 'attachment');
    events.push(xUnsupported(reason, { ...ctx, account }, raw, { id, user, timestamp: dm.at }));
  }
  return events;
}
