import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The HMAC algorithms platforms sign with. */
export type HmacAlgorithm = 'sha1' | 'sha256';

/**
 * The HMAC of exact bytes (or a UTF-8 string), keyed with a secret: what a platform's webhook signature or
 * handshake answer is made of.
 *
 * @example
 * hmacDigest('sha256', appSecret, req.body).toString('base64');
 */
export function hmacDigest(algorithm: HmacAlgorithm, key: string, data: Uint8Array | string): Buffer {
  return createHmac(algorithm, key).update(data).digest();
}

/**
 * Constant-time comparison of two byte strings: false for different lengths (which a MAC's length does not
 * reveal anything about), else `timingSafeEqual`.
 *
 * @example
 * if (!bytesEqual(expected, received)) throw invalid('signature does not match');
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  return timingSafeEqual(a, b);
}

/**
 * Constant-time comparison of two strings of any length (both are hashed first, so their lengths do not leak):
 * tokens, secrets, verify tokens.
 *
 * @example
 * sameSecret(params.get('hub.verify_token') ?? '', verifyToken);
 */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
