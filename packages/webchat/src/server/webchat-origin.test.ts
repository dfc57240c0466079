import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebchat, TEST_ORIGIN, type TestGateway } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('web chat origins', () => {
  it('403 on HTTP for an origin not on the list (a copied snippet on another site), nothing minted', async () => {
    t = await startWebchat();
    const elsewhere = t.client({ origin: 'https://copycat.example' });
    const answer = await elsewhere.session();
    expect(answer).toMatchObject({ status: 403, body: { error: 'origin_not_allowed' } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the WebSocket upgrade from another origin, even with a valid credential', async () => {
    t = await startWebchat();
    const client = t.client();
    const { credential } = (await client.session()).body;
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${t?.url.replace('http', 'ws')}/webchat/v1/ws`, ['loket.webchat.v1', credential], {
        headers: { origin: 'https://copycat.example' },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });

  it('answers the preflight of an allowed origin and adds CORS headers to answers', async () => {
    t = await startWebchat();
    const preflight = await fetch(`${t.url}/webchat/v1/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: TEST_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const session = await t.client().session();
    expect(session.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    const denied = await fetch(`${t.url}/webchat/v1/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.status).toBe(403);
  });

  it('requests without Origin (servers, mobile apps) pass the origin check', async () => {
    t = await startWebchat();
    const server = t.client({ origin: undefined });
    expect((await server.session()).status).toBe(200);
  });
});
