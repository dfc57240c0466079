import { randomBytes } from 'node:crypto';
import type { Author, Content, ConversationRef, LogAppendResult, LogEntry } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { toWire } from './webchat-frames.js';

/** The `data` of a `message` entry: the same shape the record uses on every channel. */
export interface MessageData {
  messageId: string;
  author: Author;
  content: Content;
  clientMessageId?: string;
  replyTo?: string;
  /** The current reactions, one per side (set by a `reaction` from the customer or the business). */
  reactions?: Partial<Record<'customer' | 'business', string>>;
  /** Present on a "message updated" entry: the seq it supersedes and why. */
  update?: { of: number; reason: 'reaction' };
}

/** The log's entry kinds on the web chat. */
export type WebchatEntryKind = 'message' | 'receipt' | 'conversation' | 'availability';

/** A new message id. */
export function newMessageId(): string {
  return `wcm_${randomBytes(12).toString('base64url')}`;
}

/** Sends a new entry to every open stream of the conversation (on every process). */
export async function fanOut(ctx: WebchatContext, ref: ConversationRef, entry: LogEntry): Promise<void> {
  await ctx.hub.publish(ref, { t: 'event', e: toWire(entry) });
}

/**
 * Appends a message (idempotent by `clientMessageId`: a known id stores nothing and answers the stored entry) and
 * fans it out when it is new.
 */
export async function appendMessage(
  ctx: WebchatContext,
  ref: ConversationRef,
  message: Omit<MessageData, 'messageId'> & { messageId?: string; at?: number },
): Promise<LogAppendResult> {
  const { at, messageId, ...rest } = message;
  const data: MessageData = { messageId: messageId ?? newMessageId(), ...rest };
  const result = await ctx.runtime.store.log.append(ref, {
    at: at ?? ctx.runtime.now(),
    kind: 'message',
    data,
    ...(message.clientMessageId === undefined ? {} : { key: message.clientMessageId }),
  });
  if (result.created) await fanOut(ctx, ref, result.entry);
  return result;
}

/** Appends an entry of another kind (once per `key`, when given) and fans it out when new. */
export async function appendEntry(
  ctx: WebchatContext,
  ref: ConversationRef,
  kind: Exclude<WebchatEntryKind, 'message'>,
  data: Record<string, unknown>,
  key?: string,
): Promise<LogEntry> {
  const input = { at: ctx.runtime.now(), kind, data, ...(key === undefined ? {} : { key }) };
  const { entry, created } = await ctx.runtime.store.log.append(ref, input);
  if (created) await fanOut(ctx, ref, entry);
  return entry;
}

/** The message data of an entry, when it is a message. */
export function messageOf(entry: LogEntry): MessageData | undefined {
  return entry.kind === 'message' ? (entry.data as MessageData) : undefined;
}
