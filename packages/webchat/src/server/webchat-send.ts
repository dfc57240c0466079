import { randomBytes } from 'node:crypto';
import type { OutboundMessage, SendReceipt } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { appendEntry, appendMessage, messageOf } from './webchat-log.js';

// How far back a business read receipt looks for the message it names.
const READ_LOOKBACK = 200;

async function seqOf(ctx: WebchatContext, message: OutboundMessage, messageId: string): Promise<number | undefined> {
  const log = ctx.runtime.store.log;
  const head = await log.head(message.to);
  const recent = await log.read(message.to, { before: head + 1, limit: READ_LOOKBACK });
  return recent.find((entry) => messageOf(entry)?.messageId === messageId)?.seq;
}

/**
 * Sends to a web chat conversation: the message is appended to its log (authored `agent` unless the sender says
 * otherwise; handler replies say `bot`) and fanned out to every open tab and device. Typing is ephemeral; a read
 * receipt is a `receipt` entry.
 */
export async function sendWebchat(ctx: WebchatContext, message: OutboundMessage): Promise<SendReceipt> {
  const ref = message.to;
  const { content } = message;
  const acceptedAt = ctx.runtime.now();
  if (content.type === 'typing') {
    await ctx.hub.publish(ref, { t: 'typing', on: true });
    return { messageId: `wct_${randomBytes(9).toString('base64url')}`, conversation: ref, acceptedAt };
  }
  if (content.type === 'read') {
    const readSeq = await seqOf(ctx, message, content.messageId);
    const entry = await appendEntry(ctx, ref, 'receipt', { by: 'business', readSeq, messageId: content.messageId });
    return { messageId: `wcr_${entry.seq}`, conversation: ref, acceptedAt };
  }
  const { entry } = await appendMessage(ctx, ref, {
    author: message.author ?? { kind: 'agent' },
    content,
    ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
    at: acceptedAt,
  });
  const data = messageOf(entry);
  return { messageId: data?.messageId ?? `wcm_${entry.seq}`, conversation: ref, acceptedAt };
}
