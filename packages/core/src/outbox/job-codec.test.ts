import { describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { decodeJob, encodeJob, errorFromJson, errorToJson } from './job-codec.js';

describe('outbox job codec', () => {
  it('keeps a message with media bytes exactly through the store text', () => {
    const data = Uint8Array.from([0, 255, 1, 254]);
    const to = { channel: 'whatsapp' as const, account: '1', user: '2' };
    const job = decodeJob(encodeJob({ message: { to, content: { type: 'image', media: { data } } }, options: {} }));
    const { content } = job.message;
    expect(content.type === 'image' && content.media.data).toEqual(data);
    expect(content.type === 'image' && content.media.data).toBeInstanceOf(Uint8Array);
  });

  it('refuses a stored job without a message', () => {
    expect(() => decodeJob('{"options":{}}')).toThrow(LoketError);
  });

  it('turns a kept error back into a LoketError with its code and platform code', () => {
    const given = new LoketError('RATE_LIMITED', '[loket] [whatsapp] slow', { platformCode: 130429, retryAfterMs: 5 });
    const back = errorFromJson(JSON.parse(JSON.stringify(errorToJson(given))));
    expect(LoketError.is(back)).toBe(true);
    expect(back.toJSON()).toEqual(given.toJSON());
  });
});
