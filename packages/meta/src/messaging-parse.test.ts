import { LoketError } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { MESSAGING_ERRORS, mapGraphError, parseMessagingWebhook } from './index.js';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const options = { channel: 'messenger', objects: ['page'] } as const;
const item = (sender: string, payload: Record<string, unknown>) => ({
  sender: { id: sender },
  recipient: { id: 'P' },
  timestamp: 5,
  ...payload,
});

describe('parseMessagingWebhook', () => {
  it('walks every entry, messaging[] and standby[] item, routing by entry.id', () => {
    const events = parseMessagingWebhook(
      bytes({
        object: 'page',
        entry: [
          {
            id: 'P1',
            time: 1,
            messaging: [item('a', { message: { mid: 'm1', text: 'x' } })],
            standby: [item('b', { message: { mid: 'm2', text: 'y' } })],
          },
          { id: 'P2', time: 2, standby: [item('c', { read: { watermark: 3 } })] },
        ],
      }),
      options,
    );
    expect(events.map((e) => [e.id, e.conversation.account, e.conversation.user])).toEqual([
      ['m1', 'P1', 'a'],
      ['m2', 'P1', 'b'],
      ['read:c:3', 'P2', 'c'],
    ]);
  });

  it('keeps what it does not know visible: another object, an entry without items, an unknown payload key', () => {
    const reasons = (value: unknown) =>
      parseMessagingWebhook(bytes(value), options).map((e) => e.type === 'unsupported' && e.reason);
    expect(reasons({ object: 'instagram', entry: [] })).toEqual(['object:instagram']);
    expect(reasons({ object: 'page', entry: [{ id: 'P', changes: [] }] })).toEqual(['entry:no-messaging']);
    expect(reasons({ object: 'page', entry: [{ id: 'P', messaging: [item('a', { game_play: {} })] }] })).toEqual([
      'messaging:game_play',
    ]);
  });

  it('throws BAD_REQUEST for a body that is not JSON', () => {
    let error: unknown;
    try {
      parseMessagingWebhook(new TextEncoder().encode('<html>'), options);
    } catch (err) {
      error = err;
    }
    expect(LoketError.is(error) && error.code).toBe('BAD_REQUEST');
  });
});

describe('MESSAGING_ERRORS', () => {
  const map = (code: number, subcode?: number) =>
    mapGraphError(
      { status: 400, headers: new Headers(), body: { error: { code, error_subcode: subcode } }, text: '' },
      MESSAGING_ERRORS,
      'messenger',
    );

  it('tells the window error from other code-10 permission errors, and 551 by its code alone', () => {
    expect(map(10, 2018278)).toMatchObject({ code: 'OUTSIDE_WINDOW', retryable: false });
    expect(map(10, 2018065)).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
    expect(map(551, 1545041)).toMatchObject({ code: 'RECIPIENT_UNAVAILABLE', platformCode: '551/1545041' });
    expect(map(80006)).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
  });
});
