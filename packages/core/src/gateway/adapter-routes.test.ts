import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AdapterRuntime } from '../adapter.js';
import { memoryStore } from '../store/memory-store.js';
import type { AdapterRoutes, SocketConnection } from './adapter-routes.js';
import { createGateway } from './create-gateway.js';
import type { Gateway } from './gateway-types.js';
import { testAdapter } from '../test-support/test-adapter.js';

// A channel-neutral adapter with its own routes: an echo of what the binding handed over, a stream of three
// chunks, a WebSocket that echoes frames, and an enqueue route that feeds the inbox.
function routedAdapter() {
  const adapter = testAdapter();
  const sockets: SocketConnection[] = [];
  let runtime: AdapterRuntime | undefined;
  const routes: AdapterRoutes = {
    prefix: '/chat/',
    async fetch(request, info) {
      if (info.path === '/chat/echo') {
        return Response.json({
          method: request.method,
          path: info.path,
          body: await request.text(),
          address: info.remoteAddress ?? null,
        });
      }
      if (info.path === '/chat/stream') {
        let n = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            n += 1;
            if (n > 3) controller.close();
            else controller.enqueue(new TextEncoder().encode(`chunk${n};`));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      }
      if (info.path === '/chat/enqueue' && runtime) {
        const id = await runtime.enqueue({
          method: 'POST',
          url: request.url,
          headers: new Headers({ 'content-type': 'application/json' }),
          body: new Uint8Array(await request.arrayBuffer()),
        });
        return Response.json({ id }, { status: 202 });
      }
      return undefined;
    },
    socket: {
      path: '/chat/ws',
      maxPayload: 64,
      async decide(request) {
        if (request.headers.get('sec-websocket-protocol')?.includes('let-me-in') !== true) {
          return { accept: false, status: 401, body: '{"error":"unauthorized"}' };
        }
        return {
          accept: true,
          protocol: 'let-me-in',
          open(connection) {
            sockets.push(connection);
            connection.onMessage((text) => connection.send(`echo:${text}`));
          },
        };
      },
    },
  };
  return Object.assign(adapter, { routes, bind: (r: AdapterRuntime) => (runtime = r), sockets });
}

let gateway: Gateway | undefined;
let server: ReturnType<typeof createServer> | undefined;
afterEach(async () => {
  await gateway?.close();
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  gateway = undefined;
  server = undefined;
});

async function serve(basePath = '/base') {
  const adapter = routedAdapter();
  gateway = createGateway({ channels: [adapter], store: memoryStore(), basePath });
  server = createServer();
  gateway.attach(server);
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return { adapter, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}` };
}

describe('adapter routes', () => {
  it('the fetch binding hands requests under the prefix to the adapter; other paths still reach the webhooks', async () => {
    gateway = createGateway({ channels: [routedAdapter()], store: memoryStore(), basePath: '/base' });
    const echo = await gateway.fetch(new Request('http://x/base/chat/echo', { method: 'POST', body: 'hello' }));
    expect(await echo.json()).toEqual({ method: 'POST', path: '/chat/echo', body: 'hello', address: null });
    expect((await gateway.fetch(new Request('http://x/base/chat/nothing'))).status).toBe(404);
    expect((await gateway.fetch(new Request('http://x/base/webhooks/nope'))).status).toBe(404);
    const stream = await gateway.fetch(new Request('http://x/base/chat/stream'));
    expect(await stream.text()).toBe('chunk1;chunk2;chunk3;');
  });

  it('the node binding streams the same answers, with the peer address', async () => {
    const { url } = await serve();
    const echo = await (await fetch(`${url}/chat/echo`, { method: 'POST', body: 'bytes' })).json();
    expect(echo).toMatchObject({ method: 'POST', body: 'bytes', address: '127.0.0.1' });
    expect(await (await fetch(`${url}/chat/stream`)).text()).toBe('chunk1;chunk2;chunk3;');
  });

  it('an adapter enqueues its own request into the inbox', async () => {
    const { url } = await serve();
    const answer = await fetch(`${url}/chat/enqueue`, { method: 'POST', body: '[]' });
    expect(answer.status).toBe(202);
    expect(await gateway?.store.inbox.stats()).toMatchObject({ pending: 1 });
  });

  it('upgrades only what the adapter accepts, with its subprotocol and frame limit', async () => {
    const { url } = await serve();
    const wsUrl = `${url.replace('http', 'ws')}/chat/ws`;
    const refused = await new Promise<number>((resolve) => {
      new WebSocket(wsUrl, ['nope']).on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    });
    expect(refused).toBe(401);
    const ws = new WebSocket(wsUrl, ['let-me-in']);
    await new Promise((r) => ws.on('open', r));
    expect(ws.protocol).toBe('let-me-in');
    ws.send('hi');
    expect(String(await new Promise((r) => ws.once('message', r)))).toBe('echo:hi');
    ws.send('x'.repeat(100));
    expect(await new Promise((r) => ws.on('close', r))).toBe(1009);
  });

  it('gateway.upgrade answers false for paths that are not a socket route', async () => {
    const { url } = await serve();
    const status = await new Promise<number>((resolve) => {
      new WebSocket(`${url.replace('http', 'ws')}/elsewhere`).on('unexpected-response', (_q, res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(404);
  });
});
