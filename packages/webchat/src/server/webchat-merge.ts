import type { ConversationRef } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { appendEntry, appendMessage, messageOf } from './webchat-log.js';

const PAGE = 500;

/**
 * Moves an anonymous conversation's messages into the verified customer's, in their order, and says so with one
 * `conversation` event on each side. Every step is idempotent (log keys), so a merge cut short by a crash is
 * finished by the next login and never copies a message twice.
 */
export async function mergeConversation(
  ctx: WebchatContext,
  from: ConversationRef,
  to: ConversationRef,
): Promise<number> {
  const log = ctx.runtime.store.log;
  let after = 0;
  let moved = 0;
  for (;;) {
    const page = await log.read(from, { after, limit: PAGE });
    for (const entry of page) {
      const message = messageOf(entry);
      if (!message) continue;
      await appendMessage(ctx, to, {
        ...message,
        at: entry.at,
        clientMessageId: message.clientMessageId ?? `merged:${from.user}:${entry.seq}`,
      });
      moved += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = last.seq;
  }
  await appendEntry(ctx, to, 'conversation', { merged: { from: from.user, messages: moved } }, `merged:${from.user}`);
  await appendEntry(ctx, from, 'conversation', { mergedInto: to.user }, 'merged-into');
  return moved;
}
