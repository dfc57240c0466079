import type { Transport } from '@loket/core';
import { z } from 'zod';
import { graphMediaError } from './graph-media-error.js';

/** A file to upload for sending (`POST /<PAGE_ID>/message_attachments`; ids live 90 days). */
export interface AttachmentUpload {
  type: 'image' | 'video' | 'audio' | 'file';
  data: Uint8Array;
  mimeType: string;
  filename?: string;
}

const uploadSchema = z.object({ attachment_id: z.union([z.string().min(1), z.number().transform(String)]) });

/**
 * Uploads a file with the Attachment Upload API (PLATFORM_RULES 2.5) and answers its reusable `attachment_id`.
 * Failures are `MEDIA_ERROR`, keeping the platform's code and whether a retry may help.
 *
 * @example
 * const id = await uploadMessagingAttachment(graph, 'messenger', pageId, { type: 'image', data, mimeType: 'image/png' });
 */
export async function uploadMessagingAttachment(
  graph: Transport,
  channel: string,
  account: string,
  input: AttachmentUpload,
): Promise<string> {
  const form = new FormData();
  form.append('message', JSON.stringify({ attachment: { type: input.type, payload: { is_reusable: true } } }));
  const blob = new Blob([input.data as Uint8Array<ArrayBuffer>], { type: input.mimeType });
  form.append('filedata', blob, input.filename ?? 'file');
  try {
    const res = await graph.request({ method: 'POST', path: `/${account}/message_attachments`, form });
    return uploadSchema.parse(res.body).attachment_id;
  } catch (err) {
    throw graphMediaError(channel, `could not upload ${input.mimeType} media`, err);
  }
}
