import { createHash } from 'node:crypto';
import type { EmulatorContext, EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { graphError } from '../graph/graph-error.js';
import { newNumericId } from '../ids.js';

/** Where the emulator serves media bytes (the stand-in for Meta's short-lived lookaside URLs). */
export const MEDIA_FILES_PATH = '/whatsapp-media/';

function invalid(details: string, subcode?: number): EmulatorReply {
  const { status, body } = graphError({ code: 100, subcode, details });
  return { status, json: body };
}

/** `POST /<version>/<phone_number_id>/media` (multipart `file`, `type`, `messaging_product`) → `{ id }`. */
export async function uploadMedia(req: EmulatorRequest, ctx: EmulatorContext): Promise<EmulatorReply> {
  let form: FormData;
  try {
    const headers = { 'content-type': req.headers['content-type'] ?? '' };
    form = await new Request('http://emulator.invalid/', {
      method: 'POST',
      headers,
      body: new Uint8Array(req.body),
    }).formData();
  } catch (err) {
    return invalid(`the upload must be multipart/form-data: ${err instanceof Error ? err.message : String(err)}`);
  }
  const file = form.get('file');
  if (form.get('messaging_product') !== 'whatsapp') return invalid("messaging_product must be 'whatsapp'");
  if (!(file instanceof Blob)) return invalid('file is required');
  const type = form.get('type');
  const id = newNumericId();
  const filename = file instanceof File ? file.name : undefined;
  const mimeType = typeof type === 'string' && type ? type : file.type;
  ctx.media.set(id, { id, data: new Uint8Array(await file.arrayBuffer()), mimeType, filename });
  return { status: 200, json: { id } };
}

/** `GET /<version>/<media_id>` → the media's URL (served by the emulator), MIME type, sha256 and size. */
export function lookupMedia(ctx: EmulatorContext, id: string): EmulatorReply {
  const media = ctx.media.get(id);
  if (!media) {
    return invalid(
      `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      33,
    );
  }
  return {
    status: 200,
    json: {
      messaging_product: 'whatsapp',
      url: `${ctx.baseUrl}${MEDIA_FILES_PATH}${id}`,
      mime_type: media.mimeType,
      sha256: createHash('sha256').update(media.data).digest('hex'),
      file_size: media.data.byteLength,
      id,
    },
  };
}

/** `DELETE /<version>/<media_id>`. */
export function deleteMedia(ctx: EmulatorContext, id: string): EmulatorReply {
  return ctx.media.delete(id) ? { status: 200, json: { success: true } } : lookupMedia(ctx, id);
}

/** `GET /whatsapp-media/<id>`: the bytes themselves. */
export function downloadMedia(ctx: EmulatorContext, id: string): EmulatorReply {
  const media = ctx.media.get(id);
  if (!media) return { status: 404, json: { error: { message: 'media not found', code: 100 } } };
  return { status: 200, headers: { 'content-type': media.mimeType }, bytes: media.data };
}
