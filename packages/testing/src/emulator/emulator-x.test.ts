import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signX } from '../signing/signers.js';
import { createEmulator, type Emulator } from './emulator.js';

let emulator: Emulator | undefined;
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await emulator?.close();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

const auth = { authorization: 'OAuth oauth_consumer_key="ck", oauth_token="2244994945-t", oauth_signature="x"' };
const post = (path: string, body?: unknown, headers: Record<string, string> = auth) =>
  fetch(`${emulator!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A gateway stand-in that records what X would deliver and answers CRCs with `secret`. */
async function receiver(secret: string) {
  const got: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('crc_token');
    if (req.method === 'GET') return res.end(JSON.stringify({ response_token: signX(token ?? '', secret) }));
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got };
}

describe('the emulator speaks X', () => {
  it('accepts a DM with user context, refuses 349 for a blocked user and 354 past 10,000 characters', async () => {
    emulator = await createEmulator({ appSecret: 'a' });
    const res = await post('/2/dm_conversations/with/3805104374/messages', { text: 'Hi' });
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({
      dm_conversation_id: '2244994945-3805104374',
      dm_event_id: expect.any(String),
    });
    expect(emulator.sent[0]).toMatchObject({ channel: 'twitter-dm', account: '2244994945', to: '3805104374' });
    expect((await post('/2/dm_conversations/with/1/messages', { text: 'Hi' }, {})).status).toBe(401);
    expect(await (await post('/2/dm_conversations/with/1/messages', { text: 'x'.repeat(10_001) })).json()).toEqual({
      errors: [{ code: 354, message: expect.any(String) }],
    });
    emulator.xBlock('3805104374');
    const blocked = await post('/2/dm_conversations/with/3805104374/messages', { text: 'Hi' });
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).errors[0].code).toBe(349);
  });

  it('injects 429 with X rate-limit headers', async () => {
    emulator = await createEmulator({ appSecret: 'a', now: () => 1_763_800_000_000 });
    emulator.injectX429({ resetInSeconds: 60, userCap: true });
    const res = await post('/2/dm_conversations/with/3805104374/messages', { text: 'Hi' });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(res.headers.get('x-rate-limit-reset')).toBe('1763800060');
    expect(res.headers.get('x-user-limit-24hour-remaining')).toBe('0');
  });

  it('makes refresh tokens single-use at the token endpoint', async () => {
    emulator = await createEmulator({ appSecret: 'a' });
    const refresh = (token: string) =>
      fetch(`${emulator!.url}/2/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token, client_id: 'c' }),
      });
    const first = await refresh('r1');
    expect(first.status).toBe(200);
    expect(Object.keys(await first.json())).toEqual(
      expect.arrayContaining(['access_token', 'refresh_token', 'expires_in']),
    );
    expect((await refresh('r1')).status).toBe(400);
    expect(emulator.xRefreshes).toBe(1);
  });

  it('fires webhooks signed like X in both headers, both envelopes, and runs a CRC check', async () => {
    const gw = await receiver('client-secret');
    emulator = await createEmulator({
      appSecret: 'a',
      gatewayUrl: gw.url,
      x: { consumerSecret: 'consumer', clientSecret: 'client-secret' },
    });
    expect(await emulator.verifyWebhook('twitter-dm')).toEqual({ status: 200, ok: true });
    await emulator.xCustomer({ account: '2244994945', user: '3805104374', name: 'Ada' }).say('Hallo ☕');
    await emulator.xCustomer({ account: '2244994945', user: '3805104374', envelope: 'xaa' }).typing();
    const [aaa, xaa] = gw.got;
    expect(aaa?.headers['x-twitter-webhooks-signature']).toBe(signX(aaa?.body ?? '', 'consumer'));
    expect(aaa?.headers['x-twitter-webhooks-signature-oauth2']).toBe(signX(aaa?.body ?? '', 'client-secret'));
    expect(JSON.parse(aaa?.body ?? '{}')).toMatchObject({
      for_user_id: '2244994945',
      direct_message_events: [
        { type: 'message_create', message_create: { sender_id: '3805104374', message_data: { text: 'Hallo ☕' } } },
      ],
      users: { '3805104374': { name: 'Ada' } },
    });
    expect(aaa?.body).toContain('☕');
    expect(JSON.parse(xaa?.body ?? '{}')).toMatchObject({
      data: {
        filter: { user_id: '2244994945' },
        event_type: 'dm.indicate_typing',
        payload: { direct_message_indicate_typing_events: [{ sender_id: '3805104374' }] },
      },
    });
  });
});
