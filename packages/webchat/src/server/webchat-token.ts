import { LoketError, loketMessage } from '@loket/core';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { WebchatKey } from './webchat-options.js';

/** The longest a customer token may live: DESIGN.md's `exp` ≤ 1 h. */
export const MAX_TOKEN_SECONDS = 3600;
// Clocks of the host's backend and the gateway differ a little.
const SKEW_SECONDS = 30;

const encoder = new TextEncoder();

/** The verified customer a token names. */
export interface WebchatClaims {
  sub: string;
  name?: string;
  email?: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(256),
  exp: z.number(),
  name: z.string().max(256).optional(),
  email: z.string().max(320).optional(),
});

/**
 * Signs a customer token for the web chat (HS256, `exp` at most one hour away), on the host app's backend: the
 * browser passes it to `POST session`, which answers the customer's own conversation on every device.
 *
 * @example
 * const token = await signWebchatToken({ sub: user.id, name: user.name }, { secret: process.env.WEBCHAT_SECRET!, kid: '2026-12' });
 */
export async function signWebchatToken(
  claims: WebchatClaims,
  options: { secret: string; kid?: string; expiresIn?: number },
): Promise<string> {
  const expiresIn = options.expiresIn ?? 15 * 60;
  if (!Number.isInteger(expiresIn) || expiresIn <= 0 || expiresIn > MAX_TOKEN_SECONDS) {
    throw new LoketError('CONFIG', loketMessage('webchat', `expiresIn must be 1..${MAX_TOKEN_SECONDS} seconds`));
  }
  if (!claims.sub) throw new LoketError('CONFIG', loketMessage('webchat', 'sub is missing: pass the customer id'));
  const body: Record<string, string> = {};
  if (claims.name !== undefined) body.name = claims.name;
  if (claims.email !== undefined) body.email = claims.email;
  const header = options.kid === undefined ? { alg: 'HS256' } : { alg: 'HS256', kid: options.kid };
  return new SignJWT(body)
    .setProtectedHeader(header)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(`${expiresIn}s`)
    .sign(encoder.encode(options.secret));
}

/** Why a token was refused: `expired` tells the client to fetch a fresh one. */
export type TokenFailure = 'expired' | 'invalid';

/** True for strings shaped like a JWT (three base64url parts). */
export function looksLikeJwt(value: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value);
}

function kidOf(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
    return typeof header?.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies a customer token against the keys (the `kid` picks one; none: any may match). */
export async function verifyWebchatToken(
  token: string,
  keys: WebchatKey[],
  nowMs: number,
): Promise<{ ok: true; claims: WebchatClaims } | { ok: false; reason: TokenFailure }> {
  const kid = kidOf(token);
  const candidates = kid === undefined ? keys : keys.filter((k) => k.kid === kid);
  const currentDate = new Date(nowMs);
  let expired = false;
  for (const key of candidates) {
    try {
      const { payload } = await jwtVerify(token, encoder.encode(key.secret), {
        algorithms: ['HS256'],
        currentDate,
        clockTolerance: SKEW_SECONDS,
        requiredClaims: ['sub', 'exp'],
      });
      const claims = claimsSchema.safeParse(payload);
      // A token that outlives the one-hour rule is refused however well it is signed.
      if (!claims.success || claims.data.exp > nowMs / 1000 + MAX_TOKEN_SECONDS + SKEW_SECONDS) {
        return { ok: false, reason: 'invalid' };
      }
      const { sub, name, email } = claims.data;
      return { ok: true, claims: { sub, name, email } };
    } catch (err) {
      // A valid signature with a past `exp`: the client should refresh.
      if (err instanceof errors.JWTExpired) expired = true;
    }
  }
  return { ok: false, reason: expired ? 'expired' : 'invalid' };
}
