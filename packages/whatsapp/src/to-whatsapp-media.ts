import { type ContentOf, LoketError, loketMessage } from '@loket/core';

type MediaContent = ContentOf<'image' | 'video' | 'audio' | 'file' | 'sticker'>;

const TYPE = { image: 'image', video: 'video', audio: 'audio', file: 'document', sticker: 'sticker' } as const;
// Only these kinds take a caption; a filename only documents (PLATFORM_RULES 1.5).
const CAPTIONED = new Set(['image', 'video', 'file']);

/**
 * A media message by uploaded id (preferred: no 10-minute URL cache, better throughput) or by `link`. Bytes
 * (`media.data`) are uploaded by the sender first and arrive here as an id.
 */
export function toWhatsAppMedia(content: MediaContent): Record<string, unknown> {
  const type = TYPE[content.type];
  const { id, url, filename } = content.media;
  if (!id && !url) {
    throw new LoketError(
      'BAD_REQUEST',
      loketMessage('whatsapp', `${content.type} has no media.id, media.url or media.data: give one of them`),
      { channel: 'whatsapp' },
    );
  }
  const object: Record<string, unknown> = id ? { id } : { link: url };
  if (content.caption && CAPTIONED.has(content.type)) object.caption = content.caption;
  if (filename && content.type === 'file') object.filename = filename;
  return { type, [type]: object };
}
