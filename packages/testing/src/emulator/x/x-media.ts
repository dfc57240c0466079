import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { newNumericId } from '../ids.js';
import { xProblem } from './x-errors.js';
import type { XState } from './x-state.js';

const initSchema = z.object({
  media_type: z.string().min(1),
  total_bytes: z.number().int().positive(),
  media_category: z.enum(['dm_image', 'dm_gif', 'dm_video']),
});

/** `POST /2/media/upload/initialize`: a new upload for a DM (`media_category` `dm_image`, `dm_gif`, `dm_video`). */
export function initializeUpload(req: EmulatorRequest, state: XState): EmulatorReply {
  const parsed = initSchema.safeParse(req.json);
  if (!parsed.success)
    return xProblem(400, 'Invalid Request', 'media_type, total_bytes and a DM media_category are required.');
  const id = newNumericId();
  const video = parsed.data.media_category !== 'dm_image';
  state.uploads.set(id, {
    id,
    mimeType: parsed.data.media_type,
    totalBytes: parsed.data.total_bytes,
    category: parsed.data.media_category,
    segments: 0,
    finalized: false,
    pendingChecks: video ? 1 : 0,
  });
  return { status: 200, json: { data: { id, media_key: `3_${id}`, expires_after_secs: 86_400 } } };
}

/** `/{id}/append` (multipart, one segment) and `/{id}/finalize`; a video is processed until one status check. */
export function continueUpload(
  state: XState,
  id: string,
  step: string,
  req: EmulatorRequest,
): EmulatorReply | undefined {
  const upload = state.uploads.get(id);
  if (!upload) return xProblem(400, 'Invalid Request', `media ${id} was not initialized.`);
  if (step === 'append') {
    if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      return xProblem(400, 'Invalid Request', 'append takes multipart/form-data with media and segment_index.');
    }
    upload.segments++;
    return { status: 204 };
  }
  if (step !== 'finalize') return undefined;
  if (upload.segments === 0) return xProblem(400, 'Invalid Request', `media ${id} has no segments.`);
  upload.finalized = true;
  const processing = upload.pendingChecks > 0 ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {};
  return {
    status: 200,
    json: { data: { id, media_key: `3_${id}`, size: upload.totalBytes, expires_after_secs: 86_400, ...processing } },
  };
}

/** `GET /2/media/upload?command=STATUS&media_id=`: in progress until its checks are used, then succeeded. */
export function uploadStatus(state: XState, req: EmulatorRequest): EmulatorReply {
  const id = req.url.searchParams.get('media_id') ?? '';
  const upload = state.uploads.get(id);
  if (req.url.searchParams.get('command') !== 'STATUS' || !upload)
    return xProblem(400, 'Invalid Request', 'unknown media_id');
  const done = upload.pendingChecks <= 0;
  upload.pendingChecks--;
  const info = done
    ? { state: 'succeeded', progress_percent: 100 }
    : { state: 'in_progress', check_after_secs: 1, progress_percent: 50 };
  return { status: 200, json: { data: { id, media_key: `3_${id}`, processing_info: info } } };
}
