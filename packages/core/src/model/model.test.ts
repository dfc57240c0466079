import { describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { contentSchema } from './content-schema.js';
import { conversationKey } from './conversation.js';
import { inboundEventSchema } from './event-schema.js';

describe('model', () => {
  it('parses a message event and keys its conversation', () => {
    const ev = inboundEventSchema.parse({
      id: 'wamid.1',
      type: 'message',
      channel: 'whatsapp',
      conversation: { channel: 'whatsapp', account: '100', user: '316' },
      timestamp: 1,
      raw: {},
      messageId: 'wamid.1',
      from: { id: '316' },
      content: { type: 'text', text: 'hi' },
    });
    expect(conversationKey(ev.conversation)).toBe('whatsapp:100:316');
  });
  it('rejects content of an unknown type', () => {
    expect(contentSchema.safeParse({ type: 'hologram' }).success).toBe(false);
  });
  it('brands LoketError across copies', () => {
    const err = new LoketError('RATE_LIMITED', 'slow down');
    expect(LoketError.is(err)).toBe(true);
    expect(err.retryable).toBe(true);
    expect(LoketError.is({ code: 'RATE_LIMITED' })).toBe(false);
  });
});
