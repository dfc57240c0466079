import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentKind } from './webchat-options.js';

/** What the bytes are, as far as the allowlist is concerned. */
export interface Sniffed {
  mimeType: string;
  kind: AttachmentKind;
  voice: boolean;
}

// webm and mp4 are containers: the bytes say "video/webm" for a recorded voice note too. When the client says it
// recorded audio, the container is taken as audio.
const AUDIO_CONTAINERS: Record<string, string> = { 'video/webm': 'audio/webm', 'video/mp4': 'audio/mp4' };

function kindOf(mimeType: string): AttachmentKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

/**
 * The MIME type from the bytes (never the client's word), checked against the allowlist; undefined when the bytes
 * are of no allowed type (415). `declared` only decides between audio and video inside webm / mp4.
 */
export async function sniff(
  bytes: Uint8Array,
  declared: string,
  allowed: ReadonlySet<string>,
): Promise<Sniffed | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return undefined;
  let mimeType = found.mime as string;
  const audioOf = AUDIO_CONTAINERS[mimeType];
  const saysAudio = declared.startsWith('audio/');
  if (audioOf && saysAudio) mimeType = audioOf;
  if (mimeType === 'audio/x-m4a') mimeType = 'audio/mp4';
  if (!allowed.has(mimeType)) return undefined;
  const kind = kindOf(mimeType);
  return { mimeType, kind, voice: kind === 'audio' && (audioOf !== undefined || mimeType === 'audio/ogg') };
}
