import type { LoketError } from '@loket/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graphMediaError } from './graph-media-error.js';
import { createGraphTransport } from './graph-transport.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

async function failure(run: () => Promise<unknown>): Promise<LoketError> {
  try {
    await run();
  } catch (err) {
    return graphMediaError('messenger', 'could not upload image/png media', err);
  }
  throw new Error('expected the call to fail');
}

describe('graphMediaError', () => {
  const graph = createGraphTransport({ channel: 'messenger', accessToken: 't', retry: { attempts: 1 } });

  it('puts the Graph error after the text with one prefix, keeping its platform code and retryability', async () => {
    nock('https://graph.facebook.com')
      .post('/v25.0/1/message_attachments')
      .reply(400, { error: { message: 'Upload failed', code: 100, error_subcode: 2018047 } });
    const err = await failure(() => graph.request({ method: 'POST', path: '/1/message_attachments', json: {} }));
    expect(err).toMatchObject({ code: 'MEDIA_ERROR', retryable: false, platformCode: '100/2018047' });
    expect(err.message).toMatch(
      /^\[loket\] \[messenger\] could not upload image\/png media: Graph API error 100\/2018047 \(HTTP 400\): Upload failed/,
    );
  });

  it('says "unexpected shape" for an answer that does not fit, and stands alone without a cause', async () => {
    nock('https://graph.facebook.com').get('/v25.0/m1').reply(200, { nope: true });
    const schema = z.object({ id: z.string() });
    const err = await failure(async () => schema.parse((await graph.request({ method: 'GET', path: '/m1' })).body));
    expect(err.message).toBe(
      '[loket] [messenger] could not upload image/png media: the Graph API answered in an unexpected shape',
    );
    expect(err.cause).toBeInstanceOf(z.ZodError);
    expect(graphMediaError('whatsapp', 'media m1 is too large')).toMatchObject({
      code: 'MEDIA_ERROR',
      retryable: false,
      message: '[loket] [whatsapp] media m1 is too large',
    });
  });
});
