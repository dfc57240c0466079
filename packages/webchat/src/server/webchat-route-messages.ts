import { type Content, contentSchema } from '@loket/core';
import { z } from 'zod';
import { noteAvailability } from './webchat-availability.js';
import type { WebchatContext } from './webchat-context.js';
import { json, readJson, WebchatHttpError } from './webchat-http.js';
import { authenticate } from './webchat-identity.js';
import { toInboxRequest } from './webchat-inbox.js';
import { takeRate } from './webchat-limits.js';
import { appendMessage, type MessageData } from './webchat-log.js';
import { appendReaction, findMessage } from './webchat-update.js';

// What a customer may write: the kinds a person types or picks; menus, cards and templates are the business's.
const CUSTOMER_KINDS = new Set([
  'text',
  'choice',
  'location',
  'contacts',
  'image',
  'video',
  'audio',
  'file',
  'reaction',
]);

const bodySchema = z.object({
  clientMessageId: z.string().min(1).max(128),
  content: contentSchema
    .refine((c) => CUSTOMER_KINDS.has(c.type), {
      message: `a customer may send ${[...CUSTOMER_KINDS].join(', ')}`,
    })
    .refine((c) => c.type !== 'text' || c.text.trim().length > 0, { message: 'text is empty' }),
  replyTo: z.string().min(1).max(128).optional(),
});

/**
 * A customer's media must be one of their own uploads: its stored type, size and hash replace whatever the client
 * said, and the log keeps the id only (download links are signed on the way out).
 */
async function withStoredMedia(ctx: WebchatContext, content: Content, owner: string): Promise<Content> {
  if (!('media' in content)) return content;
  const id = content.media.id;
  const blob = id === undefined ? undefined : await ctx.options.storage.get(id);
  if (!id || !blob || blob.meta.owner !== owner) {
    throw new WebchatHttpError(
      'bad_request',
      'content.media.id must name an attachment you uploaded (POST attachments)',
    );
  }
  const { mimeType, size, filename, sha256 } = blob.meta;
  return { ...content, media: { id, mimeType, size, sha256, ...(filename ? { filename } : {}) } } as Content;
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/**
 * `POST messages`: store the message once per `clientMessageId` (201 new, 200 with the canonical answer for a
 * retried id), then hand it to the handlers through the inbox. The inbox is fed on a retry too, so a crash between
 * the two steps loses nothing; the event id (the message id) keeps handlers from seeing it twice.
 */
export async function postMessages(ctx: WebchatContext, request: Request): Promise<Response> {
  const identity = await authenticate(ctx, request.headers);
  if (ctx.options.requireVerified && !identity.record.verified) {
    throw new WebchatHttpError('verification_required', 'this site takes messages from signed-in customers only');
  }
  await takeRate(ctx, `messages:${identity.credentialHash}`, ctx.options.limits.messagesPerMinute, 'messages');
  const parsed = bodySchema.safeParse(await readJson(request, ctx.options.limits.messageBytes));
  if (!parsed.success) {
    throw new WebchatHttpError('bad_request', issuesText(parsed.error), {}, parsed.error.issues);
  }
  const { clientMessageId, replyTo } = parsed.data;
  await noteAvailability(ctx, identity.ref);
  const content = await withStoredMedia(ctx, parsed.data.content, identity.record.contactId);
  if (content.type === 'reaction' && !(await findMessage(ctx, identity.ref, content.messageId))) {
    throw new WebchatHttpError('bad_request', `content.messageId: no message ${content.messageId} among the last 200`);
  }
  const author = { kind: 'customer' as const, id: identity.record.contactId };
  const { entry, created } = await appendMessage(ctx, identity.ref, {
    author,
    content,
    clientMessageId,
    ...(replyTo === undefined ? {} : { replyTo }),
  });
  const data = entry.data as MessageData;
  if (content.type === 'reaction') {
    // The reacted-to message is updated too, once per retried id, so every tab shows the reaction on it.
    const reaction = { messageId: content.messageId, emoji: content.emoji, by: 'customer' as const };
    await appendReaction(ctx, identity.ref, reaction, `reaction:${clientMessageId}`);
  }
  const from = identity.record.name === undefined ? { id: author.id } : { id: author.id, name: identity.record.name };
  await ctx.runtime.enqueue(
    toInboxRequest(
      {
        type: 'message',
        ref: identity.ref,
        at: entry.at,
        seq: entry.seq,
        messageId: data.messageId,
        clientMessageId,
        from,
        content: data.content,
        ...(data.replyTo === undefined ? {} : { replyTo: data.replyTo }),
      },
      request.url,
    ),
  );
  return json(created ? 201 : 200, { messageId: data.messageId, seq: entry.seq });
}
