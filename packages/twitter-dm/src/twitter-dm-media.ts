import { LoketError, loketMessage, type Transport } from '@loket/core';
import { z } from 'zod';

/** Bytes to upload for a DM (one media item per DM, usable for 24 h). */
export interface XUploadInput {
  data: Uint8Array;
  mimeType: string;
}

/** What the upload needs from the adapter. */
export interface XUploadDeps {
  /** Where `/2/media/upload` lives (`uploadBaseUrl`, default the API host). */
  uploadBaseUrl: string;
  /** Bytes per APPEND segment (default 1 MiB; X allows up to 5 MB). */
  chunkBytes?: number;
  /** The wait between status polls (the transport's sleep). */
  sleep(ms: number): Promise<void>;
  /** Status polls before giving up (default 60). */
  maxPolls?: number;
}

const processingSchema = z.looseObject({
  state: z.string(),
  check_after_secs: z.number().nonnegative().optional(),
  error: z.looseObject({ message: z.string().optional() }).optional(),
});
const uploadSchema = z.looseObject({
  data: z.looseObject({ id: z.string().min(1), processing_info: processingSchema.optional() }),
});

function mediaError(text: string, details?: Record<string, unknown>): LoketError {
  return new LoketError('MEDIA_ERROR', loketMessage('twitter-dm', text), {
    channel: 'twitter-dm',
    retryable: false,
    ...(details ? { details } : {}),
  });
}

/** `dm_image`, `dm_gif` or `dm_video`, from the MIME type. */
export function mediaCategory(mimeType: string): 'dm_image' | 'dm_gif' | 'dm_video' {
  const base = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base === 'image/gif') return 'dm_gif';
  if (base.startsWith('video/')) return 'dm_video';
  if (base.startsWith('image/')) return 'dm_image';
  throw mediaError(`${mimeType} cannot be sent in a DM: send a photo, a GIF or a video`);
}

function read(body: unknown, step: string) {
  const parsed = uploadSchema.safeParse(body);
  if (!parsed.success) throw mediaError(`media upload ${step} answered in an unexpected shape`, { body });
  return parsed.data.data;
}

/**
 * Uploads media for a DM with the dedicated v2 endpoints (the `command=INIT` form is deprecated):
 * `POST /2/media/upload/initialize`, `/{id}/append` per segment, `/{id}/finalize`, then `GET /2/media/upload?
 * command=STATUS&media_id=` while `processing_info` says it is pending or in progress. Answers the media id.
 *
 * @example
 * const mediaId = await uploadXMedia(http, { data: png, mimeType: 'image/png' }, deps);
 */
export async function uploadXMedia(http: Transport, input: XUploadInput, deps: XUploadDeps): Promise<string> {
  const base = deps.uploadBaseUrl.replace(/\/+$/, '');
  const init = await http.request({
    method: 'POST',
    path: `${base}/2/media/upload/initialize`,
    json: {
      media_type: input.mimeType,
      total_bytes: input.data.byteLength,
      media_category: mediaCategory(input.mimeType),
    },
  });
  const id = read(init.body, 'initialize').id;
  const chunk = deps.chunkBytes ?? 1024 * 1024;
  for (let index = 0, at = 0; at < input.data.byteLength || index === 0; index++, at += chunk) {
    const form = new FormData();
    form.set('segment_index', String(index));
    form.set('media', new Blob([input.data.slice(at, at + chunk)], { type: input.mimeType }), 'media');
    await http.request({ method: 'POST', path: `${base}/2/media/upload/${id}/append`, form });
  }
  const finalized = read(
    (await http.request({ method: 'POST', path: `${base}/2/media/upload/${id}/finalize` })).body,
    'finalize',
  );
  let info = finalized.processing_info;
  for (let poll = 0; info && (info.state === 'pending' || info.state === 'in_progress'); poll++) {
    if (poll >= (deps.maxPolls ?? 60)) throw mediaError(`media ${id} was still processing after ${poll} checks`);
    await deps.sleep((info.check_after_secs ?? 1) * 1000);
    const status = await http.request({
      method: 'GET',
      path: `${base}/2/media/upload`,
      query: { command: 'STATUS', media_id: id },
    });
    info = read(status.body, 'status').processing_info;
  }
  if (info?.state === 'failed') throw mediaError(`X could not process media ${id}: ${info.error?.message ?? 'failed'}`);
  return id;
}

/** Which inbound media to download: the DM it came in and its media (from the event's `content.media`). */
export interface XDownloadInput {
  /** The account that received the DM (its credentials are used). */
  account: string;
  /** The DM event id (`messageId`). */
  messageId: string;
  /** `content.media.url`: the `ton.twitter.com` URL. */
  url: string;
  /** `content.media.id`: the media id. */
  mediaId?: string;
}

/** The media bytes. */
export interface XDownloadedMedia {
  data: Uint8Array;
  mimeType?: string;
}

/**
 * The v2 media path of a DM attachment, `/2/dm_conversations/media/{dm_id}/{media_id}/{resource_id}`, from its
 * `ton.twitter.com/.../dm/{dm_id}/{media_id}/{resource}.{ext}` URL; undefined when the URL has another form.
 */
export function v2MediaPath(input: XDownloadInput): string | undefined {
  const match = /\/dm\/(\d+)\/(\d+)\/([^/?.]+)/.exec(new URL(input.url).pathname);
  if (!match) return undefined;
  const [, dmId, mediaId, resource] = match;
  return `/2/dm_conversations/media/${dmId ?? input.messageId}/${input.mediaId ?? mediaId}/${resource}`;
}

/**
 * Downloads inbound DM media: with OAuth 2.0 (`dm.read`) through the v2 media endpoint, with OAuth 1.0a as a
 * signed GET of the `ton.twitter.com` URL.
 */
export async function downloadXMedia(
  http: Transport,
  kind: 'oauth1' | 'oauth2',
  input: XDownloadInput,
  maxBytes: number,
): Promise<XDownloadedMedia> {
  const path = kind === 'oauth2' ? v2MediaPath(input) : input.url;
  if (!path) throw mediaError('this media URL has no v2 download path: download it with OAuth 1.0a credentials');
  const res = await http.request<Uint8Array>({ method: 'GET', path, responseType: 'bytes', maxBytes });
  const mimeType = res.headers.get('content-type') ?? undefined;
  return { data: res.body, ...(mimeType ? { mimeType } : {}) };
}
