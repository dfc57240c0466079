import type { InboundEvent } from '@loket/core';
import { stableHash, stableId } from '@loket/meta';
import { eventBase, type ParseContext, toMs, unsupportedEvent } from './whatsapp-parse-context.js';
import { errorObjectSchema, userPreferenceSchema } from './whatsapp-webhook-schema.js';

/**
 * `value.errors[]`: a problem with the webhook itself (not tied to a message), reported as `unsupported` with
 * reason `error:<code>` for the account (`user: '*'`). Id: a hash of the error and the account.
 */
export function parseValueError(raw: unknown, ctx: ParseContext): InboundEvent {
  const parsed = errorObjectSchema.safeParse(raw);
  return unsupportedEvent(`error:${parsed.success ? parsed.data.code : 'unknown'}`, ctx, raw);
}

/**
 * `user_preferences[]`: the customer stopped (`stop`) or resumed (`resume`) marketing messages in WhatsApp's
 * settings → `consent` revoked / granted, topic `marketing`. Other categories or values stay `unsupported`.
 */
export function parseUserPreference(raw: unknown, ctx: ParseContext): InboundEvent {
  const parsed = userPreferenceSchema.safeParse(raw);
  if (!parsed.success) return unsupportedEvent('invalid:user_preference', ctx, raw);
  const p = parsed.data;
  const user = p.wa_id ?? p.user_id ?? '*';
  const timestamp = toMs(p.timestamp);
  const id = stableId('consent', ctx.account, user, p.category, p.value, p.timestamp);
  const consent = p.value === 'stop' ? 'revoked' : p.value === 'resume' ? 'granted' : undefined;
  if (!consent) return unsupportedEvent(`user_preference:${p.category}:${p.value}`, ctx, raw, { id, user, timestamp });
  const topic = p.category === 'marketing_messages' ? 'marketing' : p.category;
  return { ...eventBase(id, ctx, user, timestamp, raw), type: 'consent', consent, topic };
}

/**
 * Any other subscribed field (template status and quality, account and phone-number updates, …): routed, not
 * modelled → `unsupported` with reason `field:<name>` for the account (`user: '*'`).
 */
export function parseOtherField(
  field: string,
  raw: unknown,
  ctx: ParseContext,
  entry: { id: string; time?: number },
): InboundEvent {
  const id = stableId('field', field, stableHash({ entry: entry.id, time: entry.time, raw }));
  return unsupportedEvent(`field:${field}`, ctx, raw, { id });
}
