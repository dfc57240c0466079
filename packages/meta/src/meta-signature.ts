import {
  bytesEqual,
  describeHeaderValue,
  hmacDigest,
  LoketError,
  loketMessage,
  readSignatureHeader,
  type WebhookRequest,
} from '@loket/core';

/** The header Meta signs every webhook POST with (WhatsApp, Messenger, Instagram). */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

// Exactly `sha256=` and 64 lowercase hex digits; core's reader trims only SP and HTAB (RFC 9110 OWS), never the
// Unicode spaces that String#trim would also remove.
const FORMAT = { prefix: 'sha256=', encoding: 'hex', bytes: 32 } as const;

function invalid(channel: string, text: string): LoketError {
  return new LoketError('SIGNATURE_INVALID', loketMessage(channel, text), { channel, retryable: false });
}

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>`, an HMAC-SHA256 of the raw body bytes keyed with the Meta app
 * secret, with a constant-time compare. Throws a LoketError `SIGNATURE_INVALID` that says what was wrong (never
 * the secret or the expected MAC).
 *
 * @example
 * verifyMetaSignature(req, process.env.META_APP_SECRET!, 'whatsapp');
 */
export function verifyMetaSignature(req: WebhookRequest, appSecret: string, channel: string): void {
  const header = req.headers.get(META_SIGNATURE_HEADER);
  if (header === null) {
    const legacy = req.headers.get('x-hub-signature') !== null;
    throw invalid(
      channel,
      legacy
        ? 'X-Hub-Signature-256 header is missing (only the legacy SHA-1 X-Hub-Signature was sent; Loket checks the SHA-256 one)'
        : 'X-Hub-Signature-256 header is missing: the request was not signed by Meta',
    );
  }
  const read = readSignatureHeader(header, FORMAT);
  if (!read.ok) {
    throw invalid(
      channel,
      `X-Hub-Signature-256 header is malformed: expected "sha256=" followed by 64 lowercase hex digits, got ${describeHeaderValue(header)}`,
    );
  }
  // Meta signs the escaped-unicode bytes it sent: hash exactly those, before any JSON parsing.
  if (!bytesEqual(hmacDigest('sha256', appSecret, req.body), read.digest)) {
    throw invalid(
      channel,
      'X-Hub-Signature-256 does not match the body: check the app secret, and that the raw bytes reach Loket unparsed',
    );
  }
}
