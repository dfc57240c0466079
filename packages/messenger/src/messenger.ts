import type { InboundEvent } from '@loket/core';
import {
  createMessagingAdapter,
  createThreadControl,
  DEFAULT_GRAPH_BASE_URL,
  type MessagingAdapter,
  type ThreadControl,
  threadControlHandover,
} from '@loket/meta';
import { messengerCapabilities } from './messenger-capabilities.js';
import { MESSENGER_ERRORS } from './messenger-errors.js';
import { type MessengerOptions, parseMessengerOptions } from './messenger-options.js';

/** Who sent an echoed message: this app, Meta's Page inbox (a person), or another app on the Page. */
export type EchoSource = 'self' | 'page_inbox' | 'other_app';

/** The Messenger adapter: a ChannelAdapter plus attachment upload, the handover protocol and echo origins. */
export interface MessengerAdapter extends MessagingAdapter {
  readonly channel: 'messenger';
  /** Pass, take and request thread control: hand a conversation to a human agent app and take it back. */
  readonly threadControl: ThreadControl;
  /** `gateway.handoff` through thread control: to a human passes the thread to the Page inbox, to the bot takes it. */
  handover: NonNullable<MessagingAdapter['handover']>;
  /** For an `echo` event: who sent it, told by the echo's `app_id` (undefined for other events). */
  echoSource(event: InboundEvent): EchoSource | undefined;
}

function appIdOf(raw: unknown): string | undefined {
  const appId = (raw as { message?: { app_id?: unknown } } | null)?.message?.app_id;
  return appId === undefined || appId === null ? undefined : String(appId);
}

/**
 * The Facebook Messenger Platform adapter (Send API, webhooks, handover protocol). Options are checked at
 * construction: a missing secret throws `CONFIG`.
 *
 * @example
 * import { createGateway, memoryStore } from '@loket/core';
 * import { messenger } from '@loket/messenger';
 *
 * const gateway = createGateway({
 *   channels: [messenger({
 *     appSecret: process.env.MESSENGER_APP_SECRET!, // or messenger(): it reads MESSENGER_* itself
 *     verifyToken: process.env.MESSENGER_VERIFY_TOKEN!,
 *     accessToken: process.env.MESSENGER_ACCESS_TOKEN!,
 *   })],
 *   store: memoryStore(),
 * });
 */
export function messenger(input: MessengerOptions = {}): MessengerAdapter {
  const options = parseMessengerOptions(input);
  const adapter = createMessagingAdapter(options, {
    channel: 'messenger',
    capabilities: messengerCapabilities,
    errors: MESSENGER_ERRORS,
    objects: ['page'],
    defaultBaseUrl: DEFAULT_GRAPH_BASE_URL,
    messagingType: 'always',
    genericTemplate: true,
    account: options.pageId,
    accountOption: 'pageId',
  });
  const threadControl = createThreadControl(adapter.graph, 'messenger');
  return {
    ...adapter,
    channel: 'messenger',
    threadControl,
    handover: threadControlHandover(threadControl),
    echoSource(event) {
      if (event.type !== 'echo') return undefined;
      const appId = appIdOf(event.raw);
      if (appId !== undefined && appId === options.appId) return 'self';
      return appId !== undefined && options.pageInboxAppIds.includes(appId) ? 'page_inbox' : 'other_app';
    },
  };
}
