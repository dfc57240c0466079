import { describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { MessageEvent } from '../model/events.js';
import type { OutboundMessage } from '../model/outbound.js';
import { mapStore } from '../test-support/test-map-store.js';
import { createAutoReply } from './auto-reply.js';
import { businessHours } from './business-hours.js';

const hours = businessHours({
  timeZone: 'Europe/Amsterdam',
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
});
const ref = { channel: 'whatsapp' as const, account: '100', user: '316' };
const event = (user = ref.user): MessageEvent => ({
  id: `m-${user}`,
  type: 'message',
  channel: 'whatsapp',
  conversation: { ...ref, user },
  timestamp: 0,
  raw: {},
  messageId: `m-${user}`,
  from: { id: user },
  content: { type: 'text', text: 'hello?' },
});

function setup(send?: (m: OutboundMessage) => Promise<never>, locale?: string) {
  let clock = Date.parse('2026-03-28T12:00:00Z'); // Saturday
  const sent: OutboundMessage[] = [];
  const errors: unknown[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (obj) => errors.push(obj) };
  const reply = createAutoReply(
    {
      hours,
      ...(locale ? { locale } : {}),
      content: ({ nextOpen, nextOpenText }) => ({
        type: 'text',
        text: `Back at ${nextOpen?.toISOString()}${nextOpenText ? ` (${nextOpenText})` : ''}`,
      }),
    },
    {
      store: mapStore(),
      logger,
      now: () => clock,
      send:
        send ??
        (async (m) => {
          sent.push(m);
          return { messageId: `out-${sent.length}`, conversation: m.to, acceptedAt: clock };
        }),
    },
  );
  return { reply, sent, errors, setClock: (iso: string) => (clock = Date.parse(iso)) };
}

describe('createAutoReply', () => {
  it('answers while closed, saying when it opens', async () => {
    const { reply, sent } = setup();
    await reply.onMessage(event());
    expect(sent).toEqual([
      { to: ref, content: { type: 'text', text: 'Back at 2026-03-30T07:00:00.000Z (Monday, March 30 at 9:00 AM)' } },
    ]);
  });

  it('writes the next opening in the business time zone, in the configured locale', async () => {
    // 07:00 UTC is 09:00 in Amsterdam (summer time): whatever zone the server runs in, the customer reads 09:00.
    const { reply, sent } = setup(undefined, 'nl');
    await reply.onMessage(event());
    expect(sent[0]?.content).toEqual({
      type: 'text',
      text: 'Back at 2026-03-30T07:00:00.000Z (maandag 30 maart om 09:00)',
    });
  });

  it('answers at most once per closed period per conversation', async () => {
    const { reply, sent, setClock } = setup();
    await reply.onMessage(event());
    setClock('2026-03-29T20:00:00Z'); // still the same weekend
    await reply.onMessage(event());
    await reply.onMessage(event('999'));
    expect(sent.map((m) => m.to.user)).toEqual(['316', '999']);
    setClock('2026-03-30T20:00:00Z'); // Monday evening: a new closed period
    await reply.onMessage(event());
    expect(sent.map((m) => m.to.user)).toEqual(['316', '999', '316']);
  });

  it('stays silent while open', async () => {
    const { reply, sent, setClock } = setup();
    setClock('2026-03-30T08:00:00Z');
    await reply.onMessage(event());
    expect(sent).toEqual([]);
  });

  it('logs a failed send instead of throwing', async () => {
    const { reply, errors } = setup(async () => {
      throw new LoketError('OUTSIDE_WINDOW', '[loket] [whatsapp] closed window');
    });
    await expect(reply.onMessage(event())).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
