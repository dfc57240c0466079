import { type AdapterRuntime, type ConversationRef, isEntryOf } from '@loket/core';

const DAY = 24 * 3_600_000;
// Entries other than messages (statuses, reactions, consent) sit between a DM and its replies: read past them.
const LOOKBACK = 20;

/**
 * Whether a send to `ref` at `at` is one of X's free replies: within 24 h of the customer's last DM, and fewer than
 * `freeReplies` messages sent since (each new DM from the customer resets both). Read from the gateway's record:
 * `message` entries, the customer's by their author, every other author's (agents, bots, auto-replies, echoes of
 * sends made elsewhere) counted as sent.
 *
 * @example
 * if (await isFreeReply(ref, 5, runtime, Date.now())) return;
 */
export async function isFreeReply(
  ref: ConversationRef,
  freeReplies: number,
  runtime: AdapterRuntime,
  at: number,
): Promise<boolean> {
  if (freeReplies === 0) return false;
  const log = runtime.store.log;
  const head = await log.head(ref);
  if (head === 0) return false;
  const recent = await log.read(ref, { before: head + 1, limit: freeReplies + LOOKBACK });
  let sent = 0;
  for (let i = recent.length - 1; i >= 0; i--) {
    const entry = recent[i];
    if (!entry || !isEntryOf(entry, 'message')) continue;
    if (entry.data.author?.kind !== 'customer') sent++;
    else return at - entry.at < DAY && sent < freeReplies;
  }
  return false;
}
