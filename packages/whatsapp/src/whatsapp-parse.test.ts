import { createHmac } from 'node:crypto';
import { type InboundEvent, inboundEventSchema, LoketError, type WebhookRequest } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { whatsapp } from './whatsapp.js';

const appSecret = 'parse-secret';
const adapter = whatsapp({ appSecret, verifyToken: 'v', accessToken: 't' });
const PN = '106540352242922';

/** Signs and parses a body built here; non-ASCII is escaped as Meta does. */
function parse(payload: unknown): InboundEvent[] {
  const text = JSON.stringify(payload).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const body = new TextEncoder().encode(text);
  const signature = `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
  const req: WebhookRequest = {
    method: 'POST',
    url: '/webhooks/whatsapp',
    headers: new Headers({ 'x-hub-signature-256': signature }),
    body,
  };
  adapter.verify(req);
  const events = adapter.parse(req);
  for (const e of events) expect(inboundEventSchema.safeParse(e).success).toBe(true);
  return events;
}

const value = (rest: Record<string, unknown>, field = 'messages') => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA',
      changes: [
        {
          field,
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '1555', phone_number_id: PN },
            ...rest,
          },
        },
      ],
    },
  ],
});
const msg = (type: string, extra: Record<string, unknown>, id = 'wamid.1') =>
  value({ messages: [{ from: '316', id, timestamp: '1700000000', type, ...extra }] });

describe('parse: edge cases beyond the fixtures', () => {
  it('keeps a Flow response that is not JSON as a string', () => {
    const [e] = parse(
      msg('interactive', {
        interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{oops' } },
      }),
    );
    expect(e).toMatchObject({
      type: 'message',
      content: { type: 'choice', id: 'flow', title: 'Sent', data: { response_json: '{oops' } },
    });
  });

  it('reports an interactive type it does not know', () => {
    const [e] = parse(
      msg('interactive', { interactive: { type: 'call_permission_reply', call_permission_reply: {} } }),
    );
    expect(e).toMatchObject({ type: 'unsupported', id: 'wamid.1', reason: 'interactive:call_permission_reply' });
  });

  it('reads a marketing preference system message as consent', () => {
    const stop = parse(
      msg('system', {
        system: {
          type: 'user_preference_changed',
          body: 'User requested to stop marketing messages',
          marketing: 'stop',
        },
      }),
    );
    expect(stop).toEqual([
      expect.objectContaining({ type: 'consent', id: 'wamid.1', consent: 'revoked', topic: 'marketing' }),
    ]);
    const resume = parse(
      msg('system', { system: { type: 'user_preference_changed', marketing: 'resume' } }, 'wamid.2'),
    );
    expect(resume[0]).toMatchObject({ type: 'consent', consent: 'granted' });
  });

  it('reads user_preferences resume as consent granted, unknown values as unsupported', () => {
    const prefs = (v: string) =>
      parse(
        value(
          { user_preferences: [{ wa_id: '316', category: 'marketing_messages', value: v, timestamp: 1700000000 }] },
          'user_preferences',
        ),
      );
    expect(prefs('resume')[0]).toMatchObject({
      type: 'consent',
      consent: 'granted',
      topic: 'marketing',
      timestamp: 1700000000000,
    });
    expect(prefs('maybe')[0]).toMatchObject({
      type: 'unsupported',
      reason: 'user_preference:marketing_messages:maybe',
    });
  });

  it('maps played to read but keeps its own id; reports statuses it does not know', () => {
    const events = parse(
      value({
        statuses: [
          { id: 'wamid.9', status: 'played', timestamp: '1700000000', recipient_id: '316' },
          { id: 'wamid.9', status: 'deleted', timestamp: '1700000001', recipient_id: '316' },
        ],
      }),
    );
    expect(events[0]).toMatchObject({ type: 'status', id: 'wamid.9:played', status: 'read' });
    expect(events[1]).toMatchObject({ type: 'unsupported', id: 'wamid.9:deleted', reason: 'status:deleted' });
  });

  it('addresses a status sent to a BSUID by recipient_user_id', () => {
    const [e] = parse(
      value({
        statuses: [{ id: 'wamid.8', status: 'delivered', timestamp: '1700000000', recipient_user_id: 'US.1349' }],
      }),
    );
    expect(e?.conversation).toEqual({ channel: 'whatsapp', account: PN, user: 'US.1349' });
  });

  it('maps every async error code through the same table', () => {
    const failed = (code: number) =>
      parse(
        value({
          statuses: [
            {
              id: `wamid.${code}`,
              status: 'failed',
              timestamp: '1700000000',
              recipient_id: '316',
              errors: [{ code, title: 'x' }],
            },
          ],
        }),
      )[0];
    expect(failed(131050)).toMatchObject({ error: { code: 'CONSENT_REQUIRED', message: 'x', platformCode: 131050 } });
    expect(failed(131049)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(failed(131053)).toMatchObject({ error: { code: 'MEDIA_ERROR' } });
    expect(failed(999999)).toMatchObject({ error: { code: 'PLATFORM_ERROR', platformCode: 999999 } });
  });

  it('keeps going past an item that does not fit its schema, under a stable hashed id', () => {
    const payload = value({
      messages: [
        { type: 'text', text: 'no id, no from' },
        { from: '316', id: 'wamid.ok', timestamp: '1700000000', type: 'text', text: { body: 'fine' } },
      ],
    });
    const events = parse(payload);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: 'unsupported', reason: 'invalid:text', conversation: { user: '*' } });
    expect(events[0]?.id).toMatch(/^invalid:[0-9a-f]{32}$/);
    expect(parse(payload)[0]?.id).toBe(events[0]?.id);
    expect(events[1]).toMatchObject({
      type: 'message',
      content: { type: 'text', text: 'fine' },
      timestamp: 1700000000000,
    });
    // The item without a time takes the latest time of the request, so parsing stays a pure function.
    expect(events[0]?.timestamp).toBe(1700000000000);
  });

  it('keeps forwarding, referred products and group ids in meta', () => {
    const [e] = parse(
      msg('text', {
        text: { body: 'fwd' },
        group_id: 'G1',
        context: {
          forwarded: true,
          frequently_forwarded: true,
          referred_product: { catalog_id: 'C', product_retailer_id: 'P' },
        },
      }),
    );
    expect(e).toMatchObject({
      meta: {
        forwarded: true,
        frequentlyForwarded: true,
        referredProduct: { catalogId: 'C', productId: 'P' },
        groupId: 'G1',
      },
    });
    expect(e).not.toHaveProperty('replyTo');
  });

  it('reports a messages change with nothing it knows, an odd entry and a foreign object', () => {
    const [empty] = parse(value({ calls: [{ id: 'c1' }] }));
    expect(empty).toMatchObject({
      type: 'unsupported',
      reason: 'field:messages',
      conversation: { account: PN, user: '*' },
    });
    const [entry] = parse({ object: 'whatsapp_business_account', entry: [{ changes: 'nope' }] });
    expect(entry).toMatchObject({ type: 'unsupported', reason: 'invalid:entry' });
    const [page] = parse({ object: 'page', entry: [] });
    expect(page).toMatchObject({ type: 'unsupported', reason: 'object:page', timestamp: 0 });
    expect(parse({ hello: 'world' })[0]).toMatchObject({ reason: 'invalid:envelope' });
  });

  it('routes account-level fields to the WABA and uses the entry time', () => {
    const [e] = parse({
      object: 'whatsapp_business_account',
      entry: [
        { id: 'WABA7', time: 1700000100, changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] },
      ],
    });
    expect(e).toMatchObject({
      type: 'unsupported',
      reason: 'field:account_update',
      conversation: { account: 'WABA7', user: '*' },
      timestamp: 1700000100000,
    });
    expect(e?.id).toMatch(/^field:account_update:[0-9a-f]{32}$/);
  });

  it('refuses a body that is not JSON with BAD_REQUEST', () => {
    const req: WebhookRequest = {
      method: 'POST',
      url: '/',
      headers: new Headers(),
      body: new TextEncoder().encode('not json'),
    };
    expect(() => adapter.parse(req)).toThrow(LoketError);
    expect(() => adapter.parse(req)).toThrow(/webhook body is not JSON/);
  });
});
