// The public surface of @loket/meta (what WhatsApp, Messenger and Instagram share), named one by one.
export { graphErrorDetails, type GraphErrorEnvelope } from './graph-error-envelope.js';
export { genericGraphRule, type GraphErrorRule, type GraphErrorTable, httpStatusRule } from './graph-error-rules.js';
export { classifyGraphError, type GraphErrorResponse, graphPlatformCode, mapGraphError } from './graph-error.js';
export { graphMediaError } from './graph-media-error.js';
export { expectGraphResponse } from './graph-response.js';
export { graphRetryAfterMs } from './graph-retry-after.js';
export { type SendingAccountOptions, sendingAccount } from './graph-sending-account.js';
export { createGraphTransport, type GraphTransportOptions } from './graph-transport.js';
export {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_GRAPH_VERSION,
  GRAPH_VERSION_PATTERN,
  graphBaseUrl,
  type GraphUrlOptions,
} from './graph-url.js';
export { createMessagingAdapter, type MessagingAdapter, type MessagingProduct } from './messaging-adapter.js';
export { attachmentContent, type AttachmentResult } from './messaging-attachments.js';
export { MESSAGING_FEATURES, messagingWindow } from './messaging-capabilities.js';
export { MESSAGING_ERRORS, MESSAGING_OUTSIDE_WINDOW } from './messaging-errors.js';
export { type MessagingOptions, messagingOptionsShape, type MessagingTransportOptions } from './messaging-options.js';
export { type MessagingBodyOptions, toMessagingBody } from './messaging-send-body.js';
export { type MessagingSendDeps, sendMessagingMessage } from './messaging-send.js';
export {
  createThreadControl,
  PAGE_INBOX_APP_ID,
  type ThreadControl,
  threadControlHandover,
} from './messaging-thread-control.js';
export { type AttachmentUpload, uploadMessagingAttachment } from './messaging-upload.js';
export { type MessagingWebhookOptions, parseMessagingWebhook } from './messaging-parse.js';
export type {
  MessagingAttachment,
  MessagingItem,
  MessagingMessage,
  MessagingReferral,
} from './messaging-webhook-schema.js';
export { createMetaAdapterBase, type MetaAdapterBase, type MetaAdapterOptions } from './meta-adapter-base.js';
export { metaHandshake } from './meta-handshake.js';
export {
  type FactoryName,
  type MetaOptions,
  metaEnvNames,
  metaOptionsSchema,
  metaOptionsShape,
  parseMetaOptions,
} from './meta-options.js';
export { META_SIGNATURE_HEADER, verifyMetaSignature } from './meta-signature.js';
export { readMetaWebhookJson } from './meta-webhook-json.js';
export { canonicalJson, stableHash, stableId } from './stable-id.js';
