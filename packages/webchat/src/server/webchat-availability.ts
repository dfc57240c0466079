import { conversationKey, type ConversationRef } from '@loket/core';
import type { WebchatContext } from './webchat-context.js';
import { appendEntry } from './webchat-log.js';

/** What the widget shows about the business being in: open or closed, when it opens, how soon an answer comes. */
export interface Availability {
  open: boolean;
  /** ms since the epoch; while closed, when it opens next (absent when no opening is in sight). */
  nextOpen?: number;
  /** How long a reply is expected to take, in ms. */
  expectedReplyMs?: number;
}

/** The business's availability now; undefined when the gateway has no business hours. */
export function availabilityNow(ctx: WebchatContext): Availability | undefined {
  const hours = ctx.runtime.hours;
  if (!hours) return undefined;
  const now = ctx.runtime.now();
  if (hours.isOpen(now)) {
    const expected = ctx.options.expectedReplyMs;
    return expected === undefined ? { open: true } : { open: true, expectedReplyMs: expected };
  }
  const next = hours.nextOpen(now);
  return next === undefined ? { open: false } : { open: false, nextOpen: next, expectedReplyMs: next - now };
}

/**
 * Appends an `availability` event when the business opened or closed since the conversation last heard (checked
 * when a session starts, a stream opens or beats, and a message comes in), so the widget can say so.
 */
export async function noteAvailability(ctx: WebchatContext, ref: ConversationRef): Promise<void> {
  const now = availabilityNow(ctx);
  if (!now) return;
  const key = `webchat:availability:${conversationKey(ref)}`;
  const state = now.open ? 'open' : `closed:${now.nextOpen ?? ''}`;
  if ((await ctx.kv.get(key)) === state) return;
  await ctx.kv.set(key, state);
  await appendEntry(ctx, ref, 'availability', { ...now });
}
