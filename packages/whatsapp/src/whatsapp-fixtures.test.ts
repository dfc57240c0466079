import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import {
  type InboundEvent,
  inboundEventSchema,
  LoketError,
  type OutboundMessage,
  type WebhookRequest,
} from '@loket/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { whatsapp } from './whatsapp.js';

// The shared fixtures, read as raw bytes and signed exactly as they are.
const root = new URL('../../testing/fixtures/whatsapp/', import.meta.url);
const names = (dir: string, suffix: string) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith(suffix) && !(suffix === '.json' && f.endsWith('.events.json')))
    .map((f) => f.slice(0, -suffix.length));
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const json = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;

const appSecret = 'fixture-app-secret';
const adapter = whatsapp({
  appSecret,
  verifyToken: 'fixture-verify-token',
  accessToken: 'EAAG-fixture-token',
  graphVersion: 'v25.0',
  transport: { retry: { attempts: 1 } },
  now: () => 1_750_000_000_000,
});

function signed(body: Uint8Array): WebhookRequest {
  const signature = `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
  return {
    method: 'POST',
    url: 'https://example.test/webhooks/whatsapp',
    headers: new Headers({ 'x-hub-signature-256': signature }),
    body,
  };
}

const withoutRaw = (events: InboundEvent[]) => events.map(({ raw: _raw, ...rest }) => rest);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('inbound fixtures: signed bytes in, events out', () => {
  const inbound = names('inbound/', '.json');

  it('has every kind the adapter must understand', () => {
    expect(inbound.length).toBeGreaterThanOrEqual(30);
  });

  it.each(inbound)('%s', async (name) => {
    const req = signed(bytes(`inbound/${name}.json`));
    await adapter.verify(req);
    const events = adapter.parse(req);
    expect(withoutRaw(events)).toEqual(json(`inbound/${name}.events.json`));
    for (const event of events) {
      expect(inboundEventSchema.safeParse(event).success).toBe(true);
      expect(event.raw).toBeDefined();
    }
    // Redelivery of the same bytes gives the same ids (the dedupe key).
    expect(adapter.parse(req).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it.each(inbound)('%s: a re-serialized body fails verification', (name) => {
    const original = bytes(`inbound/${name}.json`);
    const req = signed(original);
    const parsed: unknown = JSON.parse(new TextDecoder().decode(original));
    // Meta escapes "/" and non-ASCII, JSON.stringify does not; a body with neither is re-indented instead.
    let reserialized = new TextEncoder().encode(JSON.stringify(parsed));
    if (Buffer.from(reserialized).equals(Buffer.from(original)))
      reserialized = new TextEncoder().encode(JSON.stringify(parsed, null, 2));
    expect(() => adapter.verify({ ...req, body: reserialized })).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });
});

interface SendFixture {
  message: OutboundMessage;
  request: { method: string; path: string; body: unknown };
  response: { status: number; body: unknown };
}

describe('send fixtures: message in, the exact HTTP request out', () => {
  it.each(names('send/', '.json'))('%s', async (name) => {
    const f = json<SendFixture>(`send/${name}.json`);
    let seen: unknown;
    const scope = nock('https://graph.facebook.com', { reqheaders: { authorization: 'Bearer EAAG-fixture-token' } })
      .post(f.request.path, (body) => {
        seen = body;
        return true;
      })
      .reply(f.response.status, f.response.body as nock.Body);
    const receipt = await adapter.send(f.message);
    expect(seen).toEqual(f.request.body);
    expect(scope.isDone()).toBe(true);
    const body = f.response.body as { messages?: Array<{ id: string }> };
    const expectedId = body.messages?.map((m) => m.id).at(0);
    if (expectedId) expect(receipt.messageId).toBe(expectedId);
    else expect(receipt.messageId).toMatch(/^(read|typing):wamid\./);
    expect(receipt).toMatchObject({ conversation: f.message.to, acceptedAt: 1_750_000_000_000 });
  });
});

interface ApiFixture {
  request?: { method: string; path: string };
  response: { status: number; headers?: Record<string, string>; body: unknown };
  expectedError?: { code: string; retryable: boolean; platformCode?: string | number };
}

describe('api error fixtures: error bodies in, the right LoketError out', () => {
  const errors = names('api/', '.json').filter((n) => json<ApiFixture>(`api/${n}.json`).expectedError);

  it.each(errors)('%s', async (name) => {
    const f = json<ApiFixture>(`api/${name}.json`);
    const body = typeof f.response.body === 'string' ? f.response.body : JSON.stringify(f.response.body);
    const scope = nock('https://graph.facebook.com')
      .post('/v25.0/106540352242922/messages')
      .reply(f.response.status, body, f.response.headers);
    const to = { channel: 'whatsapp' as const, account: '106540352242922', user: '16505551234' };
    const err = await adapter.send({ to, content: { type: 'text', text: 'hello' } }).catch((e: unknown) => e);
    expect(LoketError.is(err)).toBe(true);
    expect(err).toMatchObject({ ...f.expectedError, channel: 'whatsapp' });
    expect(scope.isDone()).toBe(true);
  });
});
