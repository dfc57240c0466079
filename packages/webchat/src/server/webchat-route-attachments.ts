import { createHash, randomBytes } from 'node:crypto';
import type { WebchatContext } from './webchat-context.js';
import { json, readLimited, WebchatHttpError } from './webchat-http.js';
import { authenticate } from './webchat-identity.js';
import { takeRate } from './webchat-limits.js';
import { checkDownload, routesBase, signedDownloadUrl } from './webchat-signed-url.js';
import { sniff } from './webchat-sniff.js';

// Room for the multipart envelope around the file.
const MULTIPART_OVERHEAD = 16 * 1024;
const INLINE = /^(image|video|audio)\//;

async function fileOf(request: Request, limit: number): Promise<File> {
  const bytes = await readLimited(request, limit + MULTIPART_OVERHEAD);
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new WebchatHttpError('bad_request', 'send the file as multipart/form-data in the field "file"');
  }
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new WebchatHttpError('bad_request', 'the multipart body could not be read');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new WebchatHttpError('bad_request', 'the multipart body has no "file" field');
  return file;
}

/**
 * `POST attachments` (multipart, field `file`): the type is sniffed from the bytes against the allowlist (415
 * otherwise), capped per kind (413), stored in the blob store, and answered with the media to put in a message and
 * a signed, expiring download URL.
 */
export async function postAttachments(ctx: WebchatContext, request: Request): Promise<Response> {
  const identity = await authenticate(ctx, request.headers);
  await takeRate(ctx, `attachments:${identity.credentialHash}`, ctx.options.limits.messagesPerMinute, 'uploads');
  const file = await fileOf(request, ctx.options.limits.attachmentBytes);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = await sniff(bytes, file.type, ctx.options.attachments.mimeTypes);
  if (!sniffed) {
    throw new WebchatHttpError('unsupported_media_type', 'the file is of no allowed type (checked from its bytes)');
  }
  const cap = ctx.options.attachments.maxBytes[sniffed.kind];
  if (bytes.byteLength > cap)
    throw new WebchatHttpError('payload_too_large', `${sniffed.kind} files are capped at ${cap} bytes`);
  const id = `wca_${randomBytes(18).toString('base64url')}`;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const filename = file.name && file.name !== 'blob' ? file.name.slice(0, 200) : undefined;
  const meta = {
    mimeType: sniffed.mimeType,
    size: bytes.byteLength,
    sha256,
    owner: identity.record.contactId,
    createdAt: ctx.runtime.now(),
    ...(filename ? { filename } : {}),
  };
  await ctx.options.storage.put(id, bytes, meta);
  const url = signedDownloadUrl(
    routesBase(request.url, '/webchat/v1/'),
    ctx.options.keys[0]?.secret ?? '',
    id,
    ctx.runtime.now(),
  );
  const media = { id, url, mimeType: meta.mimeType, size: meta.size, sha256, ...(filename ? { filename } : {}) };
  return json(201, { kind: sniffed.kind, voice: sniffed.voice, media });
}

/** `GET attachments/<id>?exp=&sig=`: the bytes, only through a genuine, unexpired signed URL. */
export async function getAttachment(ctx: WebchatContext, request: Request, id: string): Promise<Response> {
  const verdict = checkDownload(ctx.options.keys[0]?.secret ?? '', id, new URL(request.url), ctx.runtime.now());
  if (verdict !== 'ok')
    throw new WebchatHttpError(
      'unauthorized',
      verdict === 'expired' ? 'the link expired: fetch the event again' : 'not a valid download link',
    );
  const blob = await ctx.options.storage.get(id);
  if (!blob) throw new WebchatHttpError('not_found', 'no such attachment');
  const { mimeType, filename } = blob.meta;
  const disposition = INLINE.test(mimeType) ? 'inline' : 'attachment';
  return new Response(blob.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': mimeType,
      'content-length': String(blob.bytes.byteLength),
      'content-disposition': filename
        ? `${disposition}; filename*=UTF-8''${encodeURIComponent(filename)}`
        : disposition,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
