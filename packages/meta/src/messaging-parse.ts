import { type ChannelId, type InboundEvent, type Logger, silentLogger } from '@loket/core';
import { type MessagingContext, messagingUnsupported } from './messaging-parse-context.js';
import { parseMessagingItem } from './messaging-parse-item.js';
import { messagingEntrySchema, messagingEnvelopeSchema } from './messaging-webhook-schema.js';
import { readMetaWebhookJson } from './meta-webhook-json.js';

/** Options of {@link parseMessagingWebhook}. */
export interface MessagingWebhookOptions {
  channel: ChannelId;
  /** `object` values this channel sends (`page`; `instagram`, and `page` for Facebook-Login set-ups). */
  objects: readonly string[];
  logger?: Logger;
}

/**
 * Normalizes one verified Messenger Platform webhook (Messenger or Instagram) into events: every entry, every item of
 * `messaging[]` and of `standby[]` (PLATFORM_RULES 0.1.6), in order. Routes by `entry.id`, never by `object`
 * (0.1.7). Nothing is dropped: what is not modelled becomes `unsupported`. Throws `BAD_REQUEST` only for non-JSON.
 *
 * @example
 * const events = parseMessagingWebhook(req.body, { channel: 'messenger', objects: ['page'] });
 */
export function parseMessagingWebhook(body: Uint8Array, options: MessagingWebhookOptions): InboundEvent[] {
  const { channel } = options;
  const json = readMetaWebhookJson(body, channel);
  const nobody: MessagingContext = { channel, account: '*', time: 0 };
  const envelope = messagingEnvelopeSchema.safeParse(json);
  if (!envelope.success) return [messagingUnsupported('invalid:envelope', nobody, json)];
  const object = envelope.data.object;
  if (object !== undefined && !options.objects.includes(object)) {
    return [messagingUnsupported(`object:${object}`, nobody, json)];
  }
  // An accepted request always leaves a trace: an empty batch is reported, never acknowledged into nothing.
  const events =
    envelope.data.entry.length === 0
      ? [messagingUnsupported('entry:empty', nobody, json)]
      : envelope.data.entry.flatMap((entry) => parseEntry(entry, nobody));
  const logger = options.logger ?? silentLogger;
  for (const e of events) {
    if (e.type === 'unsupported') logger.debug({ id: e.id, reason: e.reason }, `${channel}: unsupported webhook item`);
  }
  return events;
}

function parseEntry(raw: unknown, nobody: MessagingContext): InboundEvent[] {
  const entry = messagingEntrySchema.safeParse(raw);
  if (!entry.success) return [messagingUnsupported('invalid:entry', nobody, raw)];
  const ctx: MessagingContext = { ...nobody, account: entry.data.id ?? '*', time: entry.data.time ?? 0 };
  const items = [...(entry.data.messaging ?? []), ...(entry.data.standby ?? [])];
  // An entry with neither array (a `changes[]` field such as comments) is still reported.
  if (items.length === 0) return [messagingUnsupported('entry:no-messaging', ctx, raw)];
  return items.flatMap((item) => parseMessagingItem(item, ctx));
}
