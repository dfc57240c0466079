import { randomBytes } from 'node:crypto';
import { LoketError, loketMessage, type OutboundMessage, type SendReceipt } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { appendEntry, appendMessage, messageOf } from './webchat-log.js';
import { appendReaction, findMessage } from './webchat-update.js';

function unknownMessage(messageId: string): LoketError {
  return new LoketError(
    'BAD_REQUEST',
    loketMessage(
      'webchat',
      `no message ${messageId} among the conversation's last 200 log entries: react to one of them`,
    ),
    { channel: 'webchat', retryable: false },
  );
}

/**
 * Sends to a web chat conversation: the message is appended to its log (authored `agent` unless the sender says
 * otherwise; handler replies say `bot`) and fanned out to every open tab and device. Typing is ephemeral; a read
 * receipt is a `receipt` entry; a reaction updates the message it names (a "message updated" entry).
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
    const readSeq = (await findMessage(ctx, ref, content.messageId))?.firstSeq;
    const entry = await appendEntry(ctx, ref, 'receipt', { by: 'business', readSeq, messageId: content.messageId });
    return { messageId: `wcr_${entry.seq}`, conversation: ref, acceptedAt };
  }
  if (content.type === 'reaction') {
    const reaction = { messageId: content.messageId, emoji: content.emoji, by: 'business' as const };
    const entry = await appendReaction(ctx, ref, reaction);
    if (!entry) throw unknownMessage(content.messageId);
    return { messageId: `wcu_${entry.seq}`, conversation: ref, acceptedAt };
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
