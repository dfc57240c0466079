import { eventId, type InboundEvent } from '@loket/core';
import { z } from 'zod';
import { activityEvents } from './twitter-dm-parse-activity.js';
import { namesOf, type XParseContext, xUnsupported } from './twitter-dm-parse-context.js';
import { includedMedia } from './twitter-dm-parse-v2-event.js';

const xaaSchema = z.looseObject({
  event_uuid: z.string().optional(),
  event_type: z.string(),
  filter: z.looseObject({ user_id: z.string().min(1).optional() }).optional(),
  payload: z.unknown(),
  includes: z.unknown().optional(),
});

/** The array key each `dm.*` event type carries its items under, when the payload is a bare item. */
const ITEM_KEY: Record<string, string> = {
  'dm.received': 'direct_message_events',
  'dm.sent': 'direct_message_events',
  'dm.read': 'direct_message_mark_read_events',
  'dm.indicate_typing': 'direct_message_indicate_typing_events',
};
const ARRAY_KEYS = new Set(Object.values(ITEM_KEY));

/** Whether a body is an X Activity API delivery: `{ data: { event_type, … } }`. */
export function isXaaEnvelope(json: Record<string, unknown>): boolean {
  const data = json.data as Record<string, unknown> | null | undefined;
  return typeof data === 'object' && data !== null && typeof data.event_type === 'string';
}

/**
 * An X Activity API delivery (`{ data: { event_uuid, filter: { user_id }, event_type: "dm.received", payload } }`,
 * PLATFORM_RULES 4.4). The account is `filter.user_id`; `payload` carries the AAA-shaped arrays (or one bare
 * item), and `users` entries wrapped in `data`. Other event types (`chat.*` for encrypted chats, profile events)
 * become `unsupported`.
 */
export function parseXaa(json: Record<string, unknown>): InboundEvent[] {
  const parsed = xaaSchema.safeParse(json.data);
  const fallback: XParseContext = { account: '*', names: new Map() };
  if (!parsed.success) return [xUnsupported('invalid:xaa', fallback, json)];
  const { event_type: type, event_uuid: uuid, filter, payload } = parsed.data;
  // `includes` sits inside `data` in X's description; tolerate it beside `data` too.
  const includes = parsed.data.includes ?? json.includes;
  const includesUsers = z.looseObject({ users: z.unknown() }).safeParse(includes).data?.users;
  const payloadObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  const ctx: XParseContext = {
    account: filter?.user_id ?? '*',
    names: namesOf(payloadObject ? (payload as { users?: unknown }).users : undefined, includesUsers),
  };
  const itemKey = ITEM_KEY[type];
  if (!itemKey || !payloadObject) {
    const id = uuid ? eventId('xaa', ctx.account, uuid) : undefined;
    return [xUnsupported(`xaa:${type}`, ctx, json, id ? { id } : {})];
  }
  const activity = payload as Record<string, unknown>;
  const hasArrays = Object.keys(activity).some((key) => ARRAY_KEYS.has(key));
  const { users: _users, ...bare } = activity;
  return activityEvents(hasArrays ? activity : { [itemKey]: bare }, ctx, includedMedia(includes));
}
