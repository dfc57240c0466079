import type { ChannelId } from '@loket/core';

/** The business side of a Messenger or Instagram conversation and the customer on the other side. */
export interface MessagingParties {
  /** Page id (Messenger) or Instagram professional account id. */
  account: string;
  /** PSID or IGSID. */
  user: string;
}

/** `object` of each product's webhooks (PLATFORM_RULES 2.4, 3.4). */
const OBJECTS: Record<string, string> = { messenger: 'page', instagram: 'instagram' };

/** One webhook with one entry holding one `messaging[]` item. */
export function messagingEnvelope(channel: ChannelId, account: string, item: Record<string, unknown>, at: number) {
  return { object: OBJECTS[channel] ?? 'page', entry: [{ id: account, time: at, messaging: [item] }] };
}

/** An item the customer sends (sender = customer), or, with `fromBusiness`, one about the business's message. */
export function messagingItem(
  parties: MessagingParties,
  payload: Record<string, unknown>,
  at: number,
): Record<string, unknown> {
  return { sender: { id: parties.user }, recipient: { id: parties.account }, timestamp: at, ...payload };
}
