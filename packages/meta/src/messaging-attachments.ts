import type { Content, MediaKind } from '@loket/core';
import { attachmentSchema, type MessagingAttachment } from './messaging-webhook-schema.js';

/** An attachment as content, with what the platform called it when that is not the content type itself. */
export type AttachmentResult = { content: Content; kind?: string } | { unsupported: string };

/**
 * Attachment types that become media content (PLATFORM_RULES 2.4, 3.4). Instagram's shares, story mentions and
 * reels are media at a CDN URL; the event's `meta.attachment` keeps which one it was.
 */
const MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'file',
  sticker: 'sticker',
  animated_image_share: 'image',
  share: 'image',
  story_mention: 'image',
  ig_post: 'image',
  ig_reel: 'video',
  reel: 'video',
};

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** One attachment → content: media by URL, a sticker, a location, a shared link, or a template we sent (echoes). */
export function attachmentContent(raw: unknown): AttachmentResult {
  const parsed = attachmentSchema.safeParse(raw);
  if (!parsed.success) return { unsupported: 'attachment:invalid' };
  const { type, payload } = parsed.data;
  const p = payload ?? {};
  const url = str(p.url);
  // Until 2026-08-30 a sticker is (also) an image attachment with payload.sticker_id.
  const stickerId = str(p.sticker_id);
  if ((type === 'image' && stickerId) || type === 'sticker') {
    return {
      content: { type: 'sticker', media: { ...(stickerId ? { id: stickerId } : {}), ...(url ? { url } : {}) } },
    };
  }
  const kind = MEDIA_TYPES[type];
  if (kind) {
    if (!url) return { unsupported: `attachment:${type}:no-url` };
    const caption = str(p.title) ?? str(parsed.data.title);
    const media: Content = { type: kind, media: { url }, ...(caption && kind === 'video' ? { caption } : {}) };
    return kind === type ? { content: media } : { content: media, kind: type };
  }
  if (type === 'fallback') {
    const text = [str(p.title) ?? str(parsed.data.title), url].filter(Boolean).join('\n');
    return text ? { content: { type: 'text', text }, kind: type } : { unsupported: 'attachment:fallback:empty' };
  }
  if (type === 'location') return locationContent(parsed.data);
  if (type === 'template') return templateContent(p);
  return { unsupported: `attachment:${type}` };
}

function locationContent(a: MessagingAttachment): AttachmentResult {
  const coordinates = a.payload?.coordinates as { lat?: unknown; long?: unknown } | undefined;
  const latitude = coordinates?.lat;
  const longitude = coordinates?.long;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return { unsupported: 'attachment:location' };
  return { content: { type: 'location', latitude, longitude, ...(a.title ? { name: a.title } : {}) } };
}

/** Echoes of our own templates: a button template is `buttons`, a generic one `cards`. */
function templateContent(p: Record<string, unknown>): AttachmentResult {
  const buttons = (list: unknown) =>
    (Array.isArray(list) ? list : []).flatMap((b: Record<string, unknown> | null) => {
      const title = str(b?.title);
      if (!title) return [];
      const url = str(b?.url);
      return [url && URL.canParse(url) ? { url, title } : { id: str(b?.payload) ?? title, title }];
    });
  if (p.template_type === 'button' && str(p.text)) {
    const list = buttons(p.buttons);
    if (list.length > 0) return { content: { type: 'buttons', text: str(p.text)!, buttons: list } };
  }
  if (p.template_type === 'generic' && Array.isArray(p.elements)) {
    const cards = p.elements.flatMap((e: Record<string, unknown> | null) => {
      const title = str(e?.title);
      if (!title) return [];
      const subtitle = str(e?.subtitle);
      const imageUrl = str(e?.image_url);
      const list = buttons(e?.buttons);
      return [
        {
          title,
          ...(subtitle ? { subtitle } : {}),
          ...(imageUrl ? { imageUrl } : {}),
          ...(list.length ? { buttons: list } : {}),
        },
      ];
    });
    if (cards.length > 0) return { content: { type: 'cards', cards } };
  }
  return { unsupported: `attachment:template:${String(p.template_type ?? 'unknown')}` };
}
