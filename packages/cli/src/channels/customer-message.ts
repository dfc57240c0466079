import { randomBytes } from 'node:crypto';
import type { ChannelId } from '@loket/core';

/** One text from a customer to a business account. */
export interface CustomerText {
  account: string;
  user: string;
  text: string;
  at: number;
}

/**
 * The Messenger / Instagram webhook body of one customer text (PLATFORM_RULES §2.4, §3.4): `entry[].messaging[]`,
 * timestamps in ms. WhatsApp's shape comes from the emulator's own customer.
 */
export function metaMessagingBody(channel: ChannelId, message: CustomerText): { body: unknown; messageId: string } {
  const messageId = `m_${randomBytes(18).toString('base64url')}`;
  const object = channel === 'instagram' ? 'instagram' : 'page';
  const item = {
    sender: { id: message.user },
    recipient: { id: message.account },
    timestamp: message.at,
    message: { mid: messageId, text: message.text },
  };
  return { body: { object, entry: [{ id: message.account, time: message.at, messaging: [item] }] }, messageId };
}
