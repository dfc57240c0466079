import { describe, expect, it } from 'vitest';
import { LoketError, loketMessage } from './errors.js';

describe('LoketError.wrap', () => {
  const graph = new LoketError('RATE_LIMITED', loketMessage('whatsapp', 'Graph API error 130429 (HTTP 429): slow'), {
    channel: 'whatsapp',
    retryable: true,
    platformCode: 130429,
    retryAfterMs: 5000,
  });

  it('puts the context first, keeps code, retryable, platformCode and retryAfterMs, and one prefix', () => {
    const err = LoketError.wrap(graph, 'could not upload image/png media');
    expect(err.message).toBe(
      '[loket] [whatsapp] could not upload image/png media: Graph API error 130429 (HTTP 429): slow',
    );
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true, platformCode: 130429, retryAfterMs: 5000 });
    expect(err.channel).toBe('whatsapp');
    expect(err.cause).toBe(graph);
  });

  it('takes another code and channel without stacking prefixes, also when wrapped twice', () => {
    const once = LoketError.wrap(graph, 'could not download media 42', { code: 'MEDIA_ERROR', channel: 'messenger' });
    const twice = LoketError.wrap(once, 'forwarding failed');
    expect(twice.message).toBe(
      '[loket] [messenger] forwarding failed: could not download media 42: Graph API error 130429 (HTTP 429): slow',
    );
    expect(twice).toMatchObject({ code: 'MEDIA_ERROR', retryable: true, platformCode: 130429, channel: 'messenger' });
  });

  it('strips a prefix without a channel, and leaves other messages alone', () => {
    const bare = new LoketError('NETWORK', loketMessage(undefined, 'socket hang up'));
    expect(LoketError.wrap(bare, 'upload').message).toBe('[loket] upload: socket hang up');
    expect(LoketError.wrap(new LoketError('CONFIG', '[loketx] odd'), 'ctx').message).toBe('[loket] ctx: [loketx] odd');
  });

  it('wraps anything else with the given code (default PLATFORM_ERROR) and that code’s retryable', () => {
    const plain = LoketError.wrap(new TypeError('boom'), 'parsing', { channel: 'whatsapp' });
    expect(plain).toMatchObject({
      code: 'PLATFORM_ERROR',
      retryable: true,
      message: '[loket] [whatsapp] parsing: boom',
    });
    expect(plain.platformCode).toBeUndefined();
    const media = LoketError.wrap('just a string', 'upload', { code: 'MEDIA_ERROR' });
    expect(media).toMatchObject({ code: 'MEDIA_ERROR', retryable: false, message: '[loket] upload: just a string' });
    expect(LoketError.is(media)).toBe(true);
  });
});
