import {
  type Content,
  LoketError,
  loketMessage,
  type OutboundMessage,
  type SendReceipt,
  type Transport,
} from '@loket/core';
import { z } from 'zod';
import { expectGraphResponse } from './graph-response.js';
import { sendingAccount } from './graph-sending-account.js';
import { type MessagingBodyOptions, toMessagingBody } from './messaging-send-body.js';
import { uploadMessagingAttachment } from './messaging-upload.js';
import { stableId } from './stable-id.js';

/** What sending needs from the adapter. */
export interface MessagingSendDeps extends MessagingBodyOptions {
  graph: Transport;
  /** The account to send from when `to.account` is empty or `*` (the `pageId` / `accountId` option). */
  account?: string;
  /** The option that names that account, for the error message. */
  accountOption: string;
  now: () => number;
}

const responseSchema = z
  .object({ recipient_id: z.string().optional(), message_id: z.string().min(1).optional() })
  .loose();

/** Media given as bytes is uploaded first and sent by its attachment id. */
async function withUpload(content: Content, account: string, deps: MessagingSendDeps): Promise<Content> {
  if (content.type !== 'image' && content.type !== 'video' && content.type !== 'audio' && content.type !== 'file') {
    return content;
  }
  const { data, mimeType, filename, id, url } = content.media;
  if (id || url || !data) return content;
  if (!mimeType) {
    const text = 'media.data needs media.mimeType to be uploaded';
    throw new LoketError('BAD_REQUEST', loketMessage(deps.channel, text), { channel: deps.channel });
  }
  const attachmentId = await uploadMessagingAttachment(deps.graph, deps.channel, account, {
    type: content.type,
    data,
    mimeType,
    filename,
  });
  return { ...content, media: { id: attachmentId } };
}

async function post(message: OutboundMessage, account: string, deps: MessagingSendDeps): Promise<string> {
  const body = toMessagingBody(message, deps);
  const res = await deps.graph.request({ method: 'POST', path: `/${account}/messages`, json: body });
  const sent = expectGraphResponse(responseSchema, res.body, { channel: deps.channel });
  if (sent.message_id) return sent.message_id;
  if (body.sender_action === undefined) {
    // A 200 without a message id confirms nothing: no status would ever match an id we made up.
    const text = 'the Graph API answered 200 without a message_id: the send is not confirmed';
    throw new LoketError('PLATFORM_ERROR', loketMessage(deps.channel, text), {
      channel: deps.channel,
      retryable: false,
      details: { body: res.body },
    });
  }
  // Sender actions answer without a message id: name the action and what it was about.
  const { content } = message;
  const target = content.type === 'reaction' || content.type === 'read' ? content.messageId : message.to.user;
  return stableId(String(body.sender_action), target);
}

/**
 * Sends one message from `to.account` (else the configured account) with the Send API: uploads `media.data`
 * first, then `POST /<account>/messages`. Attachments have no caption on Meta's messaging APIs: the capabilities
 * say so (`mediaCaptions: false`), and the gateway sends a caption as its own text after the attachment.
 */
export async function sendMessagingMessage(message: OutboundMessage, deps: MessagingSendDeps): Promise<SendReceipt> {
  if ('caption' in message.content && message.content.caption) {
    const text = 'attachments carry no caption here: send through gateway.send, which sends the caption as a text';
    throw new LoketError('UNSUPPORTED_CONTENT', loketMessage(deps.channel, text), { channel: deps.channel });
  }
  const account = sendingAccount(message, { channel: deps.channel, account: deps.account, option: deps.accountOption });
  const content = await withUpload(message.content, account, deps);
  const messageId = await post({ ...message, content }, account, deps);
  return { messageId, conversation: { ...message.to, account }, acceptedAt: deps.now() };
}
