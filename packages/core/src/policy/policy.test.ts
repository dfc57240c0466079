import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.js';
import type { Capabilities } from '../model/capabilities.js';
import type { Content } from '../model/content.js';
import type { ConversationRef } from '../model/conversation.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage } from '../model/outbound.js';
import { waLike } from '../test-support/test-capabilities.js';
import { createPolicy } from './policy.js';
import { mapStore } from '../test-support/test-map-store.js';
// Core cannot depend on @loket/testing (a build cycle), so its tests take the kit's helper by path.
import { catchLoketError as refusal } from '../../../testing/src/catch-loket-error.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 10, 12);
const ref: ConversationRef = { channel: 'whatsapp', account: '100', user: '316' };
const whatsapp: Capabilities = {
  ...waLike,
  window: { freeFormMs: DAY, templatesOutside: true, openedBy: ['message'] },
};
const messenger: Capabilities = {
  ...waLike,
  templates: false,
  window: { freeFormMs: DAY, humanAgentMs: 7 * DAY, templatesOutside: false, openedBy: ['message', 'reaction'] },
};
const text: Content = { type: 'text', text: 'Hi' };
const template: Content = { type: 'template', name: 'order_update', language: 'en' };

function setup(options: { stopWords?: string[] | false } = {}) {
  let clock = T0;
  const logs: unknown[] = [];
  const logger: Logger = { debug() {}, info: (obj, msg) => logs.push([obj, msg]), warn() {}, error() {} };
  const store = mapStore();
  const policy = createPolicy({ store, now: () => clock, logger, ...options });
  return { policy, store, logs, setClock: (ms: number) => (clock = ms) };
}

const base = { channel: 'whatsapp' as const, conversation: ref, raw: {} };
const message = (text: string, timestamp = T0): InboundEvent => ({
  ...base,
  id: `m-${timestamp}-${text}`,
  type: 'message',
  timestamp,
  messageId: `m-${timestamp}`,
  from: { id: ref.user },
  content: { type: 'text', text },
});
const status = (messageId: string, s: 'sent' | 'delivered' | 'read' | 'failed'): InboundEvent => ({
  ...base,
  id: `${messageId}:${s}`,
  type: 'status',
  timestamp: T0,
  messageId,
  status: s,
});
const send = (content: Content, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to: ref,
  content,
  ...extra,
});

describe('policy.observe', () => {
  it('opens the window on the event types the channel names, never on echoes', async () => {
    const { policy, store } = setup();
    const echo: InboundEvent = { ...base, id: 'e1', type: 'echo', timestamp: T0 + 5, messageId: 'e1', content: text };
    expect(await policy.observe(echo, { ...whatsapp, window: { ...whatsapp.window!, openedBy: ['echo'] } })).toEqual({
      deliver: true,
    });
    expect((await store.conversations.get(ref))?.lastInboundAt).toBeUndefined();
    const reaction: InboundEvent = { ...base, id: 'r1', type: 'reaction', timestamp: T0, messageId: 'x', emoji: '👍' };
    await policy.observe(reaction, whatsapp);
    expect((await store.conversations.get(ref))?.lastInboundAt).toBeUndefined();
    await policy.observe(reaction, messenger);
    expect((await store.conversations.get(ref))?.lastInboundAt).toBe(T0);
  });

  it('records consent events from the platform', async () => {
    const { policy } = setup();
    const optIn: InboundEvent = {
      ...base,
      id: 'c1',
      type: 'consent',
      timestamp: T0,
      consent: 'granted',
      topic: 'promo',
    };
    await policy.observe(optIn, whatsapp);
    expect(await policy.consent.has(ref, 'promo')).toBe(true);
    const optOut: InboundEvent = { ...base, id: 'c2', type: 'consent', timestamp: T0 + 1, consent: 'revoked' };
    await policy.observe(optOut, whatsapp);
    expect(await policy.consent.has(ref, 'promo')).toBe(false);
  });

  it.each(['STOP', ' stop! ', 'Stop.', 'opt-out', 'Opt Out', 'arrêt', 'ARRET', 'Unsubscribe', 'baja'])(
    'revokes all consent on the stop word %j and still delivers the message',
    async (word) => {
      const { policy, logs } = setup();
      await policy.consent.grant(ref, { topic: 'promo' });
      expect(await policy.observe(message(word, T0 + 1), whatsapp)).toEqual({ deliver: true });
      expect(await policy.consent.has(ref, 'promo')).toBe(false);
      expect(logs).toHaveLength(1);
    },
  );

  it.each(['please stop sending', 'stopwatch', 'STOP 2'])('ignores %j (not the whole message)', async (text) => {
    const { policy } = setup();
    await policy.consent.grant(ref);
    await policy.observe(message(text, T0 + 1), whatsapp);
    expect(await policy.consent.has(ref)).toBe(true);
  });

  it('takes a custom stop word list, or none', async () => {
    const custom = setup({ stopWords: ['HALT'] });
    await custom.policy.consent.grant(ref);
    await custom.policy.observe(message('stop', T0 + 1), whatsapp);
    expect(await custom.policy.consent.has(ref)).toBe(true);
    await custom.policy.observe(message('halt', T0 + 2), whatsapp);
    expect(await custom.policy.consent.has(ref)).toBe(false);
    const off = setup({ stopWords: false });
    await off.policy.consent.grant(ref);
    await off.policy.observe(message('STOP', T0 + 1), whatsapp);
    expect(await off.policy.consent.has(ref)).toBe(true);
  });

  it('delivers a status only when it moves forward; a failure always', async () => {
    const { policy } = setup();
    expect(await policy.observe(status('w1', 'delivered'), whatsapp)).toEqual({ deliver: true });
    expect(await policy.observe(status('w1', 'read'), whatsapp)).toEqual({ deliver: true });
    expect(await policy.observe(status('w1', 'delivered'), whatsapp)).toEqual({ deliver: false });
    expect(await policy.observe(status('w1', 'sent'), whatsapp)).toEqual({ deliver: false });
    expect(await policy.observe(status('w1', 'failed'), whatsapp)).toEqual({ deliver: true });
    expect(await policy.observe(status('w1', 'failed'), whatsapp)).toEqual({ deliver: true });
  });
});

