import { type InboundEvent, type Logger, silentLogger } from '@loket/core';
import { readMetaWebhookJson } from '@loket/meta';
import { fillMissingTimes, NO_TIME, type ParseContext, unsupportedEvent } from './whatsapp-parse-context.js';
import { parseOtherField, parseUserPreference, parseValueError } from './whatsapp-parse-fields.js';
import { parseWhatsAppMessage } from './whatsapp-parse-message.js';
import { parseWhatsAppStatus } from './whatsapp-parse-status.js';
import {
  contactSchema,
  messagesValueSchema,
  type WhatsAppContact,
  webhookChangeSchema,
  webhookEntrySchema,
  webhookEnvelopeSchema,
} from './whatsapp-webhook-schema.js';

const NOBODY: ParseContext = { account: '*', contacts: [] };

/**
 * Normalizes one verified WhatsApp webhook body into events: every entry, every change, every message, status,
 * error and preference, in order (Meta batches up to 1000 updates, for several numbers, per POST). Nothing is
 * dropped: what is not modelled becomes `unsupported`. Throws `BAD_REQUEST` only when the body is not JSON.
 */
export function parseWhatsAppWebhook(body: Uint8Array, logger: Logger = silentLogger): InboundEvent[] {
  const json = readMetaWebhookJson(body, 'whatsapp');
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return [unsupportedEvent('invalid:envelope', NOBODY, json, { timestamp: 0 })];
  if (envelope.data.object !== 'whatsapp_business_account') {
    return [unsupportedEvent(`object:${envelope.data.object}`, NOBODY, json, { timestamp: 0 })];
  }
  // An accepted request always leaves a trace: an empty batch is reported, never acknowledged into nothing.
  if (envelope.data.entry.length === 0) return [unsupportedEvent('entry:empty', NOBODY, json, { timestamp: 0 })];
  const events = envelope.data.entry.flatMap((entry) => parseEntry(entry));
  for (const e of events) {
    if (e.type === 'unsupported') logger.debug({ id: e.id, reason: e.reason }, 'whatsapp: unsupported webhook item');
  }
  return fillMissingTimes(events, NO_TIME);
}

function parseEntry(raw: unknown): InboundEvent[] {
  const entry = webhookEntrySchema.safeParse(raw);
  if (!entry.success) return [unsupportedEvent('invalid:entry', NOBODY, raw)];
  const { id, time } = entry.data;
  if (entry.data.changes.length === 0) {
    const at = time === undefined ? NO_TIME : time * 1000;
    return [unsupportedEvent('entry:no-changes', { ...NOBODY, account: id }, raw, { timestamp: at })];
  }
  const events = entry.data.changes.flatMap((change) => parseChange(change, { id, time }));
  return fillMissingTimes(events, time === undefined ? NO_TIME : time * 1000);
}

function parseChange(raw: unknown, entry: { id: string; time?: number }): InboundEvent[] {
  const change = webhookChangeSchema.safeParse(raw);
  if (!change.success) return [unsupportedEvent('invalid:change', { ...NOBODY, account: entry.id }, raw)];
  const { field, value } = change.data;
  const parsed = messagesValueSchema.safeParse(value);
  if ((field !== 'messages' && field !== 'user_preferences') || !parsed.success) {
    // Account-level fields carry no phone_number_id: they belong to the WABA (entry.id).
    const account = parsed.success ? parsed.data.metadata.phone_number_id : entry.id;
    return [parseOtherField(field, raw, { account, contacts: [] }, entry)];
  }
  const v = parsed.data;
  const ctx: ParseContext = { account: v.metadata.phone_number_id, contacts: contactsOf(v.contacts) };
  const events = [
    ...(v.messages ?? []).map((m) => parseWhatsAppMessage(m, ctx)),
    ...(v.statuses ?? []).map((s) => parseWhatsAppStatus(s, ctx)),
    ...(v.errors ?? []).map((e) => parseValueError(e, ctx)),
    ...(v.user_preferences ?? []).map((p) => parseUserPreference(p, ctx)),
  ];
  // A change with none of the arrays we know is still reported, never silently dropped.
  return events.length > 0 ? events : [parseOtherField(field, raw, ctx, entry)];
}

function contactsOf(raw: unknown[] | undefined): WhatsAppContact[] {
  return (raw ?? []).flatMap((c) => {
    const parsed = contactSchema.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
}
