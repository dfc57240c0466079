import {
  bytesEqual,
  hmacDigest,
  LoketError,
  loketMessage,
  readSignatureHeader,
  type WebhookReply,
  type WebhookRequest,
} from '@loket/core';

/** The OAuth 2.0 signature header (client secret) and the legacy one (consumer secret), lowercase. */
export const X_OAUTH2_SIGNATURE_HEADER = 'x-twitter-webhooks-signature-oauth2';
export const X_LEGACY_SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

const FORMAT = { prefix: 'sha256=', encoding: 'base64', bytes: 32 } as const;
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
// X's tokens are short random strings. Anything else (braces, quotes, spaces) could be a webhook body someone wants
// signed with our secret: the CRC endpoint must not be a signing oracle.
const CRC_TOKEN = /^[A-Za-z0-9_\-.~+/=]{1,256}$/;

/** The secrets a twitter-dm adapter verifies with. */
export interface XWebhookSecrets {
  consumerSecret: string;
  clientSecret?: string;
  requireOAuth2Signature?: boolean;
  crcSecret?: 'auto' | 'consumer' | 'client';
}

/** The secret CRC answers are keyed with: the OAuth 2.0 client secret when configured, else the consumer secret. */
export function crcSecretOf(secrets: XWebhookSecrets): string {
  if (secrets.crcSecret === 'consumer' || !secrets.clientSecret) return secrets.consumerSecret;
  return secrets.clientSecret;
}

/**
 * Answers X's CRC check, `GET ?crc_token=…`, with 200 and `{"response_token":"sha256=<base64 HMAC>"}`. Stateless
 * (X sends checks at any time). A missing value or a token that is not a plain short token gets 400; a GET without
 * `crc_token` is no check (undefined).
 *
 * @example
 * const reply = xCrcReply(req, { consumerSecret, clientSecret });
 */
export function xCrcReply(req: WebhookRequest, secrets: XWebhookSecrets): WebhookReply | undefined {
  if (req.method.toUpperCase() !== 'GET') return undefined;
  const token = new URL(req.url, 'http://localhost').searchParams.get('crc_token');
  if (token === null) return undefined;
  if (token === '') return { status: 400, headers: JSON_TYPE, body: JSON.stringify({ error: 'crc_token is empty' }) };
  if (!CRC_TOKEN.test(token)) {
    return { status: 400, headers: JSON_TYPE, body: JSON.stringify({ error: 'crc_token is not a plain token' }) };
  }
  const mac = hmacDigest('sha256', crcSecretOf(secrets), token).toString('base64');
  return { status: 200, headers: JSON_TYPE, body: JSON.stringify({ response_token: `sha256=${mac}` }) };
}

function invalid(text: string): LoketError {
  return new LoketError('SIGNATURE_INVALID', loketMessage('twitter-dm', text), {
    channel: 'twitter-dm',
    retryable: false,
  });
}

/**
 * The MAC of a signature header, read exactly: SP / HTAB trimmed, then core's strict reader, then the value must be
 * the canonical `sha256=<base64>` of what it decoded to (no other spaces, no case or padding variants).
 */
/** The MAC of one signature header, read exactly by core (SP/HTAB trimmed only, canonical base64). */
function readExact(header: string, value: string | null): Buffer {
  const read = readSignatureHeader(value, FORMAT);
  if (!read.ok) throw invalid(`${header} ${read.problem}`);
  return read.digest;
}

function check(req: WebhookRequest, header: string, secret: string, secretName: string): void {
  const digest = readExact(header, req.headers.get(header));
  if (!bytesEqual(hmacDigest('sha256', secret, req.body), digest)) {
    throw invalid(
      `${header} does not match the body: check ${secretName}, and that the raw bytes reach Loket unparsed`,
    );
  }
}

/**
 * Checks X's webhook signature over the raw body, constant-time. A request with the OAuth 2.0 header is judged by
 * it alone when a `clientSecret` is configured (never downgraded to the legacy header); otherwise the legacy header
 * is checked with the consumer secret. Throws `SIGNATURE_INVALID` saying what was wrong, never the MAC.
 *
 * @example
 * verifyXSignature(req, { consumerSecret: process.env.X_CONSUMER_SECRET!, clientSecret: process.env.X_CLIENT_SECRET });
 */
export function verifyXSignature(req: WebhookRequest, secrets: XWebhookSecrets): void {
  const oauth2 = req.headers.get(X_OAUTH2_SIGNATURE_HEADER);
  if (secrets.clientSecret && oauth2 !== null) {
    check(req, X_OAUTH2_SIGNATURE_HEADER, secrets.clientSecret, 'the OAuth 2.0 client secret (clientSecret)');
    return;
  }
  if (secrets.clientSecret && secrets.requireOAuth2Signature) {
    throw invalid(`${X_OAUTH2_SIGNATURE_HEADER} is missing, and requireOAuth2Signature refuses the legacy header`);
  }
  if (req.headers.get(X_LEGACY_SIGNATURE_HEADER) !== null) {
    check(req, X_LEGACY_SIGNATURE_HEADER, secrets.consumerSecret, 'the consumer secret (consumerSecret)');
    return;
  }
  if (oauth2 !== null) {
    throw invalid(
      `only ${X_OAUTH2_SIGNATURE_HEADER} was sent: pass the OAuth 2.0 client secret as clientSecret to twitterDm({...})`,
    );
  }
  throw invalid('no X-Twitter-Webhooks-Signature header: the request was not signed by X');
}
