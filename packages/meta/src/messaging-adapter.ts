import { type Capabilities, type ChannelAdapter, type ChannelId, refuseUndeclared, type Transport } from '@loket/core';
import type { GraphErrorTable } from './graph-error-rules.js';
import { createMetaAdapterBase } from './meta-adapter-base.js';
import type { MessagingOptions } from './messaging-options.js';
import type { MessagingBodyOptions } from './messaging-send-body.js';
import { sendMessagingMessage } from './messaging-send.js';
import { type AttachmentUpload, uploadMessagingAttachment } from './messaging-upload.js';
import { parseMessagingWebhook } from './messaging-parse.js';

/** What makes a Messenger Platform product different from another (Messenger, Instagram). */
export interface MessagingProduct extends Omit<MessagingBodyOptions, 'channel'> {
  channel: ChannelId;
  capabilities: Capabilities;
  errors: GraphErrorTable;
  /** `object` values of its webhooks. */
  objects: readonly string[];
  /** Where its Graph API lives when `apiBaseUrl` is not given. */
  defaultBaseUrl: string;
  /** The account to send from when `to.account` is `*`, and the option that set it. */
  account?: string;
  accountOption: string;
}

/** A Messenger Platform adapter: the ChannelAdapter, attachment upload, and its Graph transport for helpers. */
export interface MessagingAdapter extends ChannelAdapter {
  /** Uploads a file for sending from `account`; answers the reusable attachment id (90 days). */
  uploadAttachment(account: string, input: AttachmentUpload): Promise<string>;
  /** @internal The adapter's Graph transport, for product helpers (thread control). */
  readonly graph: Transport;
}

/**
 * Builds a Messenger Platform adapter from checked options and a product description: handshake, signature over
 * the raw bytes, the `messaging[]` / `standby[]` parser, the Send API and attachment upload. Messenger and
 * Instagram are this plus their own capabilities, error table and defaults.
 *
 * @example
 * const adapter = createMessagingAdapter(options, { channel: 'messenger', capabilities, errors, objects: ['page'],
 *   defaultBaseUrl: 'https://graph.facebook.com', messagingType: 'always', genericTemplate: true, accountOption: 'pageId' });
 */
export function createMessagingAdapter(options: MessagingOptions, product: MessagingProduct): MessagingAdapter {
  const { channel } = product;
  const { graph, logger, handshake, verify } = createMetaAdapterBase(options, product);
  const deps = { ...product, graph, now: options.now ?? Date.now };
  return {
    channel,
    capabilities: product.capabilities,
    graph,
    handshake,
    verify,
    parse: (req) => parseMessagingWebhook(req.body, { channel, objects: product.objects, logger }),
    async send(message) {
      refuseUndeclared(message, product.capabilities, channel);
      return sendMessagingMessage(message, deps);
    },
    uploadAttachment: (account, input) => uploadMessagingAttachment(graph, channel, account, input),
  };
}
