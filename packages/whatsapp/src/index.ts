// The public surface of @loket/whatsapp, named one by one; the webhook's zod schemas stay internal.
export { type RecipientOptions, toWhatsAppMessage } from './to-whatsapp-message.js';
export { WHATSAPP_INBOUND_MEDIA_MAX_BYTES, whatsappCapabilities } from './whatsapp-capabilities.js';
export { WHATSAPP_ERRORS } from './whatsapp-errors.js';
export {
  type DownloadedMedia,
  type DownloadMediaOptions,
  downloadWhatsAppMedia,
  type UploadMediaInput,
  uploadWhatsAppMedia,
} from './whatsapp-media.js';
export {
  parseWhatsAppOptions,
  type ResolvedWhatsAppOptions,
  type WhatsAppOptions,
  type WhatsAppTransportOptions,
} from './whatsapp-options.js';
export { parseWhatsAppWebhook } from './whatsapp-parse.js';
export type {
  WhatsAppContact,
  WhatsAppErrorObject,
  WhatsAppMessage,
  WhatsAppStatus,
  WhatsAppUserPreference,
} from './whatsapp-webhook-schema.js';
export { whatsapp, type WhatsAppAdapter } from './whatsapp.js';
