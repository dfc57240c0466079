import type { Content } from '@loket/core';
import { z } from 'zod';

/** A media object as X puts it in a DM (v1.1 `attachment.media`, v2 `includes.media`). */
export const xMediaSchema = z.looseObject({
  id_str: z.string().optional(),
  media_key: z.string().optional(),
  type: z.string(),
  /** The t.co link X appends to the DM text for the attachment. */
  url: z.string().optional(),
  media_url_https: z.string().optional(),
  video_info: z
    .looseObject({
      variants: z
        .array(z.looseObject({ bitrate: z.number().optional(), content_type: z.string(), url: z.string() }))
        .optional(),
    })
    .optional(),
  variants: z
    .array(z.looseObject({ bit_rate: z.number().optional(), content_type: z.string(), url: z.string() }))
    .optional(),
});
/** A media object of a DM. */
export type XMedia = z.infer<typeof xMediaSchema>;

type Variant = { content_type: string; url: string; rate: number };

/** The best MP4 rendition of a video or GIF (X serves GIFs as MP4). */
function bestMp4(media: XMedia): Variant | undefined {
  const variants: Variant[] = [
    ...(media.video_info?.variants ?? []).map((v) => ({ ...v, rate: v.bitrate ?? 0 })),
    ...(media.variants ?? []).map((v) => ({ ...v, rate: v.bit_rate ?? 0 })),
  ];
  return variants.filter((v) => v.content_type === 'video/mp4').sort((a, b) => b.rate - a.rate)[0];
}

/** The text without the attachment's t.co link, which X appends; undefined when nothing is left. */
export function captionOf(text: string | undefined, media: XMedia): string | undefined {
  const stripped = (media.url ? (text ?? '').replace(media.url, '') : (text ?? '')).trim();
  return stripped === '' ? undefined : stripped;
}

/**
 * A DM attachment as Content: a photo is an image, a video or animated GIF a video (its best MP4). Media URLs on
 * `ton.twitter.com` need an authenticated GET: download them with `adapter.downloadMedia`. Undefined for a kind
 * X did not document.
 */
export function mediaContent(media: XMedia, caption: string | undefined): Content | undefined {
  const id = media.id_str ?? media.media_key;
  const base = { ...(id ? { id } : {}) };
  const withCaption = caption === undefined ? {} : { caption };
  if (media.type === 'photo') {
    const url = media.media_url_https;
    return { type: 'image', media: { ...base, ...(url ? { url } : {}) }, ...withCaption };
  }
  if (media.type === 'video' || media.type === 'animated_gif') {
    const mp4 = bestMp4(media);
    return { type: 'video', media: mp4 ? { ...base, url: mp4.url, mimeType: 'video/mp4' } : base, ...withCaption };
  }
  return undefined;
}
