import type { Capabilities } from '@loket/core';
import { MESSAGING_FEATURES, messagingWindow } from '@loket/meta';

const MB = 1024 * 1024;

/**
 * What the Messenger Send API renders and its limits (PLATFORM_RULES 2.5, 2.6, 2.8): text 2000 characters,
 * 13 quick replies, the button template (3 buttons, text 640), the generic template (10 cards, 3 buttons each).
 * Images by URL up to 8 MB, other saved assets 25 MB. The window opens on a message, a postback, a reaction, a
 * referral or an opt-in; a human agent may answer for 7 days. Pacing: 300 calls/s per Page (audio and video are
 * held to 10/s by Meta; see the README).
 */
export const messengerCapabilities: Capabilities = {
  text: { maxLength: 2000, unit: 'chars' },
  media: {
    image: { maxBytes: 8 * MB },
    video: { maxBytes: 25 * MB },
    audio: { maxBytes: 25 * MB },
    file: { maxBytes: 25 * MB },
  },
  mediaSources: { url: true, id: true, upload: true },
  buttons: { max: 3, titleMax: 20, textMax: 640, urlMax: 3, mixed: true },
  quickReplies: { max: 13, titleMax: 20 },
  cards: { max: 10, titleMax: 80, subtitleMax: 80, buttonsMax: 3 },
  ...MESSAGING_FEATURES,
  replyTo: true,
  window: messagingWindow(['message', 'reaction', 'referral', 'consent']),
  pacing: { perAccount: { perSecond: 300 } },
};
