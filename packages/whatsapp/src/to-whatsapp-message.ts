import { type Content, LoketError, loketMessage, type OutboundMessage } from '@loket/core';
import { toWhatsAppContacts } from './to-whatsapp-contacts.js';
import { toWhatsAppButtons, toWhatsAppList } from './to-whatsapp-interactive.js';
import { toWhatsAppMedia } from './to-whatsapp-media.js';
import { toWhatsAppTemplate } from './to-whatsapp-template.js';

/** How recipients are addressed. */
export interface RecipientOptions {
  /** The body field for a BSUID recipient (`recipient` by default; see the README). */
  bsuidRecipientField: string;
}

const BSUID = /^[A-Z]{2}\.[A-Za-z0-9.]+$/;
const PHONE = /^\+?\d{5,20}$/;

/**
 * The JSON body of `POST /<PHONE_NUMBER_ID>/messages` for one outbound message (PLATFORM_RULES 1.5).
 * `read` and `typing` are status updates on a received message, so they carry no recipient.
 */
export function toWhatsAppMessage(message: OutboundMessage, options: RecipientOptions): Record<string, unknown> {
  const { content } = message;
  if (content.type === 'read') return { messaging_product: 'whatsapp', status: 'read', message_id: content.messageId };
  if (content.type === 'typing') {
    // WhatsApp shows typing only as part of marking a received message read: it needs that message's id.
    if (!message.replyTo) {
      throw new LoketError(
        'BAD_REQUEST',
        loketMessage('whatsapp', 'typing needs the id of the message being answered: pass it as replyTo'),
        { channel: 'whatsapp' },
      );
    }
    return {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: message.replyTo,
      typing_indicator: { type: 'text' },
    };
  }
  const body: Record<string, unknown> = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...recipient(message.to.user, options),
    ...payload(content),
  };
  if (message.replyTo && content.type !== 'reaction') body.context = { message_id: message.replyTo };
  if (message.metadata !== undefined) body.biz_opaque_callback_data = message.metadata;
  return body;
}

/**
 * Phone numbers go out as `+<E.164>` (without `+` Meta prepends the business number's country code); the API
 * may still rewrite Brazilian and Mexican numbers, and answers with the `wa_id` it used. A BSUID goes in its
 * own field.
 */
function recipient(user: string, options: RecipientOptions): Record<string, string> {
  if (PHONE.test(user)) return { to: user.startsWith('+') ? user : `+${user}` };
  if (BSUID.test(user)) return { [options.bsuidRecipientField]: user };
  return { to: user };
}

function payload(content: Content): Record<string, unknown> {
  switch (content.type) {
    case 'text': {
      const preview = content.previewUrl ?? /https?:\/\/\S/i.test(content.text);
      return { type: 'text', text: preview ? { preview_url: true, body: content.text } : { body: content.text } };
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'file':
    case 'sticker':
      return toWhatsAppMedia(content);
    case 'location': {
      const { latitude, longitude, name, address } = content;
      return {
        type: 'location',
        location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
      };
    }
    case 'contacts':
      return toWhatsAppContacts(content);
    case 'buttons':
      return toWhatsAppButtons(content);
    case 'list':
      return toWhatsAppList(content);
    case 'template':
      return toWhatsAppTemplate(content);
    case 'reaction':
      // An empty emoji removes our reaction.
      return { type: 'reaction', reaction: { message_id: content.messageId, emoji: content.emoji ?? '' } };
    default:
      throw new LoketError(
        'UNSUPPORTED_CONTENT',
        loketMessage('whatsapp', `${content.type} content cannot be sent on WhatsApp`),
        { channel: 'whatsapp' },
      );
  }
}
