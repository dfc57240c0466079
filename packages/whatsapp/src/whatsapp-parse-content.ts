import type { ContactCard, Content, MediaKind } from '@loket/core';
import { compact } from './whatsapp-parse-context.js';
import type { WhatsAppMessage } from './whatsapp-webhook-schema.js';

/** Content, or why there is none (the message becomes an `unsupported` event with that reason). */
export type ContentResult = { content: Content } | { unsupported: string };

const MEDIA: Record<string, MediaKind> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  document: 'file',
  sticker: 'sticker',
};

/** The normalized content of a customer's message, by `type` (PLATFORM_RULES 1.4). */
export function whatsappContent(msg: WhatsAppMessage): ContentResult {
  const kind = MEDIA[msg.type];
  if (kind) return mediaContent(msg, kind);
  switch (msg.type) {
    case 'text':
      return msg.text ? { content: { type: 'text', text: msg.text.body } } : { unsupported: 'invalid:text' };
    case 'location':
      return msg.location ? { content: locationContent(msg.location) } : { unsupported: 'invalid:location' };
    case 'contacts':
      return { content: { type: 'contacts', contacts: (msg.contacts ?? []).map(contactCard) } };
    case 'interactive':
      return interactiveContent(msg.interactive);
    case 'button':
      // A template quick-reply tap: the payload is what the template defined, the text what the user saw.
      return msg.button
        ? { content: { type: 'choice', id: msg.button.payload ?? msg.button.text, title: msg.button.text } }
        : { unsupported: 'invalid:button' };
    case 'order':
      return msg.order ? { content: orderContent(msg.order) } : { unsupported: 'invalid:order' };
    default:
      return { unsupported: `type:${msg.type}` };
  }
}

function mediaContent(msg: WhatsAppMessage, kind: MediaKind): ContentResult {
  const m = msg[msg.type as 'image' | 'video' | 'audio' | 'document' | 'sticker'];
  if (!m) return { unsupported: `invalid:${msg.type}` };
  const media = compact({ id: m.id, url: m.url, mimeType: m.mime_type, sha256: m.sha256, filename: m.filename });
  const voice = kind === 'audio' && m.voice === true ? true : undefined;
  return { content: compact({ type: kind, media, caption: m.caption, voice }) };
}

function locationContent(l: NonNullable<WhatsAppMessage['location']>): Content {
  return compact({
    type: 'location' as const,
    latitude: l.latitude,
    longitude: l.longitude,
    name: l.name,
    address: l.address,
  });
}

function contactCard(c: NonNullable<WhatsAppMessage['contacts']>[number]): ContactCard {
  const n = c.name;
  const name = n?.formatted_name ?? [n?.first_name, n?.last_name].filter(Boolean).join(' ');
  const phones = (c.phones ?? []).flatMap((p) =>
    p.phone ? [compact({ phone: p.phone, type: p.type, waId: p.wa_id })] : [],
  );
  const emails = (c.emails ?? []).flatMap((e) => (e.email ? [compact({ email: e.email, type: e.type })] : []));
  const urls = (c.urls ?? []).flatMap((u) => (u.url ? [u.url] : []));
  return compact({
    name,
    phones: phones.length > 0 ? phones : undefined,
    emails: emails.length > 0 ? emails : undefined,
    organization: c.org?.company,
    urls: urls.length > 0 ? urls : undefined,
  });
}

function interactiveContent(i: WhatsAppMessage['interactive']): ContentResult {
  if (i?.type === 'button_reply' && i.button_reply) {
    return { content: { type: 'choice', id: i.button_reply.id, title: i.button_reply.title } };
  }
  if (i?.type === 'list_reply' && i.list_reply) {
    const { id, title, description } = i.list_reply;
    return {
      content: compact({ type: 'choice' as const, id, title, data: description ? { description } : undefined }),
    };
  }
  if (i?.type === 'nfm_reply' && i.nfm_reply) {
    const { name, body, response_json } = i.nfm_reply;
    return {
      content: compact({ type: 'choice' as const, id: name ?? 'flow', title: body, data: flowResponse(response_json) }),
    };
  }
  return { unsupported: `interactive:${i?.type ?? 'unknown'}` };
}

/** A Flow's answer: `response_json` is a JSON string; when it is not a JSON object it is kept as the string. */
function flowResponse(json: string): Record<string, unknown> {
  const parsed = parseJson(json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : { response_json: json };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON: the caller keeps the text as it came
  }
}

function orderContent(o: NonNullable<WhatsAppMessage['order']>): Content {
  const items = o.product_items.map((p) =>
    compact({
      productId: p.product_retailer_id,
      quantity: p.quantity,
      price: p.item_price,
      currency: p.currency,
    }),
  );
  return compact({ type: 'order' as const, catalogId: o.catalog_id, text: o.text, items });
}
