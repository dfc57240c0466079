import type { ServerFrameOf } from '../protocol-frames.js';
import type { Content, ConversationRef } from '@loket/core';

/** The version segment of every route: `<server>/webchat/v1/...`. */
export const PROTOCOL_PATH = '/webchat/v1';
/** The WebSocket subprotocol offered beside the credential. */
export const WS_SUBPROTOCOL = 'loket.webchat.v1';

/** Who wrote a message. */
export interface Author {
  kind: 'customer' | 'agent' | 'bot' | 'system';
  id?: string;
}

/** One durable event of the conversation log, as `GET events` and the streams carry it. */
export interface LogEvent {
  seq: number;
  kind: 'message' | 'receipt' | 'conversation' | 'availability' | (string & {});
  at: number;
  data: Record<string, unknown>;
}

/** `data` of a `message` event. */
export interface MessageData {
  messageId: string;
  author: Author;
  content: Content;
  clientMessageId?: string;
  /** The current reactions, one emoji per side. */
  reactions?: { customer?: string; business?: string };
  /** Set on a "message updated" event: the seq of the entry it supersedes (the message keeps its place). */
  update?: { of: number; reason: string };
}

/** The answer of `POST session`. */
export interface SessionAnswer {
  credential: string;
  contactId: string;
  conversation: ConversationRef;
  head: number;
}

/** A frame the server sends over the WebSocket or as one SSE `data:` line. */
export type ServerFrame = ServerFrameOf<LogEvent>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks one log event from the network; undefined when it is not one. */
export function parseLogEvent(v: unknown): LogEvent | undefined {
  if (!isObject(v) || !isSeq(v.seq) || typeof v.kind !== 'string') return undefined;
  const data = isObject(v.data) ? v.data : {};
  return { seq: v.seq, kind: v.kind, at: typeof v.at === 'number' ? v.at : Date.now(), data };
}

/** Checks the `data` of a `message` event; undefined when it lacks an id, an author or a content type. */
export function parseMessageData(data: Record<string, unknown>): MessageData | undefined {
  const { messageId, author, content, clientMessageId, reactions, update } = data;
  if (typeof messageId !== 'string' || !isObject(author) || typeof author.kind !== 'string') return undefined;
  if (!isObject(content) || typeof content.type !== 'string') return undefined;
  return {
    messageId,
    author: { kind: author.kind as Author['kind'], ...(typeof author.id === 'string' ? { id: author.id } : {}) },
    // Only `type` is checked here: the widget shows a kind it does not know as its text or `[type]`.
    content: content as unknown as Content,
    ...(typeof clientMessageId === 'string' ? { clientMessageId } : {}),
    ...(isObject(reactions) ? { reactions: pickReactions(reactions) } : {}),
    ...(isObject(update) && isSeq(update.of) ? { update: { of: update.of, reason: String(update.reason) } } : {}),
  };
}

function pickReactions(v: Record<string, unknown>): { customer?: string; business?: string } {
  return {
    ...(typeof v.customer === 'string' ? { customer: v.customer } : {}),
    ...(typeof v.business === 'string' ? { business: v.business } : {}),
  };
}

/** Parses one frame's JSON text; undefined for anything this client does not understand. */
export function parseFrame(text: string): ServerFrame | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(v)) return undefined;
  switch (v.t) {
    case 'event': {
      const e = parseLogEvent(v.e);
      return e ? { t: 'event', e } : undefined;
    }
    case 'ready':
    case 'reset':
      return isSeq(v.head) ? { t: v.t, head: v.head } : undefined;
    case 'typing':
      return { t: 'typing', on: v.on === true };
    case 'hb':
      return { t: 'hb' };
    default:
      return undefined;
  }
}

/** Checks the answer of `POST session`. */
export function parseSession(v: unknown): SessionAnswer | undefined {
  if (!isObject(v) || typeof v.credential !== 'string' || !v.credential) return undefined;
  if (!isObject(v.conversation)) return undefined;
  return {
    credential: v.credential,
    contactId: typeof v.contactId === 'string' ? v.contactId : '',
    conversation: v.conversation as unknown as ConversationRef,
    head: isSeq(v.head) ? v.head : 0,
  };
}

/** Checks the answer of `GET events`. */
export function parseEventsPage(v: unknown): { events: LogEvent[]; head: number } | undefined {
  if (!isObject(v) || !Array.isArray(v.events)) return undefined;
  const events = v.events.map(parseLogEvent).filter((e): e is LogEvent => e !== undefined);
  return { events, head: isSeq(v.head) ? v.head : 0 };
}
