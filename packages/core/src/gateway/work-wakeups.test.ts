import { describe, expect, it } from 'vitest';
import { memoryStore } from '../store/memory-store.js';
import { STORE_WORK_TOPIC } from '../store/work-topic.js';
import { eventually, harness, webhookBody } from '../test-support/test-harness.js';

describe('work wake-ups from the store', () => {
  it('leases at once when the store announces inbox work stored elsewhere, without waiting for the poll', async () => {
    const store = memoryStore();
    // A poll far longer than the test: only the wake-up can make the worker look.
    const h = harness({ store, worker: { pollMs: 3_600_000 } });
    const seen: string[] = [];
    h.gateway.on('message', async (event) => {
      seen.push(event.id);
    });
    await h.gateway.start();
    // Another process stored this webhook: nothing woke this gateway's worker.
    const body = new TextEncoder().encode(webhookBody([{ id: 'ev-far', kind: 'text', user: 'u1', ts: 1, text: 'hi' }]));
    await store.inbox.enqueue({
      channel: 'webchat',
      request: { method: 'POST', url: 'http://gateway.test/webhooks/webchat', headers: {}, body },
      receivedAt: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
    await store.pubsub.publish(STORE_WORK_TOPIC, 'inbox');
    await eventually(() => expect(seen).toEqual(['ev-far']));
    await h.gateway.close();
  });
});
