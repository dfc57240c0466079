// The public surface of @loket/core, named one by one: anything not listed here is internal.
// exports.test.ts compares this list with exports.snapshot.txt, so a new export is a deliberate change.
export {
  type Capabilities,
  capabilitiesSchema,
  type MediaLimit,
  type Pacing,
  type WindowRule,
} from './model/capabilities.js';
export { contentSchema, templateContentSchema } from './model/content-schema.js';
export type {
  AudioContent,
  Button,
  ButtonsContent,
  Card,
  CardsContent,
  ChoiceContent,
  ContactCard,
  ContactEmail,
  ContactPhone,
  ContactsContent,
  Content,
  ContentOf,
  ContentType,
  FileContent,
  ImageContent,
  ListContent,
  ListRow,
  ListSection,
  LocationContent,
  Media,
  MediaContent,
  MediaKind,
  OrderContent,
  OrderItem,
  ReactionContent,
  ReadContent,
  ReplyButton,
  StickerContent,
  TemplateContent,
  TemplateParameter,
  TemplateParameters,
  TextContent,
  TypingContent,
  UrlButton,
  VideoContent,
} from './model/content.js';
export { type ChannelId, conversationKey, type ConversationRef, conversationRefSchema } from './model/conversation.js';
export { inboundEventSchema } from './model/event-schema.js';
export type {
  ConsentEvent,
  EchoEvent,
  EventBase,
  EventOf,
  EventSender,
  HandoverEvent,
  InboundEvent,
  InboundEventType,
  MessageEvent,
  ReactionEvent,
  ReadEvent,
  Referral,
  ReferralEvent,
  SendStatus,
  StatusError,
  StatusEvent,
  TypingEvent,
  UnsupportedEvent,
} from './model/events.js';
export {
  type ContentInput,
  type OutboundAuthor,
  type OutboundInput,
  type OutboundMessage,
  outboundMessageSchema,
  type SendOptions,
  type SendReceipt,
  sendReceiptSchema,
  toContent,
  toOutboundMessage,
} from './model/outbound.js';
export type { AdapterRuntime, ChannelAdapter, WebhookReply, WebhookRequest } from './adapter.js';
export {
  LOKET_ERROR_CODES,
  LoketError,
  type LoketErrorCode,
  type LoketErrorOptions,
  loketMessage,
  toLoketError,
} from './errors.js';
export { type Logger, safeLogger, silentLogger, stderrLogger } from './logger.js';
export { declareSecrets, scrubSecrets, type SecretSet } from './secrets.js';
export type {
  AdapterRoutes,
  RouteInfo,
  SocketConnection,
  SocketDecision,
  SocketRoute,
} from './gateway/adapter-routes.js';
export { createGateway } from './gateway/create-gateway.js';
export type {
  EventHandler,
  Gateway,
  GatewayOptions,
  HandlerContext,
  HandlerOptions,
  HandlerType,
  NodeHandler,
  ReplyOptions,
} from './gateway/gateway-types.js';
export type { GatewayHealth } from './gateway/health.js';
export type { GatewayListener, GatewaySignal, GatewaySignalType, WebhookRefusal } from './gateway/observe.js';
export {
  instrumentOpenTelemetry,
  type ObservableGateway,
  type OpenTelemetryApi,
  type OpenTelemetryOptions,
} from './gateway/open-telemetry.js';
export type {
  BroadcastOptions,
  BroadcastReport,
  OutboxCounts,
  OutboxHandle,
  OutboxJobReport,
  OutboxJobState,
  OutboxListener,
  OutboxProgress,
  OutboxSettings,
} from './outbox/outbox-types.js';
export type { RetrySettings, WorkerSettings } from './inbox/worker-types.js';
export { decodeLogCursor, encodeLogCursor, type LogCursor } from './store/log-cursor.js';
export { memoryPubSub } from './store/memory-pubsub.js';
export { memoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export { personMatch, type PersonMatch } from './store/person-match.js';
export { gcraStep } from './store/rate-gcra.js';
export type {
  Author,
  AuthorKind,
  ContactStore,
  ControllerState,
  EraseCounts,
  EventLogStore,
  KeyValueStore,
  LogAppend,
  LogAppendResult,
  LogConversation,
  LogConversationPage,
  LogEntry,
  LogReadOptions,
  PersonRecords,
  PersonTarget,
  PrivacyStore,
  PubSub,
  RateStore,
} from './store/record-store.js';
export {
  type ConsentRecord,
  type ConversationState,
  type ConversationStore,
  type DeadLetter,
  type DedupeStore,
  type InboxEntry,
  type InboxStore,
  type LeasedItem,
  type LeasedJob,
  type LockStore,
  type MessageStore,
  type OutboxEntry,
  type OutboxJobRecord,
  type OutboxJobStatus,
  type OutboxStore,
  type PendingChoices,
  STATUS_RANK,
  type Store,
  type StoredRequest,
} from './store/store.js';
export { STORE_WORK_TOPIC } from './store/work-topic.js';
export type { ConsentApi } from './policy/consent.js';
export { DEFAULT_STOP_WORDS } from './policy/stop-words.js';
export { type CustomerServiceWindow, customerServiceWindow } from './policy/window-check.js';
export { refuseUndeclared } from './content/declared-content.js';
export { fitContent, type FitOptions, type FitResult } from './content/fit-content.js';
export { splitText } from './content/measure.js';
export {
  createTransport,
  type Transport,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from './transport/transport.js';
export type { AutoReplyOptions } from './hours/auto-reply.js';
export { businessHours, type BusinessHours, type BusinessHoursOptions, type Weekday } from './hours/business-hours.js';
export type { ContactsApi } from './record/contacts-api.js';
export type { HandoffOptions, HandoffResult } from './record/handoff.js';
export type { ConversationListOptions, ConversationsApi, HistoryOptions } from './record/history.js';
export type { EraseResult, ExportedRequest, PersonRef, PrivacyApi, PrivacyExport } from './record/privacy-api.js';
export {
  type AutoReplyEntryData,
  type ConsentEntryData,
  type Controller,
  type HandoverEntryData,
  type HistoryEntry,
  isEntryOf,
  type MessageEntryData,
  type ReactionEntryData,
  type RecordEntry,
  type RecordEntryDataByKind,
  type RecordEntryKind,
  type StatusEntryData,
} from './record/record-entries.js';
export type { RetentionOptions } from './record/retention.js';
export type { SendAuthor } from './record/send-author.js';
export type { SlaApi } from './record/sla-api.js';
export { businessSeconds, calendarSeconds, deadlineAfter } from './record/sla-duration.js';
export {
  type SlaChannelReport,
  type SlaFigures,
  slaReport,
  type SlaReport,
  type SlaReportOptions,
  type SlaTarget,
} from './record/sla-report.js';
export { firstResponses, replyTimes, type SlaEntry, type Wait, type WaitOptions, waits } from './record/sla-waits.js';
export type { SlaBreach, SlaListener, SlaWatchOptions } from './record/sla-watch.js';
export {
  baseUrlSchema,
  functionOption,
  loggerOptionSchema,
  type OptionsOwner,
  parseAdapterOptions,
  parseOptions,
  passHint,
  secretSchema,
  unknownOptionError,
} from './options/adapter-options.js';
export {
  type EnvNames,
  type EnvOptional,
  type EnvSource,
  type EnvVariable,
  envNames,
  envVariable,
  envVariableName,
  processEnv,
  withEnvOptions,
} from './options/env-options.js';
export { eventId, fragmentHash } from './options/stable-id.js';
export { closestName, didYouMean, unknownOption } from './options/unknown-options.js';
export { BODY_ALREADY_READ, type BodyReader } from './gateway/body-already-read.js';
export { formatOpening } from './hours/format-opening.js';
export { bytesEqual, type HmacAlgorithm, hmacDigest, sameSecret } from './signature/hmac.js';
export {
  type DigestEncoding,
  describeHeaderValue,
  type ReadSignature,
  readSignatureHeader,
  type SignatureFormat,
} from './signature/signature-header.js';
