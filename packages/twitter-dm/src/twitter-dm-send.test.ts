import { catchLoketError as failure } from '@loket/testing';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { oauth1Params, twitterDm } from './index.js';

const API = 'https://api.x.com';
const BIZ = '2244994945';
const ADA = '3805104374';
const to = { channel: 'twitter-dm' as const, account: BIZ, user: ADA };
const keys = { consumerKey: 'ck', consumerSecret: 'cs-secret', token: 'tok-secret', tokenSecret: 'ts-secret' };
const credentials = { kind: 'oauth1' as const, ...keys };
const ok = (id: string) => ({ data: { dm_conversation_id: `${BIZ}-${ADA}`, dm_event_id: id } });
const make = (extra: Record<string, unknown> = {}) =>
  twitterDm({ consumerSecret: 'cs-secret', credentials, userId: BIZ, transport: { sleep: async () => {} }, ...extra });
const dmPath = `/2/dm_conversations/with/${ADA}/messages`;

/** nock hands a multipart body over as hex when it holds binary parts. */
const multipartText = (body: unknown): string => {
  if (typeof body !== 'string') return Buffer.from(body as Uint8Array).toString('latin1');
  return /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;
};

/** Checks an OAuth 1.0a header by signing the same request again with its nonce and timestamp. */
function oauthValid(header: string, method: string, url: string): boolean {
  const fields = Object.fromEntries(
    [...header.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, decodeURIComponent(v ?? '')]),
  );
  const again = oauth1Params(
    { method, url, nonce: fields.oauth_nonce, timestamp: Number(fields.oauth_timestamp) },
    keys,
  );
  return fields.oauth_consumer_key === 'ck' && fields.oauth_signature === again.oauth_signature;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('twitter-dm send', () => {
  it('sends a text DM from userId when to.account is *, signed with OAuth 1.0a', async () => {
    let auth = '';
    nock(API)
      .post(dmPath, { text: 'Hi Ada' })
      .matchHeader('authorization', (value: string) => {
        auth = value;
        return true;
      })
      .reply(201, ok('1871000000000000900'));
    const receipt = await make().send({ to: { ...to, account: '*' }, content: { type: 'text', text: 'Hi Ada' } });
    expect(receipt).toMatchObject({ messageId: '1871000000000000900', conversation: to });
    expect(oauthValid(auth, 'POST', `${API}${dmPath}`)).toBe(true);
  });

  it('splits a text over maxTextLength into several DMs, all ids in the receipt', async () => {
    const parts: string[] = [];
    nock(API)
      .post(dmPath, (body: { text: string }) => parts.push(body.text) > 0)
      .times(2)
      .reply(201, () => ok(`187100000000000090${parts.length}`));
    const text = `${'a'.repeat(9000)} ${'b'.repeat(3000)}`;
    const receipt = await make().send({ to, content: { type: 'text', text } });
    expect(parts.map((p) => p.length)).toEqual([9000, 3000]);
    expect(receipt.messageIds).toEqual(['1871000000000000901', '1871000000000000902']);
  });

  it('uploads bytes with initialize / append / finalize, polls the status while processing, then sends the id', async () => {
    const forms: string[] = [];
    const data = new Uint8Array(2500).fill(7);
    nock(API)
      .post('/2/media/upload/initialize', { media_type: 'video/mp4', total_bytes: 2500, media_category: 'dm_video' })
      .reply(200, { data: { id: '556', media_key: '7_556' } })
      .post('/2/media/upload/556/append', (body: unknown) => {
        forms.push(multipartText(body));
        return true;
      })
      .times(3)
      .reply(204)
      .post('/2/media/upload/556/finalize')
      .reply(200, { data: { id: '556', processing_info: { state: 'pending', check_after_secs: 1 } } })
      .get('/2/media/upload')
      .query({ command: 'STATUS', media_id: '556' })
      .reply(200, { data: { id: '556', processing_info: { state: 'in_progress', check_after_secs: 2 } } })
      .get('/2/media/upload')
      .query({ command: 'STATUS', media_id: '556' })
      .reply(200, { data: { id: '556', processing_info: { state: 'succeeded' } } })
      .post(dmPath, { text: 'Unboxing', attachments: [{ media_id: '556' }] })
      .reply(201, ok('1871000000000000903'));
    const waits: number[] = [];
    const adapter = make({
      mediaChunkBytes: 1024,
      transport: {
        sleep: async (ms: number) => {
          waits.push(ms);
        },
      },
    });
    const file = { type: 'video' as const, media: { data, mimeType: 'video/mp4' }, caption: 'Unboxing' };
    const receipt = await adapter.send({ to, content: file });
    expect(receipt.messageId).toBe('1871000000000000903');
    expect(forms.map((f) => /name="segment_index"\r\n\r\n(\d)/.exec(f)?.[1])).toEqual(['0', '1', '2']);
    expect(forms.map((f) => f.split('\u0007').length - 1)).toEqual([1024, 1024, 452]);
    expect(waits).toEqual([1000, 2000]);
  });

  it('refuses media X cannot take, and a failed processing, with MEDIA_ERROR', async () => {
    const pdf = { type: 'image' as const, media: { data: new Uint8Array(3), mimeType: 'application/pdf' } };
    expect((await failure(() => make().send({ to, content: pdf }))).code).toBe('MEDIA_ERROR');
    nock(API)
      .post('/2/media/upload/initialize')
      .reply(200, { data: { id: '9' } })
      .post('/2/media/upload/9/append')
      .reply(204)
      .post('/2/media/upload/9/finalize')
      .reply(200, { data: { id: '9', processing_info: { state: 'failed', error: { message: 'InvalidMedia' } } } });
    const png = { type: 'image' as const, media: { data: new Uint8Array(3), mimeType: 'image/png' } };
    const err = await failure(() => make().send({ to, content: png }));
    expect(err.code).toBe('MEDIA_ERROR');
    expect(err.message).toContain('InvalidMedia');
  });

  it('sends typing and read through the v1.1 endpoints, and nothing when they are turned off', async () => {
    nock(API)
      .post('/1.1/direct_messages/indicate_typing.json')
      .query({ recipient_id: ADA })
      .reply(204)
      .post('/1.1/direct_messages/mark_read.json')
      .query({ last_read_event_id: '1871000000000000001', recipient_id: ADA })
      .reply(204);
    await make().send({ to, content: { type: 'typing' } });
    await make().send({ to, content: { type: 'read', messageId: '1871000000000000001' } });
    const off = make({ typing: false, readReceipts: false });
    expect(off.capabilities.typing).toBe(false);
    expect((await failure(() => off.send({ to, content: { type: 'typing' } }))).code).toBe('UNSUPPORTED_CONTENT');
    expect((await make().send({ to, content: { type: 'typing', on: false } })).messageId).toBe(`typing:${ADA}:off`);
  });

  it('sends quick replies through v1.1 events/new when enabled', async () => {
    const adapter = make({ quickReplies: true });
    expect(adapter.capabilities.quickReplies).toEqual({ max: 20, titleMax: 36, textMax: 10_000 });
    nock(API)
      .post('/1.1/direct_messages/events/new.json', {
        event: {
          type: 'message_create',
          message_create: {
            target: { recipient_id: ADA },
            message_data: {
              text: 'Pick one',
              quick_reply: { type: 'options', options: [{ label: 'Track', metadata: 'track' }] },
            },
          },
        },
      })
      .reply(200, { event: { id: '1871000000000000904', type: 'message_create' } });
    const content = {
      type: 'buttons' as const,
      style: 'quickReplies' as const,
      text: 'Pick one',
      buttons: [{ id: 'track', title: 'Track' }],
    };
    expect((await adapter.send({ to, content })).messageId).toBe('1871000000000000904');
  });

  it('maps 429 with X headers to RATE_LIMITED with retryAfterMs until the latest used-up reset', async () => {
    const now = () => 1_763_800_000_000;
    nock(API).post(dmPath).reply(
      429,
      { title: 'Too Many Requests', status: 429 },
      {
        'x-rate-limit-remaining': '3',
        'x-rate-limit-reset': '1763800060',
        'x-user-limit-24hour-remaining': '0',
        'x-user-limit-24hour-reset': '1763886400',
      },
    );
    const err = await failure(() => make({ now }).send({ to, content: { type: 'text', text: 'x' } }));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true, platformCode: 429 });
    expect(err.retryAfterMs).toBe(86_400_000);
  });

  it('maps 349 to RECIPIENT_UNAVAILABLE without retrying, and scrubs secrets X echoes back', async () => {
    nock(API)
      .post(dmPath)
      .reply(403, { errors: [{ code: 349, message: 'You cannot send messages to this user. tok-secret' }] });
    const err = await failure(() => make().send({ to, content: { type: 'text', text: 'x' } }));
    expect(err).toMatchObject({ code: 'RECIPIENT_UNAVAILABLE', retryable: false, platformCode: 349 });
    expect(err.message).not.toContain('tok-secret');
    expect(err.message).toContain('[redacted]');
  });

  it('needs credentials for the sending account when several are configured', async () => {
    const two = twitterDm({ consumerSecret: 'cs', credentials: { [BIZ]: credentials, '1111111111': credentials } });
    expect(
      (await failure(() => two.send({ to: { ...to, account: '*' }, content: { type: 'text', text: 'x' } }))).message,
    ).toContain('set to.account');
    expect(
      (await failure(() => two.send({ to: { ...to, account: '42' }, content: { type: 'text', text: 'x' } }))).message,
    ).toContain('no credentials for X account 42');
  });
});