describe('policy.check: window', () => {
  it('allows anything on a channel without a window', async () => {
    const { policy } = setup();
    await expect(policy.check(send(text), { ...whatsapp, window: null })).resolves.toBeUndefined();
  });

  it('allows free-form inside the window and refuses it after, saying when it closed and what is allowed', async () => {
    const { policy, setClock } = setup();
    await policy.observe(message('hi'), whatsapp);
    setClock(T0 + DAY);
    await expect(policy.check(send(text), whatsapp)).resolves.toBeUndefined();
    setClock(T0 + DAY + 1);
    const err = await refusal(policy.check(send(text), whatsapp));
    expect(err.code).toBe('OUTSIDE_WINDOW');
    expect(err.message).toBe(
      '[loket] [whatsapp] the 24-hour customer-service window closed at 2026-01-11T12:00:00.000Z ' +
        '(the customer last wrote at 2026-01-10T12:00:00.000Z): send an approved message template',
    );
    expect(err.details).toMatchObject({ closedAt: '2026-01-11T12:00:00.000Z', allowed: ['template'] });
  });

  it('refuses free-form before the customer ever wrote', async () => {
    const { policy } = setup();
    const err = await refusal(policy.check(send({ type: 'reaction', messageId: 'x', emoji: '👍' }), whatsapp));
    expect(err.code).toBe('OUTSIDE_WINDOW');
    expect(err.message).toContain('has not written yet');
  });

  it('allows a template outside the window where templates may go there (with consent)', async () => {
    const { policy } = setup();
    await policy.consent.grant(ref);
    await expect(policy.check(send(template), whatsapp)).resolves.toBeUndefined();
  });

  it('points to the human_agent tag within its days, allows it then, refuses it after', async () => {
    const { policy, setClock } = setup();
    await policy.observe(message('hi'), messenger);
    setClock(T0 + 2 * DAY);
    const err = await refusal(policy.check(send(text), messenger));
    expect(err.message).toContain("a human agent may answer with tag: 'human_agent' until 2026-01-17T12:00:00.000Z");
    expect(err.details).toMatchObject({ allowed: ['human_agent'] });
    await expect(policy.check(send(text, { tag: 'human_agent' }), messenger)).resolves.toBeUndefined();
    setClock(T0 + 7 * DAY + 1);
    const late = await refusal(policy.check(send(text, { tag: 'human_agent' }), messenger));
    expect(late.code).toBe('OUTSIDE_WINDOW');
    expect(late.message).toContain('wait for the customer to write again');
  });

  it('refuses the human_agent tag on a channel without it, naming the channel', async () => {
    const { policy } = setup();
    await policy.observe(message('hi'), whatsapp);
    const err = await refusal(policy.check(send(text, { tag: 'human_agent' }), whatsapp));
    expect(err.code).toBe('UNSUPPORTED_CONTENT');
    expect(err.message).toContain('whatsapp');
  });
});

describe('policy.check: consent', () => {
  it('refuses a template without consent, saying how to grant it', async () => {
    const { policy } = setup();
    const err = await refusal(policy.check(send(template, { topic: 'orders' }), whatsapp));
    expect(err.code).toBe('CONSENT_REQUIRED');
    expect(err.message).toContain("gateway.consent.grant(ref, { topic: 'orders' })");
  });

  it('uses the newest of the topic record and the * record', async () => {
    const { policy, setClock } = setup();
    const check = () => policy.check(send(template, { topic: 'orders' }), whatsapp);
    await policy.consent.grant(ref, { topic: 'orders' });
    await expect(check()).resolves.toBeUndefined();
    setClock(T0 + 1);
    await policy.observe(message('STOP', T0 + 1), whatsapp);
    expect((await refusal(check())).message).toContain('revoked (stop-word');
    setClock(T0 + 2);
    await policy.consent.grant(ref, { topic: 'orders', source: 'form' });
    await expect(check()).resolves.toBeUndefined();
    expect(await policy.consent.has(ref)).toBe(false);
  });

  it('keeps the newer record when an older consent event arrives late', async () => {
    const { policy } = setup();
    await policy.consent.revoke(ref);
    const stale: InboundEvent = { ...base, id: 'c0', type: 'consent', timestamp: T0 - HOUR, consent: 'granted' };
    await policy.observe(stale, whatsapp);
    expect(await policy.consent.has(ref)).toBe(false);
  });
});
