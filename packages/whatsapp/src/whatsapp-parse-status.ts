import type { EventOf, InboundEvent, SendStatus } from '@loket/core';
import { classifyGraphError, stableId } from '@loket/meta';
import { compact, eventBase, type ParseContext, toMs, unsupportedEvent } from './whatsapp-parse-context.js';
import { WHATSAPP_ERRORS } from './whatsapp-errors.js';
import { statusSchema, type WhatsAppErrorObject } from './whatsapp-webhook-schema.js';

// `played` is the first play of a voice message: for a sender it means the message was read.
const STATUSES: Record<string, SendStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
  failed: 'failed',
};

/**
 * One item of `value.statuses[]` → a `status` event with id `<wamid>:<status as sent>` (Meta redelivers the
 * same pair; `played` keeps its own id so it never shadows the `read`). Failures carry the mapped error.
 */
export function parseWhatsAppStatus(raw: unknown, ctx: ParseContext): InboundEvent {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return unsupportedEvent('invalid:status', ctx, raw);
  const s = parsed.data;
  // Sent to a BSUID without a phone number: the recipient is only known by its BSUID.
  const user = s.recipient_id ?? s.recipient_user_id ?? '*';
  const id = stableId(s.id, s.status);
  const timestamp = toMs(s.timestamp);
  const status = STATUSES[s.status];
  if (!status) return unsupportedEvent(`status:${s.status}`, ctx, raw, { id, user, timestamp });
  const [first] = s.errors ?? [];
  const error = status === 'failed' && first ? statusError(first) : undefined;
  return compact({
    ...eventBase(id, ctx, user, timestamp, raw),
    type: 'status' as const,
    messageId: s.id,
    status,
    error,
  });
}

/** An async error object, mapped through the same code table as synchronous errors. */
export function statusError(e: WhatsAppErrorObject): NonNullable<EventOf<'status'>['error']> {
  const rule = classifyGraphError(e.code, undefined, WHATSAPP_ERRORS);
  const said = e.message ?? e.title ?? `error ${e.code}`;
  const details = e.error_data?.details;
  return { code: rule.code, message: details && details !== said ? `${said}: ${details}` : said, platformCode: e.code };
}
