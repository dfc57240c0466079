import { z } from 'zod';
import { timeOf } from './twitter-dm-parse-context.js';
import type { DmFacts } from './twitter-dm-parse-message.js';
import { type XMedia, xMediaSchema } from './twitter-dm-parse-media.js';

/** A v2-shaped DM event (`event_type: "MessageCreate"`), as the v2 DM lookups return it and XAA may deliver it. */
export const v2DmEventSchema = z.looseObject({
  id: z.string().min(1),
  event_type: z.string(),
  text: z.string().optional(),
  sender_id: z.string().min(1).optional(),
  created_at: z.string().optional(),
  dm_conversation_id: z.string().optional(),
  participant_ids: z.array(z.string()).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  entities: z.record(z.string(), z.unknown()).optional(),
});
type V2DmEvent = z.infer<typeof v2DmEventSchema>;

/** The other participant of a one-to-one conversation: from `participant_ids`, else the `A-B` conversation id. */
function otherParticipant(event: V2DmEvent, account: string): string | undefined {
  const ids = event.participant_ids ?? event.dm_conversation_id?.split('-') ?? [];
  return ids.find((id) => id !== account && /^\d+$/.test(id));
}

/** v2 `includes.media` entries by media key, read into the v1.1 media shape (photo URL as `media_url_https`). */
export function includedMedia(includes: unknown): Map<string, XMedia> {
  const list = z.looseObject({ media: z.array(z.unknown()).optional() }).safeParse(includes).data?.media ?? [];
  const out = new Map<string, XMedia>();
  for (const entry of list) {
    const media = xMediaSchema.safeParse(entry).data;
    if (!media?.media_key) continue;
    const photoUrl = media.type === 'photo' ? media.url : undefined;
    out.set(media.media_key, { ...media, url: undefined, ...(photoUrl ? { media_url_https: photoUrl } : {}) });
  }
  return out;
}

/** The facts of a v2 `MessageCreate` event; undefined for other event types (joins, leaves). */
export function v2DmFacts(event: V2DmEvent, account: string, media: Map<string, XMedia>): DmFacts | undefined {
  if (event.event_type !== 'MessageCreate' || !event.sender_id) return undefined;
  const key = event.attachments?.media_keys?.[0];
  const found = key === undefined ? undefined : media.get(key);
  const recipient = event.sender_id === account ? otherParticipant(event, account) : account;
  return {
    id: event.id,
    at: timeOf(event.created_at),
    sender: event.sender_id,
    ...(recipient ? { recipient } : {}),
    ...(event.text === undefined ? {} : { text: event.text }),
    ...(found ? { media: found } : {}),
    // A media key without its object in `includes` cannot be shown: report it rather than drop it.
    ...(key !== undefined && !found ? { unknownAttachment: 'media_key' } : {}),
    ...(event.entities ? { entities: event.entities } : {}),
  };
}
