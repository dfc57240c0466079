import { z } from 'zod';

/** The channels Loket knows. */
export const channelIdSchema = z.enum(['whatsapp', 'messenger', 'instagram', 'twitter-dm', 'webchat']);
/** A channel's id: the path segment of its webhook route too (`/webhooks/<channel>`). */
export type ChannelId = 'whatsapp' | 'messenger' | 'instagram' | 'twitter-dm' | 'webchat';

/** Names one conversation: the business side (`account`) and the customer side (`user`) on one channel. */
export const conversationRefSchema = z.object({
  channel: channelIdSchema,
  /** WhatsApp phone_number_id, Page id, IG account id, X user id, webchat site id. */
  account: z.string().min(1),
  /** wa_id (or BSUID), PSID, IGSID, X user id, webchat contact id. */
  user: z.string().min(1),
});
/** Names one conversation: the business side (`account`) and the customer side (`user`) on one channel. */
export interface ConversationRef {
  channel: ChannelId;
  /** WhatsApp phone_number_id, Page id, IG account id, X user id, webchat site id. */
  account: string;
  /** wa_id (or BSUID), PSID, IGSID, X user id, webchat contact id. */
  user: string;
}

/** A stable string key for a conversation, safe for stores and maps. */
export function conversationKey(ref: ConversationRef): string {
  return `${ref.channel}:${ref.account}:${ref.user}`;
}
