import { type Button, type Content, LoketError, loketMessage, type OutboundMessage } from '@loket/core';

/** How a product words its Send API bodies. */
export interface MessagingBodyOptions {
  channel: string;
  /**
   * `always`: every message carries `messaging_type` (Messenger: RESPONSE inside the window); `tagged`: only tagged
   * sends do (Instagram's examples omit it). A `human_agent` send is always MESSAGE_TAG + HUMAN_AGENT.
   */
  messagingType: 'always' | 'tagged';
  /** Whether the generic template (cards) may be sent. */
  genericTemplate: boolean;
}

type Json = Record<string, unknown>;

function unsupported(channel: string, what: string): LoketError {
  return new LoketError('UNSUPPORTED_CONTENT', loketMessage(channel, `${what} cannot be sent on ${channel}`), {
    channel,
  });
}

/** A reply button is a postback (its id comes back as the payload), a link button a web_url. */
function toButton(button: Button): Json {
  return 'url' in button
    ? { type: 'web_url', url: button.url, title: button.title }
    : { type: 'postback', title: button.title, payload: button.id };
}

const template = (payload: Json): Json => ({ attachment: { type: 'template', payload } });

/** `message{...}` for content that is a message, undefined for sender actions. */
function messagePayload(content: Content, o: MessagingBodyOptions): Json | undefined {
  switch (content.type) {
    case 'text':
      return { text: content.text };
    case 'image':
    case 'video':
    case 'audio':
    case 'file': {
      const { id, url } = content.media;
      // Uploads happen before: by now media has an attachment id or a URL.
      const payload = id ? { attachment_id: id } : url ? { url } : undefined;
      if (!payload)
        throw new LoketError('BAD_REQUEST', loketMessage(o.channel, 'media needs an id, a url or data'), {
          channel: o.channel,
        });
      return { attachment: { type: content.type, payload } };
    }
    case 'buttons':
      if (content.style === 'quickReplies') {
        const replies = content.buttons.map((b) => {
          if ('url' in b) throw unsupported(o.channel, 'a link as a quick reply');
          return { content_type: 'text', title: b.title, payload: b.id };
        });
        return { text: content.text, quick_replies: replies };
      }
      return template({ template_type: 'button', text: content.text, buttons: content.buttons.map(toButton) });
    case 'cards':
      if (!o.genericTemplate) throw unsupported(o.channel, 'cards (the generic template)');
      return template({
        template_type: 'generic',
        elements: content.cards.map((card) => ({
          title: card.title,
          ...(card.subtitle ? { subtitle: card.subtitle } : {}),
          ...(card.imageUrl ? { image_url: card.imageUrl } : {}),
          ...(card.buttons?.length ? { buttons: card.buttons.map(toButton) } : {}),
        })),
      });
    case 'reaction':
    case 'typing':
    case 'read':
      return undefined;
    default:
      throw unsupported(o.channel, `${content.type} content`);
  }
}

/** `sender_action` (+ `payload`) for typing, mark seen, react and unreact. */
function senderAction(content: Content): Json {
  if (content.type === 'typing') return { sender_action: content.on === false ? 'typing_off' : 'typing_on' };
  if (content.type === 'read') return { sender_action: 'mark_seen' };
  if (content.type === 'reaction') {
    return content.emoji === null
      ? { sender_action: 'unreact', payload: { message_id: content.messageId } }
      : { sender_action: 'react', payload: { message_id: content.messageId, reaction: content.emoji } };
  }
  return {};
}

/**
 * The body of `POST /<PAGE_ID | IG_ID>/messages` (PLATFORM_RULES 2.5, 3.5): `recipient`, then either `message`
 * or `sender_action`, never both. Inside the window `messaging_type: RESPONSE`; `tag: 'human_agent'` becomes
 * `MESSAGE_TAG` + `HUMAN_AGENT`, the only tag left (the others return error 100 since 2026-04-27).
 *
 * @example
 * toMessagingBody({ to, content: { type: 'text', text: 'Hi' } }, { channel: 'messenger', messagingType: 'always', genericTemplate: true });
 * // { recipient: { id: to.user }, messaging_type: 'RESPONSE', message: { text: 'Hi' } }
 */
export function toMessagingBody(message: OutboundMessage, o: MessagingBodyOptions): Json {
  const payload = messagePayload(message.content, o);
  const tagged = message.tag === 'human_agent';
  const body: Json = { recipient: { id: message.to.user } };
  if (tagged) Object.assign(body, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  else if (payload && o.messagingType === 'always') body.messaging_type = 'RESPONSE';
  if (!payload) return { ...body, ...senderAction(message.content) };
  if (message.replyTo) payload.reply_to = { mid: message.replyTo };
  if (message.metadata !== undefined) payload.metadata = message.metadata;
  return { ...body, message: payload };
}
