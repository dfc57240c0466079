import { eventId, fragmentHash, type InboundEvent } from '@loket/core';
import { z } from 'zod';

/** What every item of one delivery shares: the subscribed account it is for, and the names X sent along. */
export interface XParseContext {
  /** The subscribed X user id (`for_user_id` / `filter.user_id`); `*` when the delivery names none. */
  account: string;
  /** Display names by user id, from `users` (both shapes) and `includes.users`. */
  names: ReadonlyMap<string, string>;
}

const userSchema = z.looseObject({ id: z.string().optional(), name: z.string().optional() });

/** Reads `users` maps: AAA's `{ "<id>": { name } }` and XAA's `{ "<id>": { data: { name } } }`, or v2 arrays. */
export function namesOf(...sources: unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = (key: string | undefined, value: unknown) => {
    const wrapped = z.looseObject({ data: userSchema }).safeParse(value);
    const user = wrapped.success ? wrapped.data.data : userSchema.safeParse(value).data;
    const id = user?.id ?? key;
    if (id && user?.name) names.set(id, user.name);
  };
  for (const source of sources) {
    if (Array.isArray(source)) for (const user of source) add(undefined, user);
    else if (typeof source === 'object' && source !== null) {
      for (const [key, value] of Object.entries(source)) add(key, value);
    }
  }
  return names;
}

/** `{ id, name? }` of a participant. */
export function participant(ctx: XParseContext, id: string): { id: string; name?: string } {
  const name = ctx.names.get(id);
  return name ? { id, name } : { id };
}

/** The conversation of `account` with `user` (the other participant). */
export function conversationOf(account: string, user: string) {
  return { channel: 'twitter-dm' as const, account, user: user || '*' };
}

/** Milliseconds from X's `created_timestamp` (ms as a string) or an ISO `created_at`; 0 when neither reads. */
export function timeOf(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return 0;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : at;
}

/** An `unsupported` event for anything not modelled; its id is a hash of the fragment unless one is given. */
export function xUnsupported(
  reason: string,
  ctx: XParseContext,
  raw: unknown,
  options: { id?: string; user?: string; timestamp?: number } = {},
): InboundEvent {
  return {
    id: options.id ?? eventId('unsupported', ctx.account, fragmentHash(raw)),
    type: 'unsupported',
    channel: 'twitter-dm',
    conversation: conversationOf(ctx.account, options.user ?? '*'),
    timestamp: options.timestamp ?? 0,
    raw,
    reason,
  };
}
