import type { WebchatContext } from './webchat-context.js';
import { hashOf, randomToken } from './webchat-credentials.js';
import { json } from './webchat-http.js';
import { authenticate, identityOfHash, type WebchatIdentity } from './webchat-identity.js';

const TICKET_MS = 60_000;
const keyOf = (ticket: string) => `webchat:ticket:${hashOf(ticket)}`;

/** `POST stream-ticket`: a one-minute ticket for `GET stream?ticket=` (a plain EventSource sends no headers). */
export async function postStreamTicket(ctx: WebchatContext, request: Request): Promise<Response> {
  const identity = await authenticate(ctx, request.headers);
  const ticket = randomToken('wct_');
  await ctx.kv.set(keyOf(ticket), identity.credentialHash, { ttlMs: TICKET_MS });
  return json(200, { ticket, expiresAt: ctx.runtime.now() + TICKET_MS });
}

/** The identity behind a live ticket, if any. */
export async function identityOfTicket(ctx: WebchatContext, ticket: string): Promise<WebchatIdentity | undefined> {
  const hash = await ctx.kv.get(keyOf(ticket));
  return hash === undefined ? undefined : identityOfHash(ctx, hash);
}
