import type { Capabilities } from '@loket/core';

const MB = 1024 * 1024;

/** Largest media a user can send us (larger fails with webhook error 131052); applies to downloads. */
export const WHATSAPP_INBOUND_MEDIA_MAX_BYTES = 100 * MB;

/**
 * What the WhatsApp Cloud API renders and its limits (PLATFORM_RULES 1.5, 1.6, 1.8).
 * Stickers: 100 KB static, 500 KB animated; the larger bound is declared because content checks cannot tell them apart.
 */
export const whatsappCapabilities: Capabilities = {
  text: { maxLength: 4096, unit: 'chars' },
  media: {
    image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png'] },
    video: { maxBytes: 16 * MB, mimeTypes: ['video/mp4', 'video/3gpp'] },
    audio: { maxBytes: 16 * MB, mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'] },
    file: {
      maxBytes: 100 * MB,
      mimeTypes: [
        'text/plain',
        'application/pdf',
        'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.ms-powerpoint',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
    },
    sticker: { maxBytes: 500 * 1024, mimeTypes: ['image/webp'] },
  },
  mediaSources: { url: true, id: true, upload: true },
  // Reply buttons, or exactly one URL button (cta_url); never both in one message.
  buttons: { max: 3, titleMax: 20, textMax: 1024, urlMax: 1, mixed: false },
  list: {
    maxRows: 10,
    maxSections: 10,
    buttonMax: 20,
    rowTitleMax: 24,
    rowIdMax: 200,
    descriptionMax: 72,
    sectionTitleMax: 24,
    textMax: 4096,
  },
  templates: true,
  location: true,
  contacts: true,
  reactions: true,
  typing: true,
  readReceipts: true,
  replyTo: true,
  window: { freeFormMs: 24 * 3_600_000, templatesOutside: true, openedBy: ['message', 'reaction'] },
  pacing: {
    perAccount: { perSecond: 80 },
    // Pair limit: one message every 6 s to one user, bursts of up to 45 borrowed from the future.
    perRecipient: { intervalMs: 6000, burst: 45 },
  },
};
