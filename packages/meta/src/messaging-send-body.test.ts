import { LoketError, type OutboundMessage } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { toMessagingBody } from './index.js';

const to = { channel: 'messenger' as const, account: '1', user: 'psid' };
const messenger = { channel: 'messenger', messagingType: 'always', genericTemplate: true } as const;
const instagram = { channel: 'instagram', messagingType: 'tagged', genericTemplate: false } as const;

describe('toMessagingBody', () => {
  it('marks untagged messages RESPONSE on Messenger and leaves messaging_type out on Instagram', () => {
    const m: OutboundMessage = { to, content: { type: 'text', text: 'Hi' } };
    expect(toMessagingBody(m, messenger)).toEqual({
      recipient: { id: 'psid' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hi' },
    });
    expect(toMessagingBody(m, instagram)).toEqual({ recipient: { id: 'psid' }, message: { text: 'Hi' } });
  });

  it('tags a human-agent send on both, sender actions included, and never sends message and sender_action together', () => {
    const typing: OutboundMessage = { to, content: { type: 'typing' }, tag: 'human_agent' };
    const expected = {
      recipient: { id: 'psid' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      sender_action: 'typing_on',
    };
    expect(toMessagingBody(typing, messenger)).toEqual(expected);
    expect(toMessagingBody(typing, instagram)).toEqual(expected);
  });

  it('puts reply_to and metadata inside the message', () => {
    const m: OutboundMessage = { to, content: { type: 'text', text: 'Yes' }, replyTo: 'm_9', metadata: 'ticket-1' };
    expect(toMessagingBody(m, instagram).message).toEqual({
      text: 'Yes',
      reply_to: { mid: 'm_9' },
      metadata: 'ticket-1',
    });
  });

  it('refuses cards without the generic template, and content no Messenger Platform product has', () => {
    const cards: OutboundMessage = { to, content: { type: 'cards', cards: [{ title: 'A' }] } };
    const location: OutboundMessage = { to, content: { type: 'location', latitude: 1, longitude: 2 } };
    for (const [m, o] of [
      [cards, instagram],
      [location, messenger],
    ] as const) {
      let error: unknown;
      try {
        toMessagingBody(m, o);
      } catch (err) {
        error = err;
      }
      expect(LoketError.is(error) && error.code).toBe('UNSUPPORTED_CONTENT');
    }
  });
});
