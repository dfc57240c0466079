import type { ChannelAdapter, WebhookRequest } from '../adapter.js';
import { LoketError, loketMessage } from '../errors.js';
import { adapterError, logOnce } from '../call-adapter.js';
import { conversationKey } from '../model/conversation.js';
import { inboundEventSchema } from '../model/event-schema.js';
import type { InboundEvent } from '../model/events.js';
import type { LeasedItem } from '../store/store.js';

/** The request an adapter parses, rebuilt from what the inbox kept. */
export function toWebhookRequest(item: LeasedItem): WebhookRequest {
  const { method, url, headers, body } = item.request;
  return { method, url, headers: new Headers(headers), body };
}

function checkEvents(adapter: ChannelAdapter, events: unknown): InboundEvent[] {
  if (!Array.isArray(events)) {
    throw new LoketError('BAD_REQUEST', loketMessage(adapter.channel, 'parse did not return an array of events'));
  }
  events.forEach((event, index) => {
    const checked = inboundEventSchema.safeParse(event);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
      throw new LoketError(
        'BAD_REQUEST',
        loketMessage(adapter.channel, `parse returned an invalid event at ${index} (${where})`),
      );
    }
  });
  return events as InboundEvent[];
}

/**
 * Parses an item synchronously (so items queue on their conversations in the order they were leased). A parse
 * that throws, or returns something that is not a list of events, gives a LoketError: the item is dead-lettered.
 */
export function parseItem(adapter: ChannelAdapter, item: LeasedItem): InboundEvent[] | LoketError {
  try {
    return checkEvents(adapter, adapter.parse(toWebhookRequest(item)));
  } catch (err) {
    return adapterError(adapter, 'parse', err, 'BAD_REQUEST');
  }
}

/** Events by conversation, each list in timestamp order (platforms promise no order; a stable sort keeps ties). */
export function groupByConversation(events: InboundEvent[]): Map<string, InboundEvent[]> {
  const groups = new Map<string, InboundEvent[]>();
  for (const event of events) {
    const key = conversationKey(event.conversation);
    const list = groups.get(key);
    if (list) list.push(event);
    else groups.set(key, [event]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.timestamp - b.timestamp);
  return groups;
}

/** Logs a parse failure once, saying what happens to the bytes. */
export function logParseFailure(logger: Parameters<typeof logOnce>[0], error: LoketError, item: LeasedItem): void {
  logOnce(logger, 'error', error, `${error.message}: the request went to the dead letters (replay it once fixed)`, {
    channel: item.channel,
    inboxId: item.id,
  });
}
