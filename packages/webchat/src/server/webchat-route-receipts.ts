import { conversationKey } from '@loket/core';
import { z } from 'zod';
import type { WebchatContext } from './webchat-context.js';
import { json, readJson, WebchatHttpError } from './webchat-http.js';
import { authenticate, type WebchatIdentity } from './webchat-identity.js';
import { toInboxRequest } from './webchat-inbox.js';
import { appendEntry, messageOf } from './webchat-log.js';

const seq = z.number().int().nonnegative();
const bodySchema = z
  .object({ deliveredSeq: seq.optional(), readSeq: seq.optional() })
  .refine((b) => b.deliveredSeq !== undefined || b.readSeq !== undefined, { message: 'give deliveredSeq or readSeq' });

interface Watermarks {
  deliveredSeq: number;
  readSeq: number;
}

const keyOf = (identity: WebchatIdentity) => `webchat:receipts:${conversationKey(identity.ref)}`;

async function statusesBetween(ctx: WebchatContext, identity: WebchatIdentity, from: number, to: number) {
  if (to <= from) return [];
  const entries = await ctx.runtime.store.log.read(identity.ref, { after: from, before: to + 1 });
  return entries.flatMap((entry) => {
    const message = messageOf(entry);
    // An update (a reaction) is the same message again: its status was told with the message itself.
    const told = !message || message.author.kind === 'customer' || message.update !== undefined;
    return told ? [] : [{ messageId: message.messageId, seq: entry.seq }];
  });
}

/**
 * `POST receipts`: the customer's delivered / read watermarks. They only move forward; a move is one `receipt`
 * entry in the log and a `status` event per business message it covers, like WhatsApp's statuses.
 */
export async function postReceipts(ctx: WebchatContext, request: Request): Promise<Response> {
  const identity = await authenticate(ctx, request.headers);
  const parsed = bodySchema.safeParse(await readJson(request, ctx.options.limits.messageBytes));
  if (!parsed.success)
    throw new WebchatHttpError('bad_request', 'receipts body: { deliveredSeq?, readSeq? }', {}, parsed.error.issues);
  const head = await ctx.runtime.store.log.head(identity.ref);
  const stored = await ctx.kv.get(keyOf(identity));
  const before: Watermarks = stored ? JSON.parse(stored) : { deliveredSeq: 0, readSeq: 0 };
  // Read implies delivered; neither can pass what the log holds.
  const readSeq = Math.min(head, Math.max(before.readSeq, parsed.data.readSeq ?? 0));
  const deliveredSeq = Math.min(head, Math.max(before.deliveredSeq, parsed.data.deliveredSeq ?? 0, readSeq));
  const after: Watermarks = { deliveredSeq, readSeq };
  if (deliveredSeq > before.deliveredSeq || readSeq > before.readSeq) {
    await ctx.kv.set(keyOf(identity), JSON.stringify(after));
    await appendEntry(ctx, identity.ref, 'receipt', { by: 'customer', ...after });
    const delivered = await statusesBetween(ctx, identity, before.deliveredSeq, deliveredSeq);
    const read = await statusesBetween(ctx, identity, before.readSeq, readSeq);
    const statuses = [
      ...delivered.map((s) => ({ ...s, status: 'delivered' as const })),
      ...read.map((s) => ({ ...s, status: 'read' as const })),
    ];
    if (statuses.length > 0) {
      const envelope = { type: 'status' as const, ref: identity.ref, at: ctx.runtime.now(), statuses };
      await ctx.runtime.enqueue(toInboxRequest(envelope, request.url));
    }
  }
  return json(200, after);
}
