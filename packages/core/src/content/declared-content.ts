import { LoketError, loketMessage } from '../errors.js';
import type { Capabilities } from '../model/capabilities.js';
import type { Content } from '../model/content.js';
import type { OutboundMessage } from '../model/outbound.js';

type Check = (content: Content, caps: Capabilities) => string | undefined;

const MEDIA_KINDS = new Set(['image', 'video', 'audio', 'file', 'sticker']);

function mediaProblem(content: Content, caps: Capabilities): string | undefined {
  if (!('media' in content) || !MEDIA_KINDS.has(content.type)) return undefined;
  if (!caps.media[content.type as keyof Capabilities['media']]) return `${content.type} media`;
  const { id, url, data } = content.media;
  // No source at all is a malformed message: the adapter's own BAD_REQUEST says so.
  if (id === undefined && url === undefined && data === undefined) return undefined;
  const usable =
    (id !== undefined && caps.mediaSources.id) ||
    (url !== undefined && caps.mediaSources.url) ||
    (data !== undefined && caps.mediaSources.upload);
  if (!usable)
    return `${content.type} given as ${[id && 'an id', url && 'a URL', data && 'bytes'].filter(Boolean).join(' or ') || 'nothing'}`;
  if ('caption' in content && content.caption && caps.mediaCaptions === false) return 'a caption under media';
  return undefined;
}

/** What each content kind needs declared; a kind without an entry is always sendable (text) or never (inbound). */
const CHECKS: Partial<Record<Content['type'], Check>> = {
  buttons: (c, caps) =>
    c.type === 'buttons' && c.style === 'quickReplies'
      ? caps.quickReplies
        ? undefined
        : 'quick replies'
      : caps.buttons
        ? undefined
        : 'buttons',
  list: (_, caps) => (caps.list ? undefined : 'a list'),
  cards: (_, caps) => (caps.cards ? undefined : 'cards'),
  template: (_, caps) => (caps.templates ? undefined : 'message templates'),
  location: (_, caps) => (caps.location ? undefined : 'a location'),
  contacts: (_, caps) => (caps.contacts ? undefined : 'contact cards'),
  reaction: (_, caps) => (caps.reactions ? undefined : 'reactions'),
  typing: (_, caps) => (caps.typing ? undefined : 'typing indicators'),
  read: (_, caps) => (caps.readReceipts ? undefined : 'read receipts'),
  choice: () => 'choice content (it only comes in from customers)',
  order: () => 'order content (it only comes in from customers)',
};

/**
 * Refuses, with UNSUPPORTED_CONTENT and before any request, a message whose content the adapter's own capabilities
 * do not declare (buttons where there are none, a media kind or source it lacks, a quote where it cannot quote).
 * The gateway's content check never hands such content over; this guards `adapter.send` called directly, so an
 * adapter never sends what it claims it cannot render.
 *
 * @example
 * send: (message) => { refuseUndeclared(message, capabilities, 'instagram'); return post(message); }
 */
export function refuseUndeclared(message: OutboundMessage, capabilities: Capabilities, channel: string): void {
  const { content } = message;
  const missing =
    mediaProblem(content, capabilities) ??
    CHECKS[content.type]?.(content, capabilities) ??
    (message.replyTo !== undefined && !capabilities.replyTo ? 'a reply that quotes a message' : undefined);
  if (missing === undefined) return;
  const text = `${missing} cannot be sent: the adapter's capabilities do not declare it (send through gateway.send to degrade it)`;
  throw new LoketError('UNSUPPORTED_CONTENT', loketMessage(channel, text), { channel, retryable: false });
}
