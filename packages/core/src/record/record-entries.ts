import type { Content } from '../model/content.js';
import type { ConversationRef } from '../model/conversation.js';
import type { SendStatus } from '../model/events.js';
import type { Author, LogEntry } from '../store/record-store.js';

/** Who answers a conversation. */
export type Controller = 'bot' | 'human';

/**
 * `kind: 'message'`: a message in or out, with its author. The web chat writes the same shape (`clientMessageId`
 * is its idempotency key), so one reader serves every channel.
 */
export interface MessageEntryData {
  messageId: string;
  author: Author;
  content: Content;
  clientMessageId?: string;
  /** The platform id of the message this one quotes. */
  replyTo?: string;
  /** Sent by the business from elsewhere (the platform's own inbox), seen as an echo. */
  echo?: boolean;
  /** A numbered answer mapped to a choice, an edit, a forward: the event's `meta`. */
  meta?: Record<string, unknown>;
}

/** `kind: 'status'`: how far a sent message got (only steps forward are kept). */
export interface StatusEntryData {
  messageId: string;
  status: SendStatus;
  error?: { code: string; message: string; platformCode: string | number };
}

/** `kind: 'reaction'`: an emoji put on (or, with `null`, taken off) a message. */
export interface ReactionEntryData {
  messageId: string;
  emoji: string | null;
  author: Author;
}

/** `kind: 'consent'`: an opt-in or opt-out for a topic (`'*'`: every topic). */
export interface ConsentEntryData {
  status: 'granted' | 'revoked';
  topic: string;
  /** `'api'`, `'stop-word'`, `'platform'`, or the caller's own source. */
  source: string;
}

/** `kind: 'handover'`: who answers the conversation changed (or was confirmed). */
export interface HandoverEntryData {
  from: Controller;
  to: Controller;
  reason?: string;
  /** `'api'` for `gateway.handoff`, `'platform'` for the platform's own handover event. */
  source: 'api' | 'platform';
  /** The platform's action (`pass`, `take`) for a platform handover. */
  action?: string;
  /** The platform refused the thread-control call; the controller switched all the same. */
  platformError?: { code: string; message: string };
}

/** `kind: 'auto-reply'`: the business-hours answer went out (its text is the `message` entry of the same id). */
export interface AutoReplyEntryData {
  messageId: string;
  /** The closed period it answered. */
  period: string;
}

/** The kinds of entry the record writes, with their data. */
export interface RecordEntryDataByKind {
  message: MessageEntryData;
  status: StatusEntryData;
  reaction: ReactionEntryData;
  consent: ConsentEntryData;
  handover: HandoverEntryData;
  'auto-reply': AutoReplyEntryData;
}

/** A kind of entry the record writes. */
export type RecordEntryKind = keyof RecordEntryDataByKind;

/** A log entry of one of the record's kinds. */
export type RecordEntry = {
  [K in RecordEntryKind]: Omit<LogEntry, 'kind' | 'data'> & { kind: K; data: RecordEntryDataByKind[K] };
}[RecordEntryKind];

/**
 * One entry of `gateway.history`: a log entry and the conversation it belongs to. Other kinds (the web chat's
 * `receipt`, `conversation`, `availability`) come through as they are stored.
 */
export type HistoryEntry = (RecordEntry | LogEntry) & { conversation: ConversationRef };

/** Narrows an entry to one of the record's kinds. */
export function isEntryOf<K extends RecordEntryKind>(
  entry: Pick<LogEntry, 'kind' | 'data'>,
  kind: K,
): entry is Pick<LogEntry, 'kind'> & { kind: K; data: RecordEntryDataByKind[K] } {
  return entry.kind === kind && typeof entry.data === 'object' && entry.data !== null;
}
