import { LoketError, loketMessage } from '@loket/core';

/**
 * A `MEDIA_ERROR` for a failed media upload or download, `text` saying which (`could not upload image/png media`).
 * A LoketError cause (the Graph error, a timeout) is wrapped: its reason follows the text, its platform code and
 * retryability are kept. Any other cause is a Graph answer that did not fit the media schema.
 *
 * @example
 * catch (err) { throw graphMediaError('whatsapp', `could not download media ${mediaId}`, err) }
 */
export function graphMediaError(channel: string, text: string, cause?: unknown): LoketError {
  if (LoketError.is(cause)) return LoketError.wrap(cause, text, { code: 'MEDIA_ERROR', channel });
  const why = cause === undefined ? text : `${text}: the Graph API answered in an unexpected shape`;
  return new LoketError('MEDIA_ERROR', loketMessage(channel, why), { channel, cause, retryable: false });
}
