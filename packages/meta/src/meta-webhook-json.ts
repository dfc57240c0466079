import { LoketError, loketMessage } from '@loket/core';

/**
 * The JSON of a verified Meta webhook body (WhatsApp, Messenger, Instagram), decoded as UTF-8. Throws
 * `BAD_REQUEST` when it is not JSON; any other shape is the parser's to report.
 *
 * @example
 * const json = readMetaWebhookJson(req.body, 'whatsapp');
 */
export function readMetaWebhookJson(body: Uint8Array, channel: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch (err) {
    throw new LoketError('BAD_REQUEST', loketMessage(channel, 'webhook body is not JSON'), { channel, cause: err });
  }
}
