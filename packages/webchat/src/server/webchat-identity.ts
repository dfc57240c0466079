import type { ConversationRef } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { type CredentialRecord, hashOf, resolveCredential, resolveHash } from './webchat-credentials.js';
import { bearerOf, WebchatHttpError } from './webchat-http.js';
import { looksLikeJwt } from './webchat-token.js';

/** Who is calling: the customer behind a credential, and their conversation. */
export interface WebchatIdentity {
  /** The credential's hash: its key in the store, and the key of per-credential limits and tickets. */
  credentialHash: string;
  record: CredentialRecord;
  ref: ConversationRef;
}

/** The conversation user of a verified customer: the same on every device, not the raw customer id. */
export function contactForSub(siteId: string, sub: string): string {
  return `u_${hashOf(`${siteId}:${sub}`).slice(0, 24)}`;
}

/** Resolves a credential; 401 `unauthorized` when it is unknown or revoked. */
export async function identityOf(ctx: WebchatContext, credential: string): Promise<WebchatIdentity> {
  if (looksLikeJwt(credential)) {
    throw new WebchatHttpError('unauthorized', 'a token is exchanged at POST session; send the credential it answers');
  }
  const found = await resolveCredential(ctx.kv, credential);
  if (!found) throw new WebchatHttpError('unauthorized', 'unknown or revoked credential: start a new session');
  return { credentialHash: found.hash, record: found.record, ref: ctx.refOf(found.record.contactId) };
}

/** Resolves a credential's hash (a stream ticket keeps only that); undefined when revoked. */
export async function identityOfHash(ctx: WebchatContext, hash: string): Promise<WebchatIdentity | undefined> {
  const found = await resolveHash(ctx.kv, hash);
  return found && { credentialHash: found.hash, record: found.record, ref: ctx.refOf(found.record.contactId) };
}

/** The identity of a request's `Authorization: Bearer <credential>`; 401 without one. */
export async function authenticate(ctx: WebchatContext, headers: Headers): Promise<WebchatIdentity> {
  const credential = bearerOf(headers);
  if (credential === undefined) throw new WebchatHttpError('unauthorized', 'send Authorization: Bearer <credential>');
  return identityOf(ctx, credential);
}
