import {
  type Content,
  eventId,
  LoketError,
  type Logger,
  loketMessage,
  type OutboundMessage,
  type SendReceipt,
  splitText,
  type Transport,
} from '@loket/core';
import { z } from 'zod';
import type { XAccounts } from './twitter-dm-accounts.js';
import { uploadXMedia } from './twitter-dm-media.js';
import type { XPacer } from './twitter-dm-pacing.js';
import { toXRequest, type XBodyOptions } from './twitter-dm-send-body.js';

/** What `send` needs from the adapter. */
export interface XSendDeps extends XBodyOptions {
  accounts: XAccounts;
  pacer: XPacer;
  maxTextLength: number;
  uploadBaseUrl: string;
  chunkBytes: number;
  sleep(ms: number): Promise<void>;
  now(): number;
  logger: Logger;
}

const v2AnswerSchema = z.looseObject({ data: z.looseObject({ dm_event_id: z.string().min(1) }) });
const v1AnswerSchema = z.looseObject({ event: z.looseObject({ id: z.string().min(1) }) });

function unexpected(body: unknown): LoketError {
  return new LoketError(
    'PLATFORM_ERROR',
    loketMessage('twitter-dm', 'X accepted the DM but answered in an unexpected shape'),
    {
      channel: 'twitter-dm',
      retryable: false,
      details: { body },
    },
  );
}

/** Media given as bytes is uploaded first (by the sending account) and sent by its new id. */
async function withMediaId(content: Content, http: Transport, deps: XSendDeps): Promise<Content> {
  if ((content.type !== 'image' && content.type !== 'video') || content.media.id) return content;
  const { data, mimeType } = content.media;
  if (!data || !mimeType) {
    throw new LoketError('BAD_REQUEST', loketMessage('twitter-dm', 'media needs an id, or data with a mimeType'), {
      channel: 'twitter-dm',
    });
  }
  const id = await uploadXMedia(http, { data, mimeType }, deps);
  return { ...content, media: { id } };
}

/** Sends one part (a text, a media DM, a signal) and answers the DM event id (or a composite id for signals). */
async function sendPart(content: Content, user: string, http: Transport, deps: XSendDeps): Promise<string> {
  const ready = await withMediaId(content, http, deps);
  const req = toXRequest(user, ready, deps);
  const res = await http.request({ method: req.method, path: req.path, query: req.query, json: req.json });
  if (req.answer === 'none')
    return eventId(content.type, user, content.type === 'read' ? content.messageId : deps.now());
  if (req.answer === 'v1') {
    const v1 = v1AnswerSchema.safeParse(res.body);
    if (!v1.success) throw unexpected(res.body);
    return v1.data.event.id;
  }
  const v2 = v2AnswerSchema.safeParse(res.body);
  if (!v2.success) throw unexpected(res.body);
  return v2.data.data.dm_event_id;
}

/**
 * Sends one message from `to.account` (else the `userId` option) to `to.user`: the adapter's pacing first (X's
 * per-user limits, free replies within 24 h of the customer's DM), then the v2 DM endpoint. A text over the
 * limit is split; `typing` off is a no-op (X has no "stop typing"). A `replyTo` was dropped by the adapter
 * (X DMs cannot quote) and content the capabilities do not declare refused, before this is called.
 */
export async function sendTwitterDm(message: OutboundMessage, deps: XSendDeps): Promise<SendReceipt> {
  const userId = deps.accounts.resolve(message.to.account);
  const account = deps.accounts.get(userId);
  const conversation = { ...message.to, account: userId };
  const { content } = message;
  if (content.type === 'typing' && content.on === false) {
    return { messageId: eventId('typing', message.to.user, 'off'), conversation, acceptedAt: deps.now() };
  }
  const parts: Content[] =
    content.type === 'text'
      ? splitText(content.text, deps.maxTextLength).map((text) => ({ ...content, text }))
      : [content];
  const signal = content.type === 'typing' || content.type === 'read';
  const ids: string[] = [];
  for (const part of parts) {
    if (!signal) await deps.pacer.admit(conversation);
    ids.push(await account.call((http) => sendPart(part, message.to.user, http, deps)));
  }
  const receipt: SendReceipt = { messageId: ids[0] as string, conversation, acceptedAt: deps.now() };
  if (ids.length > 1) receipt.messageIds = ids;
  return receipt;
}
