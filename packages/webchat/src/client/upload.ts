import { type Content, LoketError, type Media } from '@loket/core';
import type { WebchatApi } from './api.js';

/** Progress of one upload, in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Reads the media reference out of the `POST attachments` answer (`{ media: {...} }` or the fields themselves). */
export function mediaFromAnswer(answer: unknown, file: Blob & { name?: string }): Media {
  const root = (answer ?? {}) as Record<string, unknown>;
  const m = (typeof root.media === 'object' && root.media !== null ? root.media : root) as Record<string, unknown>;
  const id = typeof m.id === 'string' ? m.id : typeof m.attachmentId === 'string' ? m.attachmentId : undefined;
  const url = typeof m.url === 'string' ? m.url : undefined;
  if (!id && !url) {
    throw new LoketError('MEDIA_ERROR', '[loket] [webchat] the attachment answer names no id or url', {
      channel: 'webchat',
    });
  }
  return {
    ...(id ? { id } : {}),
    ...(url ? { url } : {}),
    mimeType: typeof m.mimeType === 'string' ? m.mimeType : file.type || 'application/octet-stream',
    size: typeof m.size === 'number' ? m.size : file.size,
    ...(file.name ? { filename: typeof m.filename === 'string' ? m.filename : file.name } : {}),
  };
}

/**
 * Uploads one file as multipart (`file` field). In a browser it goes through XMLHttpRequest, the one API that
 * reports upload progress; elsewhere through fetch.
 */
export async function uploadFile(
  api: WebchatApi,
  file: Blob & { name?: string },
  onProgress?: (p: UploadProgress) => void,
): Promise<unknown> {
  const form = new FormData();
  form.append('file', file, file.name ?? 'upload');
  if (typeof XMLHttpRequest === 'undefined' || !onProgress) {
    return api.request({ method: 'POST', path: 'attachments', form });
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api.url('attachments'));
    for (const [k, v] of Object.entries(api.headers())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.total || file.size });
    xhr.onerror = () =>
      reject(
        new LoketError('NETWORK', '[loket] [webchat] the upload did not reach the server', { channel: 'webchat' }),
      );
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress({ loaded: file.size, total: file.size });
        resolve(JSON.parse(xhr.responseText || '{}'));
        return;
      }
      const code = xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : xhr.status === 401 ? 'AUTH_FAILED' : 'MEDIA_ERROR';
      reject(
        new LoketError(code, `[loket] [webchat] POST attachments answered ${xhr.status}`, {
          channel: 'webchat',
          platformCode: xhr.status,
        }),
      );
    };
    xhr.send(form);
  });
}

/** The content kind for a file's MIME type. */
export function mediaKindOf(mimeType: string): 'image' | 'video' | 'audio' | 'file' {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

/** How a file is sent: as a caption-carrying media message, or a voice note. */
export interface FileSendOptions {
  caption?: string;
  voice?: boolean;
}

/** The content that sends an uploaded file: the kind the server sniffed from the bytes, the MIME type's otherwise. */
export function fileContent(answer: unknown, file: Blob & { name?: string }, options: FileSendOptions): Content {
  const media = mediaFromAnswer(answer, file);
  const sniffed = (answer as { kind?: unknown } | undefined)?.kind;
  const kinds = ['image', 'video', 'audio', 'file', 'sticker'];
  const type = options.voice
    ? 'audio'
    : typeof sniffed === 'string' && kinds.includes(sniffed)
      ? sniffed
      : mediaKindOf(media.mimeType ?? '');
  return {
    type,
    media,
    ...(options.caption ? { caption: options.caption } : {}),
    ...(options.voice ? { voice: true } : {}),
  } as Content;
}
