import { eventId, type InboundEvent } from '@loket/core';
import { z } from 'zod';
import { conversationOf, timeOf, type XParseContext, xUnsupported } from './twitter-dm-parse-context.js';
import { dmEvents, messageCreateFacts, messageCreateSchema } from './twitter-dm-parse-message.js';
import type { XMedia } from './twitter-dm-parse-media.js';
import { v2DmEventSchema, v2DmFacts } from './twitter-dm-parse-v2-event.js';

const signalSchema = z.looseObject({
  created_timestamp: z.union([z.string(), z.number()]).optional(),
  sender_id: z.string().min(1),
  target: z.looseObject({ recipient_id: z.string().min(1) }).optional(),
  last_read_event_id: z.string().min(1).optional(),
});

const revokeSchema = z.looseObject({
  revoke: z.looseObject({
    date_time: z.string().optional(),
    source: z.looseObject({ user_id: z.string().min(1) }),
  }),
});

/** Keys of an activity object that are context, not events. */
const CONTEXT_KEYS = new Set(['for_user_id', 'users', 'apps', 'user_has_blocked', 'is_blocked_by', 'source']);

/** Typing or read by the customer; the account's own (from another client) is reported as unsupported. */
function signalEvent(kind: 'typing' | 'read', raw: unknown, ctx: XParseContext): InboundEvent {
  const parsed = signalSchema.safeParse(raw);
  if (!parsed.success || (kind === 'read' && !parsed.data.last_read_event_id)) {
    return xUnsupported(`invalid:${kind}`, ctx, raw);
  }
  const { sender_id: sender, created_timestamp, last_read_event_id: upTo } = parsed.data;
  const account = ctx.account === '*' ? (parsed.data.target?.recipient_id ?? '*') : ctx.account;
  const at = timeOf(created_timestamp);
  if (sender === account) {
    const user = parsed.data.target?.recipient_id ?? '*';
    return xUnsupported(`${kind}:own`, { ...ctx, account }, raw, { user, timestamp: at });
  }
  const base = { channel: 'twitter-dm' as const, conversation: conversationOf(account, sender), timestamp: at, raw };
  if (kind === 'typing') return { ...base, id: eventId('typing', account, sender, at), type: 'typing' };
  return { ...base, id: eventId('read', account, sender, upTo), type: 'read', upTo: upTo as string };
}

/** `user_event.revoke`: the user took the app's access away; consent for that account is revoked. */
function userEvent(raw: unknown, ctx: XParseContext): InboundEvent {
  const parsed = revokeSchema.safeParse(raw);
  if (!parsed.success) return xUnsupported('user_event', ctx, raw);
  const { source, date_time } = parsed.data.revoke;
  const at = timeOf(date_time);
  return {
    id: eventId('revoke', source.user_id, date_time),
    type: 'consent',
    consent: 'revoked',
    channel: 'twitter-dm',
    conversation: conversationOf(source.user_id, '*'),
    timestamp: at,
    raw,
  };
}

function dmEvent(raw: unknown, ctx: XParseContext, media: Map<string, XMedia>): InboundEvent[] {
  const v1 = messageCreateSchema.safeParse(raw);
  if (v1.success) return dmEvents(messageCreateFacts(v1.data), ctx, raw);
  const v2 = v2DmEventSchema.safeParse(raw);
  const facts = v2.success ? v2DmFacts(v2.data, ctx.account, media) : undefined;
  if (facts) return dmEvents(facts, ctx, raw);
  const kind = (raw as { type?: unknown; event_type?: unknown } | null)?.type ?? v2.data?.event_type;
  return [xUnsupported(typeof kind === 'string' ? `dm:${kind}` : 'invalid:direct_message_event', ctx, raw)];
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Every event of an activity object: AAA's top level, or XAA's `payload`. Every item of every array is read
 * (PLATFORM_RULES 0.1.6); a key that is neither context nor known yields one `unsupported` per item. An activity
 * with no items at all (only context, or every array empty) is one `unsupported`: an accepted request always
 * leaves a trace, never acknowledged into nothing.
 */
export function activityEvents(
  activity: Record<string, unknown>,
  ctx: XParseContext,
  media: Map<string, XMedia> = new Map(),
): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const [key, value] of Object.entries(activity)) {
    if (CONTEXT_KEYS.has(key)) continue;
    if (key === 'direct_message_events') for (const item of list(value)) events.push(...dmEvent(item, ctx, media));
    else if (key === 'direct_message_indicate_typing_events')
      for (const item of list(value)) events.push(signalEvent('typing', item, ctx));
    else if (key === 'direct_message_mark_read_events')
      for (const item of list(value)) events.push(signalEvent('read', item, ctx));
    else if (key === 'user_event') events.push(userEvent(value, ctx));
    else if (key === 'replay_job_status') events.push(replayStatus(value, ctx));
    else for (const item of list(value)) events.push(xUnsupported(`aaa:${key}`, ctx, { [key]: item }));
  }
  return events.length > 0 ? events : [xUnsupported('activity:empty', ctx, activity)];
}

/** The Account Activity replay job's completion: reported as `unsupported` (with `raw`) for the app to log. */
function replayStatus(raw: unknown, ctx: XParseContext): InboundEvent {
  const job = z.looseObject({ job_id: z.string().optional(), job_state: z.string().optional() }).safeParse(raw).data;
  const id = job?.job_id ? eventId('replay', job.job_id, job.job_state) : undefined;
  return xUnsupported(`replay_job_status:${job?.job_state ?? 'unknown'}`, ctx, raw, id ? { id } : {});
}
