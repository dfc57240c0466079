import type { InboundEvent } from '@loket/core';
import {
  compactFields,
  type ItemFacts,
  type MessagingContext,
  messagingBase,
  messagingUnsupported,
} from './messaging-parse-context.js';
import { threadControlSchema } from './messaging-webhook-schema.js';
import { stableId } from './stable-id.js';

/** The handover protocol's actions, as `handover.action`. */
export type HandoverAction = 'pass' | 'take' | 'request' | 'app_roles';

/**
 * Handover protocol items (PLATFORM_RULES 2.4): `pass` and `take` name the previous and the new owner app,
 * `request` the app asking for the thread (as `to`); `app_roles` says which app is primary (no from / to).
 */
export function parseHandover(action: HandoverAction) {
  return (raw: unknown, facts: ItemFacts, ctx: MessagingContext): InboundEvent => {
    const parsed = threadControlSchema.safeParse(action === 'app_roles' ? {} : raw);
    if (!parsed.success) return messagingUnsupported(`handover:${action}:invalid`, ctx, facts.raw, facts);
    const t = parsed.data;
    const id = stableId('handover', action, facts.user, facts.timestamp);
    return compactFields({
      ...messagingBase(id, ctx, facts.user, facts.timestamp, facts.raw),
      type: 'handover' as const,
      action,
      from: t.previous_owner_app_id,
      to: action === 'request' ? t.requested_owner_app_id : t.new_owner_app_id,
    });
  };
}
