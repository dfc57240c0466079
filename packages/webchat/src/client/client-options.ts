import type { ConnectionState, ConnectionTimings, TransportKind } from './connection.js';
import type { LogEvent, SessionAnswer } from './protocol.js';
import type { StorageLike, StorageMode } from './storage.js';
import type { ChatMessage, MessageState } from './transcript.js';
import type { WebSocketConstructor } from './transport.js';
import type { UploadProgress } from './upload.js';

/** A host callback that answers a fresh HS256 JWT for the logged-in customer, or nothing when signed out. */
export type GetToken = () => string | null | undefined | Promise<string | null | undefined>;

/** Options of {@link createWebchatClient}. */
export interface WebchatClientOptions {
  /** The gateway's origin plus its basePath, e.g. `https://shop.example/api` (routes live under `/webchat/v1/`). */
  server: string;
  /** Where the credential and the outbox persist. Default `local`. */
  storage?: StorageMode | StorageLike;
  /** For logged-in customers: called at start and once on a 401, never in a loop. */
  getToken?: GetToken;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Defaults to the global WebSocket; `null` uses SSE only. */
  WebSocket?: WebSocketConstructor | null;
  timings?: ConnectionTimings;
  /** Messages per history page. Default 50. */
  pageSize?: number;
  /** Minimum time between two typing notices. Default 3000 ms. */
  typingIntervalMs?: number;
  /** `true` logs to the console; a function receives the debug lines. */
  debug?: boolean | ((line: string) => void);
}

/** A change in the state of one of the customer's own messages. */
export interface StatusChange {
  key: string;
  clientMessageId?: string;
  messageId?: string;
  seq?: number;
  state: MessageState;
  error?: string;
}

/** The client's events, for {@link WebchatClient.on}. */
export interface WebchatClientEvents extends Record<string, unknown> {
  /** A message to show or update (by `key`). */
  message: ChatMessage;
  /** A message key that is gone (two turned out to be one, or the customer discarded a failed send). */
  remove: string;
  status: StatusChange;
  connection: { state: ConnectionState; transport: TransportKind };
  /** The business side is typing (`true`) or stopped. */
  typing: boolean;
  availability: Record<string, unknown>;
  conversation: Record<string, unknown>;
  /** `signed-out`: the server refused the credential and a fresh token; the client stopped. */
  auth: 'signed-in' | 'signed-out';
  /** Older messages were loaded; `hasMore` says whether there are more. */
  history: { hasMore: boolean };
  /** Messages from the business side that the customer has not read. */
  unread: number;
  upload: { key: string } & UploadProgress;
  session: SessionAnswer;
  /** Every applied log event, in seq order, once. */
  event: LogEvent;
  /** Everything was cleared (`reset()`, or a login moved the customer to another conversation). */
  reset: undefined;
}
