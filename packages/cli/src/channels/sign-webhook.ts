import { signMeta, signX } from '@loket/testing/kit';
import type { SignatureScheme } from './known-channels.js';

/** The headers a platform signs a webhook body with: exactly these bytes, never re-serialized. */
export function signatureHeaders(scheme: SignatureScheme, body: Uint8Array, secret: string): Record<string, string> {
  if (scheme === 'x') return { 'x-twitter-webhooks-signature': signX(body, secret) };
  return { 'x-hub-signature-256': signMeta(body, secret) };
}
