import type { InboundEvent } from '@loket/core';
import { activityEvents } from './twitter-dm-parse-activity.js';
import { namesOf, type XParseContext } from './twitter-dm-parse-context.js';

/** Whether a body is an Account Activity API delivery: `for_user_id`, or an account-level event without one. */
export function isAaaEnvelope(json: Record<string, unknown>): boolean {
  if (typeof json.for_user_id === 'string' && json.for_user_id !== '') return true;
  return 'user_event' in json || 'replay_job_status' in json;
}

/**
 * An Account Activity API delivery (`{ for_user_id, direct_message_events[], users{}, … }`, PLATFORM_RULES 4.4):
 * one subscribed user per POST, arrays of events. The official sample nests `users` inside `apps`; both are read.
 */
export function parseAaa(json: Record<string, unknown>): InboundEvent[] {
  const apps = json.apps as Record<string, unknown> | undefined;
  const nested = typeof apps === 'object' && apps !== null ? (apps as { users?: unknown }).users : undefined;
  const ctx: XParseContext = {
    account: typeof json.for_user_id === 'string' && json.for_user_id !== '' ? json.for_user_id : '*',
    names: namesOf(json.users, nested),
  };
  return activityEvents(json, ctx);
}
