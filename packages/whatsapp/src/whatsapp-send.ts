import {
  LoketError,
  type Logger,
  loketMessage,
  type OutboundMessage,
  type SendReceipt,
  type Transport,
} from '@loket/core';
import { expectGraphResponse, sendingAccount, stableId } from '@loket/meta';
import { z } from 'zod';
import { toWhatsAppMessage } from './to-whatsapp-message.js';
import { uploadWhatsAppMedia } from './whatsapp-media.js';

/** What `send` needs from the adapter. */
export interface WhatsAppSendDeps {
  graph: Transport;
  phoneNumberId?: string;
  bsuidRecipientField: string;
  now: () => number;
  logger: Logger;
}

const sendResponseSchema = z.object({
  contacts: z.array(z.object({ input: z.string().optional(), wa_id: z.string().optional() }).loose()).optional(),
  messages: z.array(z.object({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});
const successSchema = z.object({ success: z.literal(true) });
// Meta accepted the request: sending it again could deliver the message twice.
const NOT_RETRIED = { channel: 'whatsapp', retryable: false };

/**
 * Sends one message from `to.account` (else the `phoneNumberId` option): uploads `media.data` first when
 * there are bytes, then `POST /<PHONE_NUMBER_ID>/messages`. The receipt's id is the wamid Meta returns; read
 * receipts and typing answer `{ success: true }` and get `read:<wamid>` / `typing:<wamid>`.
 */
export async function sendWhatsAppMessage(message: OutboundMessage, deps: WhatsAppSendDeps): Promise<SendReceipt> {
  const account = sendingAccount(message, {
    channel: 'whatsapp',
    account: deps.phoneNumberId,
    option: 'phoneNumberId',
    noun: 'phone number',
  });
  const conversation = { ...message.to, account };
  const receipt = (messageId: string): SendReceipt => ({ messageId, conversation, acceptedAt: deps.now() });
  const { content } = message;
  // WhatsApp has no "stop typing": the indicator ends when we answer or after 25 s.
  if (content.type === 'typing' && content.on === false) return receipt(stableId('typing', message.replyTo, 'off'));

  const ready = await withUploadedMedia(message, account, deps.graph);
  const body = toWhatsAppMessage(ready, { bsuidRecipientField: deps.bsuidRecipientField });
  const res = await deps.graph.request({ method: 'POST', path: `/${account}/messages`, json: body });

  if (content.type === 'read' || content.type === 'typing') {
    expectGraphResponse(successSchema, res.body, NOT_RETRIED);
    return receipt(stableId(content.type, String(body.message_id)));
  }
  const accepted = expectGraphResponse(sendResponseSchema, res.body, NOT_RETRIED);
  for (const c of accepted.contacts ?? []) {
    if (c.input && c.wa_id && c.input.replace(/^\+/, '') !== c.wa_id) {
      deps.logger.debug({ input: c.input, waId: c.wa_id }, 'whatsapp: the API rewrote the recipient number');
    }
  }
  const [first] = accepted.messages;
  return receipt(first!.id);
}

/** Media given as bytes is uploaded first and sent by its new id. */
async function withUploadedMedia(
  message: OutboundMessage,
  account: string,
  graph: Transport,
): Promise<OutboundMessage> {
  const { content } = message;
  if (!('media' in content) || content.media.id || content.media.url || !content.media.data) return message;
  const { data, mimeType, filename } = content.media;
  if (!mimeType) {
    throw new LoketError('BAD_REQUEST', loketMessage('whatsapp', 'media.data needs media.mimeType to be uploaded'), {
      channel: 'whatsapp',
    });
  }
  const id = await uploadWhatsAppMedia(graph, account, { data, mimeType, filename });
  return { ...message, content: { ...content, media: { ...content.media, id, data: undefined } } };
}
