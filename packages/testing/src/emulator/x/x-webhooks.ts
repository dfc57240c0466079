import { randomUUID } from 'node:crypto';
import { signX } from '../../signing/signers.js';
import { xCrcRequest } from '../../signing/x-requests.js';
import type { EmulatorChannel } from '../emulator-channel.js';

/** Which webhook envelope the emulated X delivers: Account Activity API or X Activity API. */
export type XEnvelope = 'aaa' | 'xaa';

/** The X secrets the emulator signs with: the consumer secret (legacy header), the client secret (OAuth 2.0 one). */
export interface XEmulatorSecrets {
  consumerSecret: string;
  clientSecret?: string;
}

/** The `users` map of a delivery, in the envelope's shape (XAA wraps each user in `data`). */
export function xUsers(envelope: XEnvelope, users: { id: string; name?: string }[]): Record<string, unknown> {
  const entries = users.map((u) => {
    const user = { id: u.id, name: u.name ?? `User ${u.id}`, screen_name: `user${u.id}` };
    return [u.id, envelope === 'xaa' ? { data: { id: user.id, name: user.name, username: user.screen_name } } : user];
  });
  return Object.fromEntries(entries);
}

const XAA_TYPES: Record<string, string> = {
  direct_message_events: 'dm.received',
  direct_message_indicate_typing_events: 'dm.indicate_typing',
  direct_message_mark_read_events: 'dm.read',
};

/**
 * One delivery of `activity` (`{ direct_message_events: [...] }` and the like) for the subscribed `account`:
 * AAA puts it next to `for_user_id`, XAA inside `data.payload` with `filter.user_id`.
 */
export function xDelivery(
  envelope: XEnvelope,
  account: string,
  activity: Record<string, unknown>,
  options: { sent?: boolean } = {},
): unknown {
  if (envelope === 'aaa') return { for_user_id: account, ...activity };
  const key = Object.keys(activity).find((k) => k in XAA_TYPES) ?? 'direct_message_events';
  const event_type = options.sent ? 'dm.sent' : XAA_TYPES[key];
  return { data: { event_uuid: randomUUID(), filter: { user_id: account }, event_type, payload: activity } };
}

/**
 * How X serializes, signs and checks webhooks: plain UTF-8 JSON, `sha256=<base64>` in the legacy header (consumer
 * secret) and, when a client secret is set, in the OAuth 2.0 header too; CRC checks with `crc_token`.
 */
export function xWebhookBasics(
  secrets: () => XEmulatorSecrets,
): Pick<EmulatorChannel, 'serialize' | 'webhookHeaders' | 'handshake'> {
  return {
    serialize: (value) => JSON.stringify(value),
    webhookHeaders: (body) => {
      const { consumerSecret, clientSecret } = secrets();
      return {
        'user-agent': 'Twitter-Webhooks/1.0',
        'x-twitter-webhooks-signature': signX(body, consumerSecret),
        ...(clientSecret ? { 'x-twitter-webhooks-signature-oauth2': signX(body, clientSecret) } : {}),
      };
    },
    handshake(webhookUrl) {
      const { consumerSecret, clientSecret } = secrets();
      const crcToken = randomUUID().replaceAll('-', '');
      const expectedBody = JSON.stringify({ response_token: signX(crcToken, clientSecret ?? consumerSecret) });
      return { url: xCrcRequest({ crcToken, url: webhookUrl }).url, expectedBody };
    },
  };
}
