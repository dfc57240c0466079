import type { ConversationRef, LogEntry } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { fanOut, type MessageData, messageOf } from './webchat-log.js';

// How far back a receipt or a reaction looks for the message it names.
const LOOKBACK = 200;

/** Who reacted: the customer, or anyone on the business side (agent or bot). */
export type ReactionSide = 'customer' | 'business';

/** A message found in the log: its newest entry (the last update, or the message itself) and its first seq. */
export interface FoundMessage {
  entry: LogEntry;
  data: MessageData;
  firstSeq: number;
}

/** Finds a message by id among the conversation's last 200 log entries. */
export async function findMessage(
  ctx: WebchatContext,
  ref: ConversationRef,
  messageId: string,
): Promise<FoundMessage | undefined> {
  const log = ctx.runtime.store.log;
  const head = await log.head(ref);
  const mine = (await log.read(ref, { before: head + 1, limit: LOOKBACK })).filter(
    (entry) => messageOf(entry)?.messageId === messageId,
  );
  const first = mine[0];
  const entry = mine.at(-1);
  if (!first || !entry) return undefined;
  return { entry, data: entry.data as MessageData, firstSeq: first.seq };
}

/**
 * Appends a "message updated" entry: a `message` entry under the same `messageId` carrying the whole message as it
 * now is (a client that replaces by id renders it; one that does not shows it again, never loses it), with
 * `update: { of, reason }` naming the seq it supersedes. A reaction sets (or, with `null`, clears) one side's emoji.
 * Once per `key`, when given. Undefined when the message is not among the last 200 entries.
 */
export async function appendReaction(
  ctx: WebchatContext,
  ref: ConversationRef,
  reaction: { messageId: string; emoji: string | null; by: ReactionSide },
  key?: string,
): Promise<LogEntry | undefined> {
  const found = await findMessage(ctx, ref, reaction.messageId);
  if (!found) return undefined;
  const { clientMessageId: _retryKey, update: _previous, reactions: old, ...message } = found.data;
  const reactions: Partial<Record<ReactionSide, string>> = { ...old };
  if (reaction.emoji) reactions[reaction.by] = reaction.emoji;
  else delete reactions[reaction.by];
  const data: MessageData = {
    ...message,
    ...(Object.keys(reactions).length > 0 ? { reactions } : {}),
    update: { of: found.entry.seq, reason: 'reaction' },
  };
  const input = { at: ctx.runtime.now(), kind: 'message', data, ...(key === undefined ? {} : { key }) };
  const { entry, created } = await ctx.runtime.store.log.append(ref, input);
  if (created) await fanOut(ctx, ref, entry);
  return entry;
}
