import type { ConversationRef, EventOf, InboundEvent } from '@loket/core';
import { stableHash } from '@loket/meta';
import type { WhatsAppContact } from './whatsapp-webhook-schema.js';

/** What every item of one `change.value` shares. */
export interface ParseContext {
  /** `value.metadata.phone_number_id` (or the WABA id for account-level fields). */
  account: string;
  contacts: WhatsAppContact[];
}

/** The fields every event has, before its type. */
export type EventBase = Pick<InboundEvent, 'id' | 'channel' | 'conversation' | 'timestamp' | 'raw'>;

/** A placeholder for "the platform gave no time"; {@link fillMissingTimes} replaces it. */
export const NO_TIME = Number.NaN;

/** WhatsApp sends unix seconds (a string in messages/statuses, a number elsewhere); events carry ms. */
export function toMs(seconds: string | number | undefined): number {
  const n = typeof seconds === 'string' && seconds.trim() !== '' ? Number(seconds) : seconds;
  return typeof n === 'number' && Number.isFinite(n) ? n * 1000 : NO_TIME;
}

/** Builds the common event fields. `user` is `*` for account-level events. */
export function eventBase(id: string, ctx: ParseContext, user: string, timestamp: number, raw: unknown): EventBase {
  const conversation: ConversationRef = { channel: 'whatsapp', account: ctx.account, user };
  return { id, channel: 'whatsapp', conversation, timestamp, raw };
}

/** An `unsupported` event; an item without an id of its own gets a hash of its fragment. */
export function unsupportedEvent(
  reason: string,
  ctx: ParseContext,
  raw: unknown,
  options: { id?: string; user?: string; timestamp?: number } = {},
): EventOf<'unsupported'> {
  const id = options.id ?? `${reason.split(':')[0]}:${stableHash({ account: ctx.account, raw })}`;
  return { ...eventBase(id, ctx, options.user ?? '*', options.timestamp ?? NO_TIME, raw), type: 'unsupported', reason };
}

/**
 * Gives events without a platform time one that is still a pure function of the request: the WABA entry's
 * `time`, else the latest time of another event in the same request, else 0 ("unknown").
 */
export function fillMissingTimes(events: InboundEvent[], fallback: number): InboundEvent[] {
  const known = events.map((e) => e.timestamp).filter((t) => !Number.isNaN(t));
  const latest = Number.isNaN(fallback) ? (known.length > 0 ? Math.max(...known) : 0) : fallback;
  return events.map((e) => (Number.isNaN(e.timestamp) ? { ...e, timestamp: latest } : e));
}

/** Drops keys whose value is undefined, so events compare equal to hand-written fixtures. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
