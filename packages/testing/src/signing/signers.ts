import { createHmac } from 'node:crypto';
import { type BodyInput, toBytes } from './bytes.js';

function hmacSha256(body: BodyInput, secret: string): Buffer {
  return createHmac('sha256', secret).update(toBytes(body)).digest();
}

/**
 * The `X-Hub-Signature-256` value Meta (WhatsApp, Messenger, Instagram) sends: `sha256=` and the lowercase hex
 * HMAC-SHA256 of the exact body bytes, keyed with the app secret.
 *
 * @example
 * const body = readFileSync('fixtures/whatsapp/inbound/text.json');
 * headers.set('x-hub-signature-256', signMeta(body, process.env.APP_SECRET!));
 */
export function signMeta(body: BodyInput, secret: string): string {
  return `sha256=${hmacSha256(body, secret).toString('hex')}`;
}

/**
 * The `X-Twitter-Webhooks-Signature` value X sends (and the CRC `response_token`): `sha256=` and the base64
 * HMAC-SHA256 of the exact body bytes (or the `crc_token`), keyed with the app's consumer or OAuth 2.0 client secret.
 *
 * @example
 * headers.set('x-twitter-webhooks-signature', signX(body, process.env.X_CONSUMER_SECRET!));
 */
export function signX(body: BodyInput, secret: string): string {
  return `sha256=${hmacSha256(body, secret).toString('base64')}`;
}
