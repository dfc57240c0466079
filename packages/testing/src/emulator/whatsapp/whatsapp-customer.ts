import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../emulator-channel.js';
import { newNumericId, newWamid } from '../ids.js';
import { customerMessageValue, displayNumber, type WhatsAppAccount, whatsappEnvelope } from './whatsapp-webhooks.js';

/** Who the customer is and which business number they write to. */
export interface WhatsAppCustomerOptions extends WhatsAppAccount {
  /** The customer's WhatsApp id (their number, digits only). */
  waId: string;
  /** Their profile name. */
  name?: string;
}

/** Per-message options. */
export interface CustomerMessageOptions {
  /** The wamid to use (default: a fresh one). */
  id?: string;
  /** Quote a message (`context.id`): the business message being answered. */
  replyTo?: string;
  /** When it was sent, ms (default: the emulator's clock). */
  at?: number;
}

/** Media a customer sends: the emulator keeps the bytes and serves them like Graph's media endpoints. */
export interface CustomerMedia {
  data: Uint8Array;
  mimeType: string;
  caption?: string;
  filename?: string;
  /** Audio only: a voice note. */
  voice?: boolean;
}

/** A simulated WhatsApp user. Every method fires one signed webhook and resolves with the gateway's HTTP status. */
export interface WhatsAppCustomer {
  readonly waId: string;
  /** The wamid of the last message this customer sent. */
  readonly lastMessageId: string | undefined;
  say(text: string, options?: CustomerMessageOptions): Promise<number>;
  /** Any `messages[]` item: `{ type: 'sticker', sticker: {...} }`; `from`, `id` and `timestamp` are filled in. */
  send(message: Record<string, unknown>, options?: CustomerMessageOptions): Promise<number>;
  /** Reacts to a message; an empty emoji removes the reaction. */
  react(messageId: string, emoji: string, options?: CustomerMessageOptions): Promise<number>;
  /** Taps a reply button (or, with `list: true`, picks a list row) of an interactive message. */
  choose(
    id: string,
    title: string,
    options?: CustomerMessageOptions & { list?: boolean; description?: string },
  ): Promise<number>;
  sendMedia(
    kind: 'image' | 'video' | 'audio' | 'document' | 'sticker',
    media: CustomerMedia,
    options?: CustomerMessageOptions,
  ): Promise<number>;
  shareLocation(
    location: { latitude: number; longitude: number; name?: string; address?: string },
    options?: CustomerMessageOptions,
  ): Promise<number>;
}

/** Builds a customer whose webhooks go through the emulator's signed delivery. */
export function whatsappCustomer(ctx: EmulatorContext, customer: WhatsAppCustomerOptions): WhatsAppCustomer {
  let lastMessageId: string | undefined;

  const send = (message: Record<string, unknown>, options: CustomerMessageOptions = {}): Promise<number> => {
    const id = options.id ?? newWamid();
    lastMessageId = id;
    const withContext = options.replyTo
      ? { context: { from: displayNumber(customer), id: options.replyTo }, ...message }
      : message;
    const value = customerMessageValue(customer, withContext, { id, at: options.at ?? ctx.now() });
    return ctx.deliver('whatsapp', String(message.type ?? 'message'), whatsappEnvelope(customer, value));
  };

  return {
    waId: customer.waId,
    get lastMessageId() {
      return lastMessageId;
    },
    send,
    say: (text, options) => send({ type: 'text', text: { body: text } }, options),
    react: (messageId, emoji, options) =>
      send({ type: 'reaction', reaction: { message_id: messageId, emoji } }, options),
    choose: (id, title, options = {}) => {
      const reply = options.list
        ? {
            type: 'list_reply',
            list_reply: { id, title, ...(options.description ? { description: options.description } : {}) },
          }
        : { type: 'button_reply', button_reply: { id, title } };
      return send({ type: 'interactive', interactive: reply }, options);
    },
    sendMedia: (kind, media, options) => {
      const mediaId = newNumericId();
      ctx.media.set(mediaId, { id: mediaId, data: media.data, mimeType: media.mimeType, filename: media.filename });
      const sha256 = createHash('sha256').update(media.data).digest('base64');
      const object: Record<string, unknown> = { mime_type: media.mimeType, sha256, id: mediaId };
      if (media.caption !== undefined) object.caption = media.caption;
      if (media.filename !== undefined) object.filename = media.filename;
      if (kind === 'audio') object.voice = media.voice ?? false;
      return send({ type: kind, [kind]: object }, options);
    },
    shareLocation: (location, options) => send({ type: 'location', location }, options),
  };
}
