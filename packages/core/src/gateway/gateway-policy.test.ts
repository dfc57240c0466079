import { afterEach, describe, expect, it } from 'vitest';
import { businessHours } from '../hours/business-hours.js';
import type { ConversationRef } from '../model/conversation.js';
import type { InboundEvent } from '../model/events.js';
import { eventually, type Harness, harness } from '../test-support/test-harness.js';

const ref: ConversationRef = { channel: 'webchat', account: 'acc', user: 'u1' };

describe('gateway policy wiring', () => {
  let h: Harness;
  afterEach(async () => {
    await h.gateway.close();
  });

  it('exposes the consent API over the store', async () => {
    h = harness();
    expect(await h.gateway.consent.has(ref, 'news')).toBe(false);
    await h.gateway.consent.grant(ref, { topic: 'news', source: 'form' });
    expect(await h.gateway.consent.has(ref, 'news')).toBe(true);
    expect((await h.store.conversations.get(ref))?.consent.news).toMatchObject({ status: 'granted', source: 'form' });
  });

  it('passes stopWords to the policy: a stop word revokes consent, and the handler still gets the message', async () => {
    h = harness({ stopWords: ['basta'] });
    const seen: string[] = [];
    h.gateway.on('message', (event) => {
      seen.push(event.id);
    });
    await h.gateway.consent.grant(ref, { topic: 'news' });
    await h.gateway.start();
    await h.post([{ id: 'm1', kind: 'text', user: 'u1', text: 'BASTA', ts: Date.now() + 1_000 }]);
    await eventually(() => expect(seen).toEqual(['m1']));
    expect(await h.gateway.consent.has(ref, 'news')).toBe(false);
  });

  it('does not hand handlers a status that does not move forward', async () => {
    h = harness();
    const statuses: string[] = [];
    h.gateway.on('status', (event) => {
      statuses.push(event.status);
    });
    await h.gateway.start();
    await h.post([
      { id: 's-read', kind: 'status', user: 'u1', messageId: 'out-9', status: 'read', ts: 2 },
      { id: 's-delivered', kind: 'status', user: 'u1', messageId: 'out-9', status: 'delivered', ts: 3 },
    ]);
    await eventually(async () => expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
    expect(statuses).toEqual(['read']);
  });

  it('answers once per closed period with the auto-reply, and still runs the handlers', async () => {
    h = harness({
      autoReply: {
        hours: businessHours({ timeZone: 'UTC', weekly: {} }),
        content: () => ({ type: 'text', text: 'We are closed.' }),
      },
    });
    const seen: InboundEvent[] = [];
    h.gateway.on('message', (event) => {
      seen.push(event);
    });
    await h.gateway.start();
    await h.post([
      { id: 'm1', kind: 'text', user: 'u1', text: 'hello?', ts: 1 },
      { id: 'm2', kind: 'text', user: 'u1', text: 'anyone?', ts: 2 },
    ]);
    await eventually(() => expect(seen).toHaveLength(2));
    expect(h.adapter.sent).toEqual([
      { to: ref, content: { type: 'text', text: 'We are closed.' }, author: { kind: 'system', id: 'auto-reply' } },
    ]);
  });
});
