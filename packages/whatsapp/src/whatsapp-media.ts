import type { MediaKind, Transport } from '@loket/core';
import { graphMediaError } from '@loket/meta';
import { z } from 'zod';
import { WHATSAPP_INBOUND_MEDIA_MAX_BYTES, whatsappCapabilities } from './whatsapp-capabilities.js';

/** Bytes of a media file a customer sent, with what Meta says about them. */
export interface DownloadedMedia {
  data: Uint8Array;
  mimeType: string;
  sha256?: string;
  size: number;
}

/** Options of `downloadMedia`. */
export interface DownloadMediaOptions {
  /** Refuse files larger than this (never more than WhatsApp's 100 MB inbound ceiling). */
  maxBytes?: number;
  /** Also hold the file to WhatsApp's send limit for this kind (5 MB for images…), e.g. to forward it. */
  kind?: MediaKind;
}

/** A file to upload for sending (`POST /<PHONE_NUMBER_ID>/media`; ids live 30 days). */
export interface UploadMediaInput {
  data: Uint8Array;
  mimeType: string;
  filename?: string;
}

const mediaUrlSchema = z.object({
  url: z.string().url(),
  mime_type: z.string(),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});
const uploadSchema = z.object({ id: z.string().min(1) });

const mediaError = (text: string, cause?: unknown) => graphMediaError('whatsapp', text, cause);

/**
 * Downloads media from a webhook: `GET /<MEDIA_ID>` gives a URL valid for 5 minutes, fetched with the same
 * Bearer token. Every failure is a `MEDIA_ERROR` (the original error is its `cause`).
 */
export async function downloadWhatsAppMedia(
  graph: Transport,
  mediaId: string,
  options: DownloadMediaOptions = {},
): Promise<DownloadedMedia> {
  if (!/^[\w.-]+$/.test(mediaId)) throw mediaError(`media id "${mediaId}" is not a WhatsApp media id`);
  const kindMax = options.kind ? whatsappCapabilities.media[options.kind]?.maxBytes : undefined;
  const limit = Math.min(WHATSAPP_INBOUND_MEDIA_MAX_BYTES, options.maxBytes ?? Infinity, kindMax ?? Infinity);
  let info: z.infer<typeof mediaUrlSchema>;
  try {
    const res = await graph.request({ method: 'GET', path: `/${mediaId}` });
    info = mediaUrlSchema.parse(res.body);
  } catch (err) {
    throw mediaError(`could not get the URL of media ${mediaId}`, err);
  }
  if (info.file_size !== undefined && info.file_size > limit) {
    throw mediaError(`media ${mediaId} is ${info.file_size} bytes, over the ${limit}-byte limit`);
  }
  try {
    const res = await graph.request<Uint8Array>({
      method: 'GET',
      path: info.url,
      responseType: 'bytes',
      maxBytes: limit,
    });
    return {
      data: res.body,
      mimeType: info.mime_type,
      ...(info.sha256 ? { sha256: info.sha256 } : {}),
      size: res.body.byteLength,
    };
  } catch (err) {
    throw mediaError(`could not download media ${mediaId}`, err);
  }
}

/** Uploads a file for sending from `account` (a phone number id) and returns its media id. */
export async function uploadWhatsAppMedia(graph: Transport, account: string, input: UploadMediaInput): Promise<string> {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', input.mimeType);
  form.append(
    'file',
    new Blob([input.data as Uint8Array<ArrayBuffer>], { type: input.mimeType }),
    input.filename ?? 'file',
  );
  try {
    const res = await graph.request({ method: 'POST', path: `/${account}/media`, form });
    return uploadSchema.parse(res.body).id;
  } catch (err) {
    throw mediaError(`could not upload ${input.mimeType} media`, err);
  }
}
