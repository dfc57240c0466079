import { z } from 'zod';
import type { WebchatContext } from './webchat-context.js';
import { json, readJson, WebchatHttpError } from './webchat-http.js';
import { authenticate } from './webchat-identity.js';
import { toInboxRequest } from './webchat-inbox.js';
import { takeRate } from './webchat-limits.js';

const bodySchema = z.object({ on: z.boolean().optional() });
// A client sends typing at most every ~3 s; this leaves room for several tabs.
const TYPING_PER_MINUTE = 60;

/** `POST typing`: the customer is typing (ephemeral: no seq, never replayed); handlers get a `typing` event. */
export async function postTyping(ctx: WebchatContext, request: Request): Promise<Response> {
  const identity = await authenticate(ctx, request.headers);
  const parsed = bodySchema.safeParse(await readJson(request, ctx.options.limits.messageBytes));
  if (!parsed.success)
    throw new WebchatHttpError('bad_request', 'typing body: { on?: boolean }', {}, parsed.error.issues);
  await takeRate(ctx, `typing:${identity.credentialHash}`, TYPING_PER_MINUTE, 'typing notices');
  // Typing stops on its own: a stop is accepted but not queued (it would be an item with no event).
  if (parsed.data.on ?? true) {
    await ctx.runtime.enqueue(
      toInboxRequest({ type: 'typing', ref: identity.ref, at: ctx.runtime.now(), on: true }, request.url),
    );
  }
  return json(200, { ok: true });
}
