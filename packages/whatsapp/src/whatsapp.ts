import { type ChannelAdapter, refuseUndeclared } from '@loket/core';
import { createMetaAdapterBase } from '@loket/meta';
import { whatsappCapabilities } from './whatsapp-capabilities.js';
import { WHATSAPP_ERRORS } from './whatsapp-errors.js';
import {
  type DownloadedMedia,
  type DownloadMediaOptions,
  downloadWhatsAppMedia,
  type UploadMediaInput,
  uploadWhatsAppMedia,
} from './whatsapp-media.js';
import { parseWhatsAppOptions, type WhatsAppOptions } from './whatsapp-options.js';
import { parseWhatsAppWebhook } from './whatsapp-parse.js';
import { sendWhatsAppMessage } from './whatsapp-send.js';

/** The WhatsApp adapter: a ChannelAdapter plus media download and upload. */
export interface WhatsAppAdapter extends ChannelAdapter {
  readonly channel: 'whatsapp';
  /** Downloads media a customer sent (webhook media ids stay downloadable for 7 days). */
  downloadMedia(mediaId: string, options?: DownloadMediaOptions): Promise<DownloadedMedia>;
  /** Uploads a file for sending from `account` (a phone number id); returns the media id (valid 30 days). */
  uploadMedia(account: string, input: UploadMediaInput): Promise<string>;
}

/**
 * The WhatsApp Cloud API adapter. Options are checked at construction: a missing secret throws `CONFIG`.
 *
 * @example
 * import { createGateway, memoryStore } from '@loket/core';
 * import { whatsapp } from '@loket/whatsapp';
 *
 * const gateway = createGateway({
 *   channels: [whatsapp({
 *     appSecret: process.env.WHATSAPP_APP_SECRET!, // or whatsapp(): it reads WHATSAPP_* itself
 *     verifyToken: process.env.WHATSAPP_VERIFY_TOKEN!,
 *     accessToken: process.env.WHATSAPP_ACCESS_TOKEN!,
 *   })],
 *   store: memoryStore(),
 * });
 */
export function whatsapp(input: WhatsAppOptions = {}): WhatsAppAdapter {
  const options = parseWhatsAppOptions(input);
  const { graph, logger, handshake, verify } = createMetaAdapterBase(options, {
    channel: 'whatsapp',
    errors: WHATSAPP_ERRORS,
  });
  const deps = {
    graph,
    phoneNumberId: options.phoneNumberId,
    bsuidRecipientField: options.bsuidRecipientField,
    now: options.now ?? Date.now,
    logger,
  };
  return {
    channel: 'whatsapp',
    capabilities: whatsappCapabilities,
    handshake,
    verify,
    parse: (req) => parseWhatsAppWebhook(req.body, logger),
    async send(message) {
      refuseUndeclared(message, whatsappCapabilities, 'whatsapp');
      return sendWhatsAppMessage(message, deps);
    },
    downloadMedia: (mediaId, opts) => downloadWhatsAppMedia(graph, mediaId, opts),
    uploadMedia: (account, file) => uploadWhatsAppMedia(graph, account, file),
  };
}
