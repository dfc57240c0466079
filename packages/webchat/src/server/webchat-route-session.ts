import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { availabilityNow, noteAvailability } from './webchat-availability.js';
import type { WebchatContext } from './webchat-context.js';
import { mintCredential, revokeHash } from './webchat-credentials.js';
import { bearerOf, json, readJson, WebchatHttpError } from './webchat-http.js';
import { contactForSub, identityOf, type WebchatIdentity } from './webchat-identity.js';
import { clientAddress, takeRate } from './webchat-limits.js';
import { mergeConversation } from './webchat-merge.js';
import { looksLikeJwt, verifyWebchatToken } from './webchat-token.js';

const bodySchema = z.object({
  /** The anonymous credential to merge into the verified customer (with a token as bearer). */
  credential: z.string().max(200).optional(),
  /** A customer token (with an anonymous credential as bearer). */
  token: z.string().max(8192).optional(),
});

async function verified(ctx: WebchatContext, token: string) {
  const result = await verifyWebchatToken(token, ctx.options.keys, ctx.runtime.now());
  if (!result.ok) {
    throw result.reason === 'expired'
      ? new WebchatHttpError('token_expired', 'the token expired: fetch a fresh one and call POST session again')
      : new WebchatHttpError('unauthorized', 'the token is not valid for this site');
  }
  return result.claims;
}

async function anonymousOf(ctx: WebchatContext, credential: string | undefined): Promise<WebchatIdentity | undefined> {
  if (credential === undefined) return undefined;
  const identity = await identityOf(ctx, credential).catch(() => undefined);
  return identity && !identity.record.verified ? identity : undefined;
}

/**
 * `POST session`: no bearer mints an anonymous visitor; a credential answers its own session; a token (bearer, or
 * `token` in the body) answers the verified customer's conversation with a fresh credential for this device, and
 * merges the anonymous conversation of the other credential into it.
 */
export async function postSession(ctx: WebchatContext, request: Request, remoteAddress?: string): Promise<Response> {
  const parsed = bodySchema.safeParse(await readJson(request, ctx.options.limits.messageBytes));
  if (!parsed.success)
    throw new WebchatHttpError('bad_request', 'session body: { credential?, token? }', {}, parsed.error.issues);
  const bearer = bearerOf(request.headers);
  const token = bearer !== undefined && looksLikeJwt(bearer) ? bearer : parsed.data.token;
  const other = token === bearer ? parsed.data.credential : bearer;
  const ip = clientAddress(request.headers, remoteAddress);
  const now = ctx.runtime.now();

  let identity: WebchatIdentity;
  let credential: string;
  if (token !== undefined) {
    const claims = await verified(ctx, token);
    await takeRate(ctx, `session:${ip}`, ctx.options.limits.sessionsPerMinute, 'new sessions');
    const contactId = contactForSub(ctx.options.siteId, claims.sub);
    const record = { contactId, verified: true, sub: claims.sub, name: claims.name, createdAt: now };
    credential = await mintCredential(ctx.kv, record);
    identity = await identityOf(ctx, credential);
    const anonymous = await anonymousOf(ctx, other);
    if (anonymous) {
      await mergeConversation(ctx, anonymous.ref, identity.ref);
      await revokeHash(ctx.kv, anonymous.credentialHash);
    }
  } else if (bearer !== undefined) {
    credential = bearer;
    identity = await identityOf(ctx, bearer);
  } else {
    await takeRate(ctx, `session:${ip}`, ctx.options.limits.sessionsPerMinute, 'new sessions');
    const contactId = `v_${randomBytes(16).toString('base64url')}`;
    credential = await mintCredential(ctx.kv, { contactId, verified: false, createdAt: now });
    identity = await identityOf(ctx, credential);
  }
  await noteAvailability(ctx, identity.ref);
  const head = await ctx.runtime.store.log.head(identity.ref);
  return json(200, {
    credential,
    contactId: identity.record.contactId,
    conversation: identity.ref,
    head,
    verified: identity.record.verified,
    ...(availabilityNow(ctx) ? { availability: availabilityNow(ctx) } : {}),
  });
}
