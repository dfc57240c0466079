import type { Capabilities } from '@loket/core';

const MB = 1024 * 1024;

/** The options capabilities depend on. */
export interface XCapabilityOptions {
  maxTextLength: number;
  typing: boolean | string;
  readReceipts: boolean | string;
  quickReplies: boolean;
}

/**
 * What X DMs render and their limits (PLATFORM_RULES 4.5, 4.6): text up to 10,000 characters, one photo, GIF or
 * video per DM (by upload or media id, with the text as its caption), quick replies only through v1.1, no
 * reactions, no quoting, no reply window. X's per-user limits are kept by the adapter's own pacing (free replies
 * included), so core's pacer has nothing to do.
 */
export function twitterDmCapabilities(o: XCapabilityOptions): Capabilities {
  return {
    text: { maxLength: o.maxTextLength, unit: 'chars' },
    media: {
      image: { maxBytes: 15 * MB, mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] },
      video: { maxBytes: 512 * MB, mimeTypes: ['video/mp4', 'video/quicktime'] },
    },
    mediaSources: { url: false, id: true, upload: true },
    mediaCaptions: true,
    ...(o.quickReplies ? { quickReplies: { max: 20, titleMax: 36, textMax: o.maxTextLength } } : {}),
    templates: false,
    location: false,
    contacts: false,
    reactions: false,
    typing: o.typing !== false,
    readReceipts: o.readReceipts !== false,
    replyTo: false,
    window: null,
    pacing: {},
  };
}
