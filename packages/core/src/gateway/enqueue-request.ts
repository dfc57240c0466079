import type { WebhookRequest } from '../adapter.js';
import type { Store } from '../store/store.js';
import type { ChannelId } from '../model/conversation.js';

/** Puts a channel's own request into the inbox, as a verified webhook would be, and wakes the worker once stored. */
export async function enqueueRequest(
  store: Store,
  channel: ChannelId,
  request: WebhookRequest,
  now: () => number,
  wake: () => void,
): Promise<string> {
  const id = await store.inbox.enqueue({
    channel,
    request: {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body,
    },
    receivedAt: now(),
  });
  wake();
  return id;
}
