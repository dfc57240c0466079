import type { Capabilities } from '@loket/core';
import { MESSAGING_FEATURES, messagingWindow } from '@loket/meta';

const MB = 1024 * 1024;

const cards = { max: 10, titleMax: 80, subtitleMax: 80, buttonsMax: 3 };

/**
 * What Instagram Messaging renders and its limits (PLATFORM_RULES 3.5, 3.6, 3.8): text 1000 bytes of UTF-8,
 * 13 quick replies, media by URL (image 8 MB, video / audio / file 25 MB), no button template ([U]), the generic
 * template when `genericTemplate` is on ([U], on by default). A human agent may answer for 7 days. Pacing: 100
 * calls/s per account (the Instagram-Login overview; Meta's rate-limit page says 300).
 */
export function instagramCapabilities(options: { genericTemplate: boolean }): Capabilities {
  return {
    text: { maxLength: 1000, unit: 'bytes' },
    media: {
      image: { maxBytes: 8 * MB, mimeTypes: ['image/png', 'image/jpeg', 'image/gif'] },
      video: { maxBytes: 25 * MB, mimeTypes: ['video/mp4', 'video/ogg', 'video/avi', 'video/quicktime', 'video/webm'] },
      audio: { maxBytes: 25 * MB, mimeTypes: ['audio/aac', 'audio/mp4', 'audio/wav', 'audio/x-m4a'] },
      file: { maxBytes: 25 * MB, mimeTypes: ['application/pdf'] },
    },
    mediaSources: { url: true, id: false, upload: false },
    quickReplies: { max: 13, titleMax: 20 },
    ...(options.genericTemplate ? { cards } : {}),
    ...MESSAGING_FEATURES,
    replyTo: false,
    window: messagingWindow(['message', 'reaction', 'referral']),
    pacing: { perAccount: { perSecond: 100 } },
  };
}
