import type { Capabilities } from '@loket/core';

/** What the web chat renders: every content type natively, no window, no pacing; its log is its own. */
export function webchatCapabilities(attachmentBytes: number): Capabilities {
  const media = { maxBytes: attachmentBytes };
  return {
    text: { maxLength: 20_000, unit: 'chars' },
    media: { image: media, video: media, audio: media, file: media, sticker: media },
    // Bytes to upload would need the blob store; links and stored attachment ids render as they are.
    mediaSources: { url: true, id: true, upload: false },
    mediaCaptions: true,
    buttons: { max: 10, titleMax: 100, textMax: 20_000, urlMax: 10, mixed: true },
    list: {
      maxRows: 50,
      maxSections: 10,
      buttonMax: 100,
      rowTitleMax: 100,
      descriptionMax: 500,
      sectionTitleMax: 100,
      textMax: 20_000,
    },
    cards: { max: 10, titleMax: 200, subtitleMax: 1000, buttonsMax: 5 },
    templates: false,
    location: true,
    contacts: true,
    reactions: true,
    typing: true,
    readReceipts: true,
    replyTo: true,
    window: null,
    pacing: {},
    ownLog: true,
  };
}
