import {
  createMessagingAdapter,
  createThreadControl,
  type MessagingAdapter,
  type ThreadControl,
  threadControlHandover,
} from '@loket/meta';
import { instagramCapabilities } from './instagram-capabilities.js';
import { INSTAGRAM_ERRORS } from './instagram-errors.js';
import { INSTAGRAM_HOSTS, type InstagramOptions, parseInstagramOptions } from './instagram-options.js';

/** The Instagram adapter: a ChannelAdapter plus attachment upload (Facebook-Login set-ups) and thread control. */
export interface InstagramAdapter extends MessagingAdapter {
  readonly channel: 'instagram';
  /** The handover protocol on Instagram Messaging: `POST /<account>/{pass,take,request}_thread_control`. */
  readonly threadControl: ThreadControl;
  /** `gateway.handoff` through thread control: to a human passes the thread to the inbox, to the bot takes it. */
  handover: NonNullable<MessagingAdapter['handover']>;
}

/**
 * The Instagram Messaging adapter, for Instagram Login (graph.instagram.com, the default) and Facebook Login
 * (`login: 'facebook'`, graph.facebook.com) set-ups. Options are checked at construction: a missing secret
 * throws `CONFIG`.
 *
 * @example
 * import { createGateway, memoryStore } from '@loket/core';
 * import { instagram } from '@loket/instagram';
 *
 * const gateway = createGateway({
 *   channels: [instagram({
 *     appSecret: process.env.INSTAGRAM_APP_SECRET!,
 *     verifyToken: process.env.INSTAGRAM_VERIFY_TOKEN!,
 *     accessToken: process.env.INSTAGRAM_ACCESS_TOKEN!,
 *   })],
 *   store: memoryStore(),
 * });
 */
export function instagram(input: InstagramOptions = {}): InstagramAdapter {
  const options = parseInstagramOptions(input);
  const adapter = createMessagingAdapter(options, {
    channel: 'instagram',
    capabilities: instagramCapabilities({ genericTemplate: options.genericTemplate }),
    errors: INSTAGRAM_ERRORS,
    // Documented as `instagram`; Facebook-Login set-ups are described with the Page object too (PLATFORM_RULES 3.3).
    objects: ['instagram', 'page'],
    defaultBaseUrl: INSTAGRAM_HOSTS[options.login],
    messagingType: 'tagged',
    genericTemplate: options.genericTemplate,
    account: options.accountId,
    accountOption: 'accountId',
  });
  // The Instagram thread-control path on the account id is not confirmed for Instagram-Login set-ups [U]: a
  // refusal only shows in gateway.handoff's result, the controller switches all the same.
  const threadControl = createThreadControl(adapter.graph, 'instagram');
  return { ...adapter, channel: 'instagram', threadControl, handover: threadControlHandover(threadControl) };
}
