import type { Capabilities } from '../model/capabilities.js';

/** Nothing but text: what each test channel starts from. */
export const textBase: Capabilities = {
  text: { maxLength: 4096, unit: 'chars' },
  media: {},
  mediaSources: { url: true, id: true, upload: true },
  templates: false,
  location: false,
  contacts: false,
  reactions: false,
  typing: false,
  readReceipts: false,
  replyTo: false,
  window: null,
  pacing: {},
};

/** Test capabilities shaped like WhatsApp's (PLATFORM_RULES §1.5). */
export const waLike: Capabilities = {
  ...textBase,
  media: {
    image: { maxBytes: 5_000_000, mimeTypes: ['image/jpeg', 'image/png'] },
    audio: { maxBytes: 16_000_000 },
    file: { maxBytes: 100_000_000 },
  },
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
};

/** Test capabilities shaped like Messenger's (PLATFORM_RULES §2.5). */
export const messengerLike: Capabilities = {
  ...textBase,
  text: { maxLength: 2000, unit: 'chars' },
  media: { image: { maxBytes: 8_000_000 }, file: { maxBytes: 25_000_000 } },
  mediaSources: { url: true, id: true, upload: false },
  buttons: { max: 3, titleMax: 20, textMax: 640, urlMax: 3, mixed: true },
  quickReplies: { max: 13, titleMax: 20 },
  cards: { max: 10, titleMax: 80, subtitleMax: 80, buttonsMax: 3 },
  reactions: true,
};

/** Test capabilities with text only, counted in UTF-8 bytes (Instagram counts bytes: PLATFORM_RULES §3.5). */
export const textOnly: Capabilities = { ...textBase, text: { maxLength: 20, unit: 'bytes' } };
