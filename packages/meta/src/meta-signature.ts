import { createHmac, timingSafeEqual } from 'node:crypto';
import { LoketError, loketMessage, type WebhookRequest } from '@loket/core';

/** The header Meta signs every webhook POST with (WhatsApp, Messenger, Instagram). */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';

// Exactly `sha256=` and 64 lowercase hex digits; only SP and HTAB around it are tolerated (RFC 9110 OWS), never
// Unicode spaces that String#trim would also remove.
const SIGNATURE = /^[ \t]*sha256=([0-9a-f]{64})[ \t]*$/;

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
  const match = SIGNATURE.exec(header);
  if (!match) {
    throw invalid(
      channel,
      `X-Hub-Signature-256 header is malformed: expected "sha256=" followed by 64 lowercase hex digits, got ${describe(header)}`,
    );
  }
  // Meta signs the escaped-unicode bytes it sent: hash exactly those, before any JSON parsing.
  const expected = createHmac('sha256', appSecret).update(req.body).digest();
  const received = Buffer.from(match[1]!, 'hex');
  if (!timingSafeEqual(expected, received)) {
    throw invalid(
      channel,
      'X-Hub-Signature-256 does not match the body: check the app secret, and that the raw bytes reach Loket unparsed',
    );
  }
}

/** Says what a malformed header looks like without echoing it (it may be a MAC made with the right secret). */
function describe(header: string): string {
  const prefix = header.includes('=') ? `"${header.slice(0, header.indexOf('=') + 1)}…"` : 'no "sha256=" prefix';
  return `${prefix} (${header.length} characters)`;
}
