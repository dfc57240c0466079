import { LoketError, loketMessage } from '../errors.js';
import type { Capabilities } from '../model/capabilities.js';
import type { Content, ContentOf, Media, MediaKind } from '../model/content.js';
import { degrade, type FitContext, refuse } from './fit-context.js';
import { measure } from './measure.js';

type MediaContent = ContentOf<MediaKind>;
type Source = 'id' | 'url' | 'data';

/** Outbound media is taken by platform id, then URL, then bytes (the order of `Media`), as the channel allows. */
const SOURCES: { field: Source; flag: keyof Capabilities['mediaSources']; name: string }[] = [
  { field: 'id', flag: 'id', name: 'a media id' },
  { field: 'url', flag: 'url', name: 'a URL' },
  { field: 'data', flag: 'upload', name: 'bytes to upload' },
];

const baseMime = (mime: string) => (mime.split(';')[0] ?? '').trim().toLowerCase();

/** Keeps only the source that will be used, so an adapter never sees one the channel cannot take. */
function pickSource(content: MediaContent, ctx: FitContext): Media {
  const { id, url, data, ...rest } = content.media;
  const given = SOURCES.filter((s) => content.media[s.field] !== undefined);
  if (given.length === 0) {
    throw new LoketError(
      'BAD_REQUEST',
      loketMessage(ctx.channel, `${content.type} needs media.id, media.url or media.data`),
      {
        channel: ctx.channel,
      },
    );
  }
  const usable = given.find((s) => ctx.caps.mediaSources[s.flag]);
  if (!usable) {
    const allowed = SOURCES.filter((s) => ctx.caps.mediaSources[s.flag]).map((s) => s.name);
    const reason = `${content.type} given as ${given.map((s) => s.name).join(' or ')}, but this channel takes media only as ${allowed.join(' or ') || 'nothing'}`;
    refuse(ctx, { code: 'UNSUPPORTED_CONTENT', reason });
  }
  const sources = { id, url, data };
  return { ...rest, [usable.field]: sources[usable.field] };
}

/** Media: a kind the channel lacks becomes a link (when there is a URL); size, type and source are checked. */
export function fitMedia(content: MediaContent, ctx: FitContext): Content[] {
  const limit = ctx.caps.media[content.type];
  if (!limit) {
    const misfit = { code: 'UNSUPPORTED_CONTENT', reason: `${content.type} messages are not supported` } as const;
    if (content.media.url === undefined) refuse(ctx, misfit);
    degrade(ctx, misfit);
    return [{ type: 'text', text: [content.caption, content.media.url].filter(Boolean).join('\n') }];
  }
  const media = pickSource(content, ctx);
  const size = content.media.size ?? content.media.data?.byteLength;
  if (size !== undefined && size > limit.maxBytes) {
    refuse(ctx, {
      code: 'CONTENT_LIMIT',
      reason: `${content.type} is ${size} bytes, at most ${limit.maxBytes} are accepted`,
    });
  }
  const mime = content.media.mimeType;
  if (mime !== undefined && limit.mimeTypes && !limit.mimeTypes.some((m) => baseMime(m) === baseMime(mime))) {
    const reason = `${content.type} of type ${mime} is not accepted (accepted: ${limit.mimeTypes.join(', ')})`;
    refuse(ctx, { code: 'UNSUPPORTED_CONTENT', reason });
  }
  const { caption, ...rest } = content;
  const { maxLength, unit } = ctx.caps.text;
  if (caption !== undefined && ctx.caps.mediaCaptions === false) {
    // The channel's own way: the attachment, then the caption as a text of its own (split like any long text).
    return [
      { ...rest, media },
      { type: 'text', text: caption },
    ];
  }
  if (caption === undefined || measure(caption, unit) <= maxLength) return [{ ...content, media }];
  // A caption over the text limit follows the media as text (split like any long text).
  degrade(ctx, { code: 'CONTENT_LIMIT', reason: `the caption is longer than ${maxLength} ${unit}` });
  return [
    { ...rest, media },
    { type: 'text', text: caption },
  ];
}
